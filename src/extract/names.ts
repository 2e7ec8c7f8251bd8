// People's names in page text. A page names its interviewee in several forms: the
// full name in the standfirst ("Der Palliativmediziner Gian Domenico Borasio"), a
// surname in a speaker label or a vocative ("Herr Professor Borasio, …"), a first
// name ("Jan, …", "Anne:"). A name is the capitalised words that recur together:
// the role word in front ("Palliativmediziner", "Schauspielerin") or a noun after
// it occurs once, the name itself again and again.

import { isInitials, isNameLike } from './text';

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const PARTICLES = /^(?:de|del|der|den|da|di|du|la|le|van|von|bin|al|el|dos|das|ter|y|e)$/;
/** Words that open a sentence or a name in many languages and are never part of one. */
const DETERMINERS =
  /^(?:the|a|an|der|die|das|den|dem|des|ein|eine|einer|le|la|les|l['’]|un|une|el|los|las|il|lo|gli|mit|with|avec|con|by|von|par|por|im|in|am|an)$/i;
const HONORIFIC =
  /^(?:herr|frau|mr|mrs|ms|miss|mx|dr|prof|professor|professorin|monsieur|madame|mademoiselle|m|mme|señor|señora|sr|sra|don|doña|signor|signora)\.?$/i;

/** Runs of capitalised words in a text ("Gian Domenico Borasio", "Der Palliativmediziner Gian …"), particles kept inside. */
export function capitalisedRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const w = raw.replace(/^[„“"'«‚‘(¿¡]+/, '');
    const bare = w.replace(/[,.;:!?)»“”"'’]+$/, '');
    const ends = bare !== w;
    if (bare !== '' && NAME_WORD.test(bare) && !HONORIFIC.test(bare)) run.push(bare);
    else if (run.length > 0 && PARTICLES.test(bare) && !ends) {
      run.push(bare);
      continue;
    } else {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    if (ends) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs.map((r) => {
    while (r.length > 0 && (DETERMINERS.test(r[0]!) || PARTICLES.test(r[0]!))) r.shift();
    while (r.length > 0 && PARTICLES.test(r[r.length - 1]!)) r.pop();
    return r;
  });
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    const after = haystack[at + needle.length];
    // Whole words only: "Anne Lück" is not counted in "Anne Lückert".
    if (after === undefined || !/[\p{L}\p{M}]/u.test(after)) n++;
  }
  return n;
}

/**
 * The fullest name the page gives someone known by `seed` (a surname, a first name,
 * a label, or a run caught in prose): the run of two to four capitalised words that
 * begins or ends with the seed and that the page repeats most, the longer on a tie.
 */
export function fullName(seed: string, texts: string[]): string | null {
  if (isInitials(seed)) return nameWithInitials(seed, texts);
  const seedWords = seed.split(/\s+/).filter((w) => !HONORIFIC.test(w));
  if (seedWords.length === 0) return null;
  const candidates = new Set<string>();
  const key = seedWords[0]!;
  const holding = texts.filter((t) => t.includes(key));
  const all = holding.join('\n');
  for (const t of holding) {
    for (const run of capitalisedRuns(t)) {
      for (let start = 0; start < run.length; start++) {
        for (let len = 2; len <= 4 && start + len <= run.length; len++) {
          const part = run.slice(start, start + len);
          const k = seedWords.length;
          const begins = k <= len && part.slice(0, k).join(' ') === seedWords.join(' ');
          const ends = k <= len && part.slice(len - k).join(' ') === seedWords.join(' ');
          if (begins || ends) candidates.add(part.join(' '));
        }
      }
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const c of candidates) {
    if (!isNameLike(c) || PARTICLES.test(c.split(' ')[0]!)) continue;
    const n = occurrences(all, c);
    if (n > bestCount || (n === bestCount && best !== null && c.length > best.length)) {
      best = c;
      bestCount = n;
    }
  }
  if (best !== null) return best;
  return seedWords.length >= 2 && isNameLike(seedWords.join(' ')) ? seedWords.join(' ') : null;
}

/** The name that initials stand for ("JT" → "Jordan Taylor"): the most repeated run of words with those initials. */
function nameWithInitials(initials: string, texts: string[]): string | null {
  const want = initials.replace(/\./g, '');
  const counts = new Map<string, number>();
  for (const t of texts) {
    for (const run of capitalisedRuns(t)) {
      for (let start = 0; start + want.length <= run.length; start++) {
        const part = run.slice(start, start + want.length);
        if (part.map((w) => w[0]).join('') === want) {
          const name = part.join(' ');
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts)
    if (isNameLike(name) && (best === null || n > counts.get(best)!)) best = name;
  return best;
}

/**
 * Text written as UTF-8 and read as Latin-1 ("AndrÃ©s"): the letters it stood for
 * ("Andrés"), for comparing a mis-decoded headline with the page's own text.
 */
export function repairMojibake(s: string): string {
  if (!/[ÃÂ][\u0080-\u00bf]/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    bytes[i] = c;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return s;
  }
}

/**
 * The name an interviewer addresses in a question: after a title ("Herr Professor
 * Borasio, …", "Mr Smith, …", "…, Herr Bartsch, welchen…") or alone at the start
 * ("Jan, SportScheck ist …"). The caller checks it against names the page prints.
 */
export function addressedName(question: string): string | null {
  const titled =
    /(?:^|[\s,])(?:Herr|Frau|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Monsieur|Madame|Señora?|Sr\.|Sra\.|Signora?)\s+(?:(?:Prof(?:essor)?|Dr)\.?\s+)*(\p{Lu}[\p{L}\p{M}'’-]+)(?=\s*[,?!.])/u.exec(
      question,
    );
  if (titled) return titled[1]!;
  const bare = /^(\p{Lu}[\p{L}\p{M}'’-]+),\s/u.exec(question);
  return bare ? bare[1]! : null;
}
