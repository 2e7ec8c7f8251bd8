// Lines in the publisher's voice rather than the interviewee's, in the languages
// the extractor meets most (English, German, French, Spanish, Italian): the
// closing thanks and credits that end an interview, teasers and calls to action
// dropped between answers, and reply titles of forum threads. Each is a whole
// block's opening words, never a phrase inside an answer.

import { isNameLike } from './text';

/**
 * Closings: after one of these, the interview is over ("Vielen Dank für das
 * Gespräch!", "Das Gespräch führte …", "This interview has been edited…",
 * "To learn more…"). Thanks from the interviewee ("Thanks for having me") are
 * answer text and do not match.
 */
const CLOSING = new RegExp(
  [
    // English
    String.raw`^(?:to (?:learn|find out|read|hear|see) more\b)`,
    '^(?:many |big )?thanks?(?: you)?(?: so much| very much)?(?: (?:again|to [^.!?]{1,80}?))? for (?:chatting|talking|speaking|sharing|joining|taking the time|your time|the (?:interview|conversation|chat|talk)|reading|this (?:interview|conversation))',
    String.raw`^(?:interested in (?:joining|working|learning)|want to (?:join|work))\b`,
    '^(?:this|the) (?:interview|conversation) (?:has been|was|is|have been) (?:edited|condensed|lightly|conducted|translated)',
    String.raw`^(?:interview(?:ed)?|conversation) (?:conducted )?by\b`,
    String.raw`^(?:editor['’]s note|check out our open roles)\b`,
    // German
    String.raw`^(?:vielen|herzlichen|besten|ganz herzlichen) dank(?: (?:an|auch) [^.!?]{1,60}?)? für (?:das|dieses|den|diesen|diese|ihre|deine|eure|die) (?:\S+ ){0,2}?(?:interview|gespräch|zeit|einblicke?|antworten|offenheit)`,
    String.raw`^danke(?: schön| sehr)? für (?:das|dieses|die) (?:\S+ ){0,2}?(?:interview|gespräch|einblicke?|zeit)`,
    String.raw`^das (?:gespräch|interview) (?:führten?|wurde\b.{0,160}\bgeführt)\b`,
    String.raw`^(?:interview|gespräch|die fragen stellte|die fragen stellten)\s*:?\s*\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\.?$`,
    // French
    String.raw`^merci (?:beaucoup |infiniment |encore )?(?:à [^.!?]{1,60}? )?(?:pour|d['’]avoir) (?:cet|cette|votre|ton|ta|ce|le|la|les|vos|tes) ?(?:\S+ )?(?:entretien|échange|interview|conversation|temps|réponses)`,
    String.raw`^(?:propos recueillis|entretien réalisé|interview réalisée?) par\b`,
    // Spanish, Italian
    String.raw`^(?:muchas )?gracias (?:a [^.!?]{1,60}? )?por (?:la|esta|su|tu|el|sus|tus) (?:\S+ )?(?:entrevista|conversación|charla|tiempo|respuestas)`,
    String.raw`^(?:entrevista|conversación) (?:realizada )?por\b`,
    "^grazie (?:mille )?per (?:l['’]intervista|il (?:tuo|suo) tempo|la chiacchierata)",
  ].join('|'),
  'iu',
);

/** Closing lines are short: a long paragraph that opens with thanks is the interviewee talking. */
const MAX_CLOSING = 300;

export function isClosing(text: string): boolean {
  return text.length <= MAX_CLOSING && CLOSING.test(text);
}

/** The author line of a profile or interview ("Written by Dana Ortiz", "Geschrieben von …"): returns the name. */
const AUTHOR_LINE =
  /^(?:written|words|text|story|reporting|interview|profile|posted) by\s*:?\s+|^(?:geschrieben von|text\s*:|autor(?:in)?\s*:|écrit par|texte\s*:|escrito por|texto\s*:|scritto da)\s*/i;
/** A bare byline ("By Dana Ortiz", "Von Eva Klein", "Par Marie Durand"): only a short line that is nothing else. */
const BYLINE = /^(?:by|von|par|por|di)\s+(?=\p{Lu})/iu;

export function authorLine(text: string): string | null {
  if (text.length > 120) return null;
  const m = AUTHOR_LINE.exec(text) ?? (text.split(/\s+/).length <= 6 ? BYLINE.exec(text) : null);
  if (!m) return null;
  // "Written by Dana Ortiz, Senior Recruiter" → the name before any comma, pipe or dash.
  const name = text
    .slice(m[0].length)
    .split(/\s*(?:[,|–—]|\s-\s| on | am | le | el )\s*/)[0]!
    .trim();
  return isNameLike(name) ? name : null;
}

/**
 * Teasers: a lead-in that sends the reader elsewhere ("WATCH: …", "Read more: …",
 * "Lesen Sie auch: …", "Le puede interesar: …"). Never a prompt, never answer text.
 */
const TEASER_LEAD =
  /^(?:watch|listen|read(?: more| also)?|also read|see also|related|more|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|das könnte sie auch interessieren|lire (?:aussi|également)|à lire (?:aussi|également)|voir aussi|lee también|le puede interesar|te puede interesar|ver también|más información|leggi anche)\b\s*[:：]/iu;

/** An opening label set in capitals ("WATCH:", "LE PUEDE INTERESAR:"), a teaser unless it names a speaker. */
export const CAPS_LEAD = /^[\p{Lu}\d][\p{Lu}\d '’&.-]{1,40}[:：]\s/u;

/**
 * Calls to action addressed to the reader ("Want more stories like this?",
 * "Enjoyed this interview?", "Want to know more about …?", "Lust auf mehr?",
 * "Sign up for our newsletter"). Shaped like questions or lines among the
 * answers, but nobody answers them.
 */
const CALL_TO_ACTION = new RegExp(
  [
    String.raw`^(?:want|wanna|enjoy(?:ed)?|like|liked|love|loved|looking for)\b[^?]{0,60}\b(?:more|this|these|stories|newsletter|reading|article|interview|podcast)\b[^?]*\?`,
    "^(?:lust auf mehr|gefällt (?:dir|ihnen)|mehr davon|envie d['’]en (?:savoir|lire) plus|vous avez aimé|¿?te gustó|¿?quieres (?:saber|leer) más)",
    // Imperatives to subscribe: "Sign up for…", "Subscribe to…", "Jetzt … abonnieren", "Abonnez-vous", "Suscríbete".
    String.raw`\b(?:sign up|subscribe) (?:for|to|now|today|here)\b|\b(?:newsletter|jetzt)\b[^.!?]{0,40}\babonnieren\b|\babonnez-vous\b|\bsuscr[ií]bete\b|\binscrivez-vous\b`,
  ].join('|'),
  'iu',
);

/** A teaser lead-in ("WATCH: …"); a capitals label counts unless the page uses it as a speaker's. */
export function isTeaser(text: string, speakerLabel: boolean): boolean {
  return TEASER_LEAD.test(text) || (!speakerLabel && CAPS_LEAD.test(text));
}

/** A call to action: a short line in the publisher's voice asking the reader to read on or sign up. */
export function isCallToAction(text: string): boolean {
  return text.length <= 200 && CALL_TO_ACTION.test(text);
}

/** A forum reply's title ("Re: Is it worth it?", "AW: …"): the thread's question again, not a new one. */
export function isReplyTitle(text: string): boolean {
  return /^(?:re|aw|antw|sv|vs)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/i.test(text);
}

/**
 * A post's byline in a thread ("by kim_88 on May 2, 2023", "dana schrieb:",
 * "Marc a écrit :"): replies by different people, not one interviewee's answers.
 */
const POST_BYLINE = new RegExp(
  [
    String.raw`^(?:by|posted by|von|par|por|di)\s+\S+(?:\s+\S+){0,3}\s+(?:on|am|le|el|il)\s+.*\d`,
    String.raw`^\S+(?:\s+\S+)?\s+(?:wrote|writes|said|says|schrieb|schreibt|a écrit|escribió|ha scritto)\s*:?\s*$`,
  ].join('|'),
  'iu',
);

export function isPostByline(text: string): boolean {
  return text.length <= 80 && POST_BYLINE.test(text);
}
