// Storage fails in ways a reader can act on (full disk, private mode, another
// tab holding an old version open); each failure gets one kind and one sentence.

export type StoreErrorKind = 'quota' | 'blocked' | 'unavailable' | 'invalid' | 'not-found' | 'unknown';

const USER_MESSAGES: Record<StoreErrorKind, string> = {
  quota:
    "Your browser's storage for Interview Highlights is full, so this change was not saved. Free some disk space or delete highlights you no longer need, then try again.",
  blocked:
    'Another Interview Highlights tab is holding an older version of your library open. Close or reload the other extension pages and try again.',
  unavailable:
    'Interview Highlights cannot open its storage. Private browsing or a setting that blocks site data may be switching it off.',
  invalid: 'This highlight could not be saved because some of its data is not valid.',
  'not-found': 'That highlight no longer exists. It may have been deleted in another window.',
  unknown: 'Interview Highlights could not read or write its library. Please try again.',
};

export class StoreError extends Error {
  override name = 'StoreError';
  readonly kind: StoreErrorKind;
  /** A sentence for the reader; `message` keeps the technical detail. */
  readonly userMessage: string;

  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown; userMessage?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.userMessage = options?.userMessage ?? USER_MESSAGES[kind];
  }
}

/** A backup file that was refused; the message names the first thing wrong with it. */
export class BackupError extends Error {
  override name = 'BackupError';
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.userMessage = `This file cannot be imported: ${message}`;
  }
}

const KIND_BY_NAME: Record<string, StoreErrorKind> = {
  QuotaExceededError: 'quota',
  // Firefox before 2019 and some Safari builds.
  NS_ERROR_DOM_QUOTA_REACHED: 'quota',
  BlockedError: 'blocked',
  DatabaseClosedError: 'unavailable',
  VersionError: 'unavailable',
  UpgradeError: 'unavailable',
  OpenFailedError: 'unavailable',
  MissingAPIError: 'unavailable',
  // Firefox private windows refuse IndexedDB with InvalidStateError.
  InvalidStateError: 'unavailable',
  InvalidAccessError: 'unavailable',
  SecurityError: 'unavailable',
  NoSuchDatabaseError: 'unavailable',
  NotFoundError: 'unavailable',
  DataError: 'invalid',
  DataCloneError: 'invalid',
  ConstraintError: 'invalid',
  SchemaError: 'invalid',
  InvalidTableError: 'invalid',
};

function nameOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const n = (e as { name?: unknown }).name;
  return typeof n === 'string' ? n : undefined;
}

/**
 * A disk with no byte left: Chromium closes the connection with an UnknownError
 * naming the file error ("IO error: …/000003.log: FILE_ERROR_NO_SPACE") rather
 * than the QuotaExceededError it gives when the disk is merely too full.
 */
const DISK_FULL = /FILE_ERROR_NO_SPACE|no space left on device/i;

function messageOf(e: unknown): string {
  if (typeof e !== 'object' || e === null) return '';
  const m = (e as { message?: unknown }).message;
  return typeof m === 'string' ? m : '';
}

function innerOf(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) return undefined;
  // Dexie wraps the DOMException that caused an abort or a failed open in `inner`.
  const o = e as { inner?: unknown; cause?: unknown };
  return o.inner ?? o.cause;
}

/** The most specific kind along the chain of wrapped errors. */
function kindOf(e: unknown): StoreErrorKind {
  let found: StoreErrorKind = 'unknown';
  const seen = new Set<unknown>();
  for (let cur: unknown = e; cur !== undefined && cur !== null && !seen.has(cur); cur = innerOf(cur)) {
    seen.add(cur);
    const name = nameOf(cur);
    let kind = name === undefined ? undefined : KIND_BY_NAME[name];
    if (kind === undefined && DISK_FULL.test(messageOf(cur))) kind = 'quota';
    // The innermost cause wins: an OpenFailedError caused by a QuotaExceededError is a full disk.
    if (kind !== undefined) found = kind;
  }
  return found;
}

export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const kind = kindOf(e);
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (kind === 'unavailable' && /VersionError/.test(message + String(nameOf(innerOf(e))))) {
    return new StoreError(kind, message, {
      cause: e,
      userMessage:
        'Your library was saved by a newer version of Interview Highlights. Update the extension to open it.',
    });
  }
  return new StoreError(kind, message, { cause: e });
}
