/**
 * Identity and account numbers written in their own shapes, which the digit-run rule of
 * mask-personal-data.ts misses because letters or dots break the run: UK National Insurance numbers,
 * Brazilian CPF and CNPJ, Dutch BSN with dots, passport numbers after a word that says so → `[id]`;
 * IBANs → `[iban]`. Runs on folded text (folded-text.ts), so full-width forms are found too.
 */
import { type Folded, replaceIn } from './folded-text.ts';
import { anyCase, CURRENCY, NOT_AFTER_VERSION_WORD } from './mask-context.ts';

/** Nothing of a Latin word glued on this side: no Latin letter, digit or underscore (CJK text may be: `护照号E12345678`). */
const NOT_AFTER_WORD = '(?<![\\p{sc=Latin}\\p{N}_])';
const NOT_BEFORE_WORD = '(?![\\p{sc=Latin}\\p{N}_])';
const DASH = '[\\-\\u2010-\\u2014]';

/**
 * UK National Insurance number (HMRC, National Insurance Manual NIM39110): two prefix letters, six
 * digits, a suffix A–D, written `AB123456C` or in pairs `AB 12 34 56 C`. Neither prefix letter is D, F,
 * I, Q, U or V, the second is not O, and BG, GB, KN, NK, NT, TN and ZZ are never issued; so HMRC's own
 * specimen `QQ 12 34 56 C` is no number and stays, as do codes of that shape with such a prefix.
 */
const NINO = `${NOT_AFTER_WORD}(?![Bb][Gg]|[Gg][Bb]|[Kk][Nn]|[Nn][Kk]|[Nn][Tt]|[Tt][Nn]|[Zz][Zz])[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d]${NOT_BEFORE_WORD}`;

/** Not part of a longer dotted or grouped number on either side, nor an amount (`€ 123.456.782`, `123.456.782,00`). */
const NUMBER_BEFORE = `(?<!\\p{N}|\\p{N}[.,]|${CURRENCY} ?)${NOT_AFTER_VERSION_WORD}`;
const NUMBER_AFTER = `(?!\\p{N}|[.,\\-]\\p{N}| ?${CURRENCY})`;
/** Brazilian CPF `123.456.789-09` and CNPJ `12.345.678/0001-95` as written: their punctuation is theirs alone. */
const CPF = `${NUMBER_BEFORE}\\d{3}\\.\\d{3}\\.\\d{3}${DASH}\\d{2}${NUMBER_AFTER}`;
const CNPJ = `${NUMBER_BEFORE}\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}${DASH}\\d{2}${NUMBER_AFTER}`;
/** Dutch BSN `1234.56.789`, a form used for nothing else; `123.456.782` is also how a 9-digit amount is grouped, so that form must pass the 11-test ({@link isBsn}). */
const BSN_OWN_FORM = `${NUMBER_BEFORE}\\d{4}\\.\\d{2}\\.\\d{3}${NUMBER_AFTER}`;
const BSN_GROUPED = `${NUMBER_BEFORE}\\d{3}\\.\\d{3}\\.\\d{3}${NUMBER_AFTER}`;

/** The BSN 11-test (elfproef): 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11. */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += (9 - k) * Number(digits[k]);
  return (sum - Number(digits[8])) % 11 === 0;
}

/**
 * A passport number only where a word says it is one (`passport no. 123456789`, `护照 E12345678`,
 * `Reisepass: C01X00T47`): six to nine letters and digits, a digit among them. Without such a word a
 * code of that shape is a code (`INC0012345`, `PROJ1234`) and stays.
 */
const PASSPORT_WORD = `(?:${NOT_AFTER_WORD}(?:${anyCase('passport')}(?:[ \\t]*(?:${['no.', 'no', 'nr.', 'nr', 'number', '#'].map(anyCase).join('|')}))?|${['passeport', 'pasaporte', 'passaporto', 'passnummer', 'pass-nr.'].map(anyCase).join('|')}|${anyCase('reisepass')}(?:${anyCase('nummer')}|[ -]?${anyCase('nr.')}|[ -]?${anyCase('nr')})?)(?!\\p{sc=Latin})|护照(?:号码|号)?)`;
const PASSPORT = `${PASSPORT_WORD}[ \\t]*[:#=]?[ \\t]*(?=[A-Za-z]{0,8}\\d)[A-Za-z0-9]{6,9}${NOT_BEFORE_WORD}`;

const ID = new RegExp([NINO, CPF, CNPJ, BSN_OWN_FORM].join('|'), 'gu');
const GROUPED = new RegExp(BSN_GROUPED, 'gu');
const PASSPORT_RE = new RegExp(PASSPORT, 'gu');

/**
 * An IBAN candidate (ISO 13616): a country code, two check digits and up to 30 letters and digits,
 * unspaced or in groups of four; {@link ibanAt} finds the IBAN in it.
 */
const IBAN_CANDIDATE = new RegExp(`${NOT_AFTER_WORD}[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4})+(?: ?[A-Za-z0-9]{1,3})?${NOT_BEFORE_WORD}`, 'gu');

/** The ISO 13616 check: the country code and check digits moved to the end, letters as 10–35, the number mod 97 is 1. */
export function isIban(compact: string): boolean {
  if (!/^[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}$/.test(compact)) return false;
  let rest = 0;
  for (const c of compact.slice(4) + compact.slice(0, 4)) {
    const v = Number.parseInt(c, 36);
    rest = (v < 10 ? rest * 10 + v : rest * 100 + v) % 97;
  }
  return rest === 1;
}

/**
 * The longest IBAN the candidate starts with, ending at a group's end: `GB29 NWBK 6016 1331 9268 19 SENT`
 * is an IBAN and a word. It must hold 8 digits or more (every country's does), so words of four letters
 * after two letters and two digits are never read as one.
 */
function ibanAt(candidate: string): string {
  const ends = [...candidate.matchAll(/ /g)].map((m) => m.index).concat(candidate.length);
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k] as number;
    const compact = candidate.slice(0, end).replaceAll(' ', '');
    if ((compact.match(/\d/g)?.length ?? 0) >= 8 && isIban(compact)) return `[iban]${candidate.slice(end)}`;
  }
  return candidate;
}

const MAY_HOLD_ID = /\d/;

/**
 * What each pattern cannot match without (plain ASCII patterns, no look-arounds): most texts that hold a
 * digit (every ticket id) hold none of these, and the patterns themselves, Unicode-aware with look-behinds,
 * cost about 0.5 µs a text each: on the 1 M-ticket benchmark the ids alone went from 0.7 s to 2.8 s of
 * masking without these. Each is implied by its pattern (property-tested: the same text with and without).
 */
const GATES = {
  // An IBAN is 15 letters and digits at least (isIban), spaces between them allowed: `INC0000001` is none.
  iban: /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11}/,
  passport: /pas|护照/i,
  id: /[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d]|\d\.\d/,
  grouped: /\d{3}\.\d{3}\.\d{3}/,
};

/** Identity and account numbers → `[id]`, IBANs → `[iban]` (see the module comment); other text as it is. */
export function maskIdentityNumbers(f: Folded): Folded {
  return maskIdentityNumbersGated(f, true);
}

/** {@link maskIdentityNumbers}, each pattern tried only where its gate matches (`gated`), or always. */
export function maskIdentityNumbersGated(f: Folded, gated: boolean): Folded {
  if (!MAY_HOLD_ID.test(f.text)) return f;
  const tried = (gate: RegExp, text: string) => !gated || gate.test(text);
  let out = tried(GATES.iban, f.text) ? replaceIn(f, IBAN_CANDIDATE, ibanAt) : f;
  if (tried(GATES.passport, out.text)) out = replaceIn(out, PASSPORT_RE, (m) => m.replace(/[A-Za-z0-9]+$/, '[id]'));
  if (tried(GATES.id, out.text)) out = replaceIn(out, ID, () => '[id]');
  return tried(GATES.grouped, out.text) ? replaceIn(out, GROUPED, (m) => (isBsn(m.replaceAll('.', '')) ? '[id]' : m)) : out;
}
