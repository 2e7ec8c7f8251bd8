// One kit of value checks for everything that enters from outside the code's
// own hands: messages from pages, rows read back from storage, backup files,
// settings. Each check returns the clean value or throws a ValidationError
// naming the path of the first bad value and what was expected there, in words
// the reader of an import error can follow. The shapes built from it (a
// Highlight, an Article) live once, in src/store/validate.ts.

import { FORBIDDEN_KEYS } from './types';

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** A value as an error message shows it: short, and never the whole of a long string. */
function shown(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

export function refuse(path: string, expected: string, got: unknown): never {
  throw new ValidationError(path, `expected ${expected}, got ${shown(got)}`);
}

/** Checks one value at `path`; the shape of every checker in this kit. */
export type Check<T> = (v: unknown, path: string) => T;

const FORBIDDEN = new Set<string>(FORBIDDEN_KEYS);

/**
 * A plain data object: not an array or a class instance (a Date, a Map, an
 * object with an inherited prototype), no symbol keys, and none of the keys
 * that poison prototypes, which JSON.parse and structured clone both keep.
 */
export function record(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) refuse(path, 'an object', v);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) refuse(path, 'plain data', v);
  for (const k of Reflect.ownKeys(v)) {
    if (typeof k !== 'string') throw new ValidationError(path, 'symbol key');
    if (FORBIDDEN.has(k)) throw new ValidationError(`${path}.${k}`, 'forbidden key');
  }
  return v as Record<string, unknown>;
}

/** A checker per key of T, optional keys included (their checker answers undefined when the key is absent). */
export type Fields<T> = { [K in keyof T]-?: Check<T[K]> };

/**
 * An object with these fields, as a fresh object holding only them: unknown
 * keys are dropped, or refused when `strict` (a message envelope with a key
 * nobody reads is a sender's bug worth hearing about).
 */
export function fields<T>(shape: Fields<T>, strict = false): Check<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (v, path) => {
    const o = record(v, path);
    if (strict) {
      for (const k of Object.keys(o))
        if (!(k in shape)) throw new ValidationError(`${path}.${k}`, 'unknown key');
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const value = (shape[k] as Check<unknown>)(o[k], `${path}.${k}`);
      if (value !== undefined) out[k] = value;
    }
    return out as T;
  };
}

export function str(v: unknown, path: string, max: number, opts: { nonEmpty?: boolean } = {}): string {
  if (typeof v !== 'string') refuse(path, 'a string', v);
  if (v.length > max)
    throw new ValidationError(path, `string of ${v.length} characters is longer than ${max}`);
  if (opts.nonEmpty && v.trim() === '') refuse(path, 'a non-empty string', v);
  return v;
}

/** A string of at most `max` characters (not blank when `nonEmpty`), as a checker. */
export const text =
  (max: number, opts: { nonEmpty?: boolean } = {}): Check<string> =>
  (v, path) =>
    str(v, path, max, opts);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v, path) =>
    v === null ? null : check(v, path);

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v, path) =>
    v === undefined ? undefined : check(v, path);

export const bool: Check<boolean> = (v, path) => {
  if (typeof v !== 'boolean') refuse(path, 'true or false', v);
  return v;
};

/** Epoch milliseconds, within the range a Date can hold. */
export const time: Check<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 8.64e15)
    refuse(path, 'a time in epoch milliseconds', v);
  return v;
};

/** A whole number in [min, max]. */
export const int =
  (min: number, max: number = Number.MAX_SAFE_INTEGER): Check<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
      refuse(
        path,
        max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number in [${min}, ${max}]`,
        v,
      );
    return v;
  };

export const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      refuse(path, `one of ${values.join(', ')}`, v);
    return v as T;
  };

/** An array of at most `max` items, without holes (structured clone keeps them; a loop would skip them). */
export function array(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) refuse(path, 'an array', v);
  if (v.length > max) throw new ValidationError(path, `${v.length} items is more than ${max}`);
  for (let i = 0; i < v.length; i++)
    if (!(i in v)) throw new ValidationError(`${path}[${i}]`, 'missing item');
  return v;
}

/** An array of at most `max` items, each checked by `item`. */
export const list =
  <T>(item: Check<T>, max: number): Check<T[]> =>
  (v, path) =>
    array(v, path, max).map((x, i) => item(x, `${path}[${i}]`));

/** Links the extension renders must not run script; file: pages can be clipped too. */
const URL_SCHEMES = ['http:', 'https:', 'file:'];

export function url(v: unknown, path: string, max: number, opts: { allowEmpty?: boolean } = {}): string {
  const s = str(v, path, max);
  if (s === '' && opts.allowEmpty) return s;
  let scheme: string;
  try {
    scheme = new URL(s).protocol;
  } catch {
    refuse(path, 'an absolute URL', s);
  }
  if (!URL_SCHEMES.includes(scheme)) refuse(path, 'an http(s) or file URL', s);
  return s;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD day. */
export const isoDate: Check<string> = (v, path) => {
  const s = str(v, path, 10);
  if (!ISO_DATE.test(s)) refuse(path, 'a YYYY-MM-DD date', s);
  return s;
};
