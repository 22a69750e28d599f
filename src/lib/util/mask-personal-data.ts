/**
 * Masking of personal data in the texts a review publishes from its exports (over 400 lines: each pattern beside its reasons):
 * free text (comments, titles, names, rejected values), the ids of exported records and the export
 * files' names. README "Personal data" lists which text gets which rule, and where.
 */
import { type Folded, fold, joinOf, replaceIn, sliceOf, unfold } from './folded-text.ts';
import { CURRENCY, NOT_AFTER_VERSION_WORD } from './mask-context.ts';
import { maskIdentityNumbers } from './mask-identity-numbers.ts';

// Character classes (used with the `u` flag). Full-width digits count as digits so a Chinese
// comment typed with an IME's full-width digits is masked too.
const D = '[0-9\\uFF10-\\uFF19]';
/** Single separators inside a digit run: spaces (incl. no-break and ideographic) and dashes. */
const RUN_SEP = '[ \\u00A0\\u202F\\u3000\\-\\u2010-\\u2014\\uFF0D]';
const DASH = '[\\-\\u2010-\\u2014\\uFF0D]';
/** Separators inside a phone number: a space, a dot or a dash. */
const PHONE_SEP = '[ \\u00A0\\u202F.\\-\\u2010-\\u2014\\uFF0D]';
/** The same, or a slash: a national number with a trunk 0 is written `0171/1234567` in German-speaking countries. */
const PHONE_SEP_SLASH = '[ \\u00A0\\u202F.\\-\\u2010-\\u2014\\uFF0D/\\uFF0F]';
const PLUS = '[+\\uFF0B]';
/**
 * Scripts written without spaces between words, by Script_Extensions (so the long-vowel mark `ー`
 * and the iteration mark `々` count): in such text a local part cannot be told from the words
 * before it by a space (see {@link LOCAL_PART}).
 */
const UNSPACED = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}';
/**
 * A local-part character (RFC 6531 allows any letter or digit): a letter, mark or digit of any script,
 * or one of `._%+-'`. The apostrophe is RFC 5322 text and in names (`mary.o'brien@…`, which was
 * published as `mary.o'[email]`); one before the local part is a quote, kept by {@link maskEmails}.
 */
const LOCAL_ANY = "[\\p{L}\\p{M}\\p{N}._%+\\-']";
/** A local-part character of a spaced script (Latin, Greek, Cyrillic, Hangul, digits …), or one of `._%+-`. */
const LOCAL_SPACED = `(?:(?![${UNSPACED}])${LOCAL_ANY})`;
/** A letter, mark or digit of a script written without spaces (Han, kana, Thai …). */
const LOCAL_UNSPACED = `(?:(?=[${UNSPACED}])[\\p{L}\\p{M}\\p{N}])`;
/** The longest local part RFC 5321 allows is 64 octets; no more characters than that are taken before an at-sign. */
const LOCAL_MAX = 64;
/** `@`, full-width `＠` (a Chinese IME in full-width mode), small `﹫`, or URL-encoded `%40`. */
const AT = '(?:[@\\uFF20\\uFE6B]|%40)';
/** IDNA label separators: `.`, full-width `．`, half-width `｡` (not `。`, which ends Chinese sentences). */
const DOT = '[.\\uFF0E\\uFF61]';
/** A domain character: a letter, mark or digit of any script (internationalised domains), a dash or a dot. */
const DOMAIN_CHAR = '[\\p{L}\\p{M}\\p{N}\\-.\\uFF0E\\uFF61]';
/**
 * A top-level domain: an IDNA A-label (`xn--fiqs8s`, 中国 as DNS carries it; its digits and dashes ended
 * a Latin TLD early and left `--fiqs8s`), two or more Latin letters (`com`), or two or more letters of
 * other scripts (`中国`, `рф`).
 */
const TLD = '(?:[Xx][Nn]--[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|\\p{sc=Latin}{2,}|(?:(?!\\p{sc=Latin})[\\p{L}\\p{M}]){2,})';

/** The first form of {@link LOCAL_PART}: at most LOCAL_MAX characters to the at-sign, a letter of an unspaced script among them. */
const LOCAL_WITH_UNSPACED = `(?=${LOCAL_ANY}{1,${LOCAL_MAX}}${AT})${LOCAL_ANY}{0,${LOCAL_MAX - 1}}${LOCAL_UNSPACED}(?:[\\p{N}._%+\\-]${LOCAL_SPACED}{0,${LOCAL_MAX - 2}})?`;

/**
 * A local part, in one of two forms; matching is leftmost, so either starts at the beginning of
 * its run of address characters and `x.y@z.com` is masked whole, never as `x.[email]`. (No
 * look-behind: it would see the end of the previous match and miss an address glued to it.)
 *
 * - Holding a letter of a script written without spaces (`张三`, `li.lei+支持`, `田中.taro`,
 *   `张三01`): the run of local-part characters before the at-sign, from the nearest boundary
 *   (white space, punctuation, full-width included, or the start of the text) but at most
 *   {@link LOCAL_MAX} characters. Chinese and Japanese put no space between words, so in
 *   `请联系张三@example.com处理` the name cannot be told from the words before it: they are masked
 *   with it (`[email]处理`), since masking a few words more is better than publishing the name. Its
 *   last such letter is followed by the at-sign, or by a digit or one of `._%+-` and then letters
 *   and digits of spaced scripts (`张三01`, `张三.li`).
 * - Otherwise a run of characters of spaced scripts (`jo.doe`, `андрей`, `12345678`), its last
 *   {@link LOCAL_MAX} before the at-sign (a longer run is no address, and reading each start of it to
 *   its end again made masking a long cell quadratic). Latin
 *   letters straight after CJK text start a local part of this form, so in
 *   `请发到zhang@example.cn谢谢` the words before stay: a CJK label written before a Latin address
 *   is common, a local part of CJK letters followed directly by Latin ones is not.
 */
const LOCAL_PART = `(?:${LOCAL_WITH_UNSPACED}|${LOCAL_SPACED}{1,${LOCAL_MAX}})`;

/**
 * An e-mail address: a local part ({@link LOCAL_PART}), an at-sign, a domain. A Latin top-level
 * domain ends at the first other letter (`.cn谢谢`), but a CJK one cannot be told from CJK text
 * glued to it (`@例子.中国谢谢` is masked whole).
 */
const EMAIL = new RegExp(`${LOCAL_PART}${AT}${DOMAIN_CHAR}+${DOT}${TLD}`, 'gu');
/** The e-mail pattern masking uses, for other rules that must find the same addresses (recurring-issue keys). Global: use with `replace`. */
export const EMAIL_ADDRESS: RegExp = EMAIL;
/** Text that may hold an address; most text holds none and skips the e-mail pattern. */
const MAY_HOLD_EMAIL = /[@\uFF20\uFE6B]|%40/u;

/** Rule 1: e-mail addresses → `[email]`; apostrophes before an address are quotes and stay (`'[email]'`). */
function maskEmails(f: Folded): Folded {
  return MAY_HOLD_EMAIL.test(f.text) ? replaceIn(f, EMAIL, (m) => `${/^'*/.exec(m)?.[0] ?? ''}[email]`) : f;
}
/** A letter of a script written with spaces: CJK text glued to an address (`主机10.0.0.1出错`) does not hide it. */
const SPACED_LETTER = `(?:(?![${UNSPACED}])\\p{L})`;
/**
 * An IPv4 octet, 0–255, without a leading zero: addresses are written so (a leading zero reads as
 * octal to some tools, RFC 6943 section 3.1.1), and a Swiss phone number `079.123.45.67` is four dotted groups too.
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/**
 * An IPv4 address: four dotted octets with no letter (of a spaced script), digit, dot or underscore glued
 * before it and none of those nor a dotted digit after it, so versions (`1.2.3.4.5`, `v10.2.0.1`, `10.0.19045.3570`) are not
 * addresses; nor is one straight after a version word (`version 4.2.1.0`, `build 4.2.1.0`, `版本 4.2.1.0`;
 * `server 10.1.0.3` is an address), nor an amount with a currency beside it or a decimal comma after it (`€ 1.200.100.000`,
 * `1.200.100.000,00`). A port or prefix length after it stays (`[ip]:8080`, `[ip]/24`).
 */
const IPV4 = `(?<!${SPACED_LETTER}|[\\p{N}_.]|${CURRENCY} ?)${NOT_AFTER_VERSION_WORD}${OCTET}(?:\\.${OCTET}){3}(?!${SPACED_LETTER}|[\\p{N}_]|[.,]\\d| ?${CURRENCY})`;
/**
 * Not after a colon that ends a group of a longer colon-joined run (`3C:` in `3C:22:…:77`, or `::`); a colon
 * after a word is a label's (`IP:2001:db8::1`, `MAC:3C:22:FB:01:AB:9E`, `IP：` folded), and the address after it is masked.
 */
const NOT_IN_COLON_CHAIN = '(?<!(?:^|[^\\p{L}\\p{N}_])[0-9A-Fa-f]{0,4}:)';
/**
 * An IPv6 candidate: hexadecimal groups joined by colons, two to eight colons (`1:2:3:4:5:6:7::`), the last group
 * possibly an IPv4 address (`::ffff:192.0.2.1`); {@link isIpv6} decides. Not glued to a letter (of a
 * spaced script), digit or colon on either side, so `std::vector` and a clock time (`08:15:00`, too few groups and no `::`) are not.
 */
const IPV6_CANDIDATE = `(?<!${SPACED_LETTER}|[\\p{N}_])${NOT_IN_COLON_CHAIN}(?:[0-9A-Fa-f]{0,4}:){2,8}(?:${OCTET}(?:\\.${OCTET}){3}|[0-9A-Fa-f]{1,4})?(?!${SPACED_LETTER}|[\\p{N}_:]|\\.\\d)`;
const IP = new RegExp(`${IPV4}|${IPV6_CANDIDATE}`, 'gu');
/**
 * A MAC address (IEEE 802): six groups of two hexadecimal digits joined by the same colon or dash
 * (`3C:22:FB:01:AB:9E`, `3c-22-fb-01-ab-9e`), nothing of the kind glued to it. A device's hardware
 * address identifies it, and its owner, as an IP address does.
 */
const MAC = new RegExp(
  `(?<!${SPACED_LETTER}|[\\p{N}_.\\-])${NOT_IN_COLON_CHAIN}[0-9A-Fa-f]{2}([:\\-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?!${SPACED_LETTER}|[\\p{N}_]|[:.\\-][0-9A-Fa-f])`,
  'gu',
);
/**
 * A MAC address as Cisco writes it: three dotted groups of four hexadecimal digits (`0011.2233.4455`),
 * nothing of the kind glued to it and no version word before it.
 */
const MAC_DOTTED = new RegExp(
  `(?<!${SPACED_LETTER}|[\\p{N}_.\\-])${NOT_AFTER_VERSION_WORD}[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?!${SPACED_LETTER}|[\\p{N}_]|[:.\\-][0-9A-Fa-f])`,
  'gu',
);
/**
 * Text that may hold an address: dotted digits, `::` or four colon-joined hexadecimal groups, three
 * dash-joined pairs (a clock time has two colons) or dotted groups of four. Most text holds none and
 * skips the patterns: every title is masked, a measured cost.
 */
const MAY_HOLD_IP = /\d\.\d{1,3}\.\d{1,3}\.\d|::|(?:[0-9A-Fa-f]{1,4}:){4}|(?:[0-9A-Fa-f]{2}-){3}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\./;

/**
 * Whether a candidate is an IPv6 address (RFC 4291 section 2.2 text forms): eight groups, or fewer
 * with one `::` standing for the rest, an IPv4 address counting as two; at least two groups written,
 * so the loopback `::1`, the unspecified `::` and a lone `::` in prose stay.
 */
function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => g === '')) return false;
  const last = groups[groups.length - 1] ?? '';
  const count = groups.length + (last.includes('.') ? 1 : 0);
  // A digit: hex words joined by `::` (`a::b`, `dead::beef`) are prose or code, and every common address has one.
  return (halves.length === 2 ? count <= 7 && groups.length >= 2 : count === 8) && /\d/.test(s);
}

/** Rule 2: IPv4 and IPv6 addresses → `[ip]`, MAC addresses → `[mac]` (they identify a person's device, personal data under the GDPR). */
function maskIps(f: Folded): Folded {
  const text = f.text;
  if ((!text.includes('.') && !text.includes(':') && !text.includes('-')) || !MAY_HOLD_IP.test(text)) return f;
  const macs = replaceIn(
    replaceIn(f, MAC, () => '[mac]'),
    MAC_DOTTED,
    () => '[mac]',
  );
  return replaceIn(macs, IP, (m) => (m.includes('.') && !m.includes(':') ? '[ip]' : isIpv6(m) ? '[ip]' : m));
}

/**
 * A phone number is not glued to other digits: no digit, or digit and a single space or dash,
 * just before (so no phone is carved out of a card number); no digit, dash and digit, or a
 * space and a group of 4+ digits, just after (a short number may follow: "… 0958 3 times").
 */
const NOT_AFTER_DIGITS = `(?<!${D}|${D}${RUN_SEP})`;
/** Not the tail of a Latin word: `INC0012345678` is an id (masked as a number), not a phone. */
const NOT_AFTER_LATIN = '(?<![\\p{sc=Latin}_])';
const NOT_BEFORE_DIGITS = `(?!${D}|${DASH}${D}|${RUN_SEP}${D}{4})`;

/**
 * A date is only a date when it is not glued by a space or dash to further digits (then it is part
 * of a longer run, such as an account number that happens to contain 2016-11-03); a clock time may
 * follow it (`2026-11-03 08:15`).
 */
const DATE_BEFORE = `(?<!${D}|${D}${RUN_SEP})`;
const DATE_AFTER = `(?!${D}|${RUN_SEP}${D}(?!${D}?[:\uFF1A]))`;

/**
 * A web address: `http://`, `https://` or `ftp://`, or `www.`, up to the first character a URI
 * cannot hold unescaped (white space, `"`, `<`, `>`, anything not ASCII). Its digits are an address's
 * (`…viewpage.action?pageId=123456789`), rarely a phone number, and masking them breaks the link;
 * an e-mail address in it is masked all the same (rule 1 runs first, `%40` included).
 */
const URL = '(?<![\\p{L}\\p{N}])(?:(?:https?|ftp)://|www\\.)[!#-;=?-~]+';

/**
 * Dates and times that must survive masking although their digits are dash-separated:
 * ISO dates `2026-11-03`, day-month-year or month-day-year `03-11-2026`, clock times
 * `08:15`, `08:15:00.250`, year ranges `2019-2026`, and day ranges with a year (`Nov 24-25 2016`,
 * as event listings write them). Times only matter where a space joins them to other digits
 * (`2026-11-03 08:15`).
 */
const PROTECTED = new RegExp(
  [
    URL,
    `${DATE_BEFORE}(?:19|20)\\d\\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01])${DATE_AFTER}`,
    `${DATE_BEFORE}(?:0?[1-9]|[12]\\d|3[01])-(?:0?[1-9]|[12]\\d|3[01])-(?:19|20)\\d\\d${DATE_AFTER}`,
    `(?<!${D})(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d{1,9})?)?(?!${D})`,
    `(?<!${D}|${D}${RUN_SEP})(?:19|20)\\d\\d${DASH}(?:19|20)\\d\\d(?!${D}|${RUN_SEP}${D})`,
    `(?<!${D}|${D}${RUN_SEP})(?:0?[1-9]|[12]\\d|3[01])${DASH}(?:0?[1-9]|[12]\\d|3[01]),? (?:19|20)\\d\\d(?!${D}|${RUN_SEP}${D})`,
  ].join('|'),
  'gu',
);

/** Phone patterns, most specific first; each match is checked for its digit count. */
const PHONES: ReadonlyArray<{ re: RegExp; minDigits: number; maxDigits: number }> = [
  // International: +44 20 7946 0958, +1-617-555-0123, +86 138 0013 8000, +44 (0)20 7946 0958. E.164 allows up to 15 digits.
  // A lone digit may follow the country code (+33 6 12 34 56 78, +61 4 1234 5678): as a group of its own
  // it failed the match, and with dots (+33.6.12.34.56.78) no other rule took the number.
  {
    re: new RegExp(
      `${NOT_AFTER_LATIN}(?<!${D})${PLUS}${D}{1,3}(?:${PHONE_SEP}${D}(?=${PHONE_SEP}))?(?:${PHONE_SEP_SLASH}?(?:\\(${D}{1,4}\\)|${D}{2,5}))+${NOT_BEFORE_DIGITS}`,
      'gu',
    ),
    minDigits: 8,
    maxDigits: 15,
  },
  // North American national: (617) 555-0123, 617-555-0123, 617.555.0123, 1-800-555-0199; not the head of a
  // longer dotted number (`100.100.1000.0` is a version).
  {
    re: new RegExp(
      `${NOT_AFTER_LATIN}${NOT_AFTER_DIGITS}(?:1${PHONE_SEP})?(?:\\(${D}{3}\\)${PHONE_SEP}?|${D}{3}${PHONE_SEP})${D}{3}${PHONE_SEP}${D}{4}${NOT_BEFORE_DIGITS}(?!\\.${D})`,
      'gu',
    ),
    minDigits: 10,
    maxDigits: 11,
  },
  // Chinese mobile: 13800138000, 138 0013 8000, 138-0013-8000 (also in full-width digits).
  {
    re: new RegExp(
      `${NOT_AFTER_LATIN}${NOT_AFTER_DIGITS}[1\\uFF11][3-9\\uFF13-\\uFF19]${D}${PHONE_SEP}?${D}{4}${PHONE_SEP}?${D}{4}${NOT_BEFORE_DIGITS}`,
      'gu',
    ),
    minDigits: 11,
    maxDigits: 11,
  },
  // National with a trunk 0: 020 7946 0958, (020) 7946 0958, 010-12345678, 0755-8888 6666.
  {
    re: new RegExp(
      `${NOT_AFTER_LATIN}${NOT_AFTER_DIGITS}(?:\\(0${D}{1,4}\\)|0${D}{1,4})${PHONE_SEP_SLASH}?${D}{3,4}${PHONE_SEP}?${D}{3,4}${NOT_BEFORE_DIGITS}`,
      'gu',
    ),
    minDigits: 10,
    maxDigits: 12,
  },
  // National with a trunk 0 in dotted groups of two or three: 06.12.34.56.78 (France), 079.123.45.67
  // (Switzerland), 0471.12.34.56 (Belgium). Dots join no digit run, so these were published whole; a
  // dotted date has fewer groups (01.02.2026), a version or IP address no trunk 0 of its own.
  {
    re: new RegExp(`${NOT_AFTER_LATIN}${NOT_AFTER_DIGITS}(?<!${D}\\.)0${D}{1,3}(?:\\.${D}{2,3}){3,4}${NOT_BEFORE_DIGITS}(?!\\.${D})`, 'gu'),
    minDigits: 9,
    maxDigits: 11,
  },
];

/** A maximal run of digits joined by single spaces or dashes. */
const DIGIT_RUN = new RegExp(`${D}+(?:${RUN_SEP}${D}+)*`, 'gu');
const DIGIT = new RegExp(D, 'gu');

function countDigits(s: string): number {
  return s.match(DIGIT)?.length ?? 0;
}

/** Applies `fn` to the text between protected web addresses, dates and times, keeping those verbatim. */
function outsideProtected(f: Folded, fn: (segment: Folded) => Folded): Folded {
  const parts: Folded[] = [];
  let last = 0;
  for (const m of f.text.matchAll(PROTECTED)) {
    parts.push(fn(sliceOf(f, last, m.index)), sliceOf(f, m.index, m.index + m[0].length));
    last = m.index + m[0].length;
  }
  if (last === 0) return fn(f);
  parts.push(fn(sliceOf(f, last)));
  return joinOf(parts);
}

function phonesThenNumbers(segment: Folded): Folded {
  let s = segment;
  for (const { re, minDigits, maxDigits } of PHONES)
    s = replaceIn(s, re, (m) => {
      const digits = countDigits(m);
      return digits >= minDigits && digits <= maxDigits ? '[phone]' : m;
    });
  return replaceIn(s, DIGIT_RUN, (m) => (countDigits(m) >= 8 ? '[number]' : m));
}

/**
 * Rules 5 and 6 until nothing changes, rule 3 again after each change (it ran once on the whole
 * text). A mask can uncover a match next to it (the digit that kept a `+` number from matching may
 * itself be masked; a masked phone ends the dotted run that kept `1.2.3.4.13800138000` from being an
 * address), so one pass is not always final; repeating makes masking idempotent. Each change
 * removes digits, so this ends.
 */
function maskPhonesAndNumbers(segment: Folded): Folded {
  let previous: string;
  let s = segment;
  do {
    previous = s.text;
    s = phonesThenNumbers(s);
    if (s.text !== previous) s = maskIps(s);
  } while (s.text !== previous);
  return s;
}

/** Rules 1 to 3 of {@link maskPersonalData}, the shapes that are personal data wherever they stand, ids included. */
function maskShapes(f: Folded): Folded {
  return maskIps(maskIdentityNumbers(maskEmails(f)));
}

/**
 * Masks personal data in a free-text comment: e-mail addresses → `[email]`, IP addresses →
 * `[ip]`, MAC addresses → `[mac]`, identity numbers → `[id]`, IBANs → `[iban]`, phone numbers → `[phone]`,
 * runs of 8 or more digits → `[number]`.
 *
 * Definition (spec "Satisfaction"): e-mail addresses, phone numbers (international `+` forms
 * and national forms such as `(617) 555-0123`), and runs of 8 or more digits counting digits
 * separated by single spaces or dashes (IDs, card numbers) are replaced.
 *
 * Method, on the text folded (folded-text.ts: digits of any script and full-width forms read as ASCII,
 * `１９２．１６８．０．１` as `192.168.0.1`; what is kept is given back as written), in this order:
 * 1. E-mail addresses, on the whole text first: their local part and domain may hold digits
 *    (`j.smith1984@…`, `…@mail2.example.com`) that a later rule would otherwise cut out, leaving
 *    a broken but still identifying address. The at-sign may be full-width `＠` (typed by a Chinese
 *    IME in full-width mode), `﹫` or URL-encoded `%40`; local parts may hold letters and digits of any
 *    script (`андрей@…`, `张三@…`, `li.lei+支持@…`, RFC 6531) and domains any letters (`jo@例子.中国`,
 *    IDNA, with `.` or `．`). A local part with CJK (or Thai, …) letters starts at the nearest
 *    white space or punctuation before it, else at the start of its run of letters, at most 64
 *    characters before the at-sign: `请联系张三@example.com处理` → `[email]处理`, the words before the
 *    name masked with it rather than the name published; Latin letters or digits after CJK text
 *    with nothing between start the local part (`请发到zhang@example.cn` → `请发到[email]`), unless a
 *    digit follows CJK letters directly (`张三01@…`, `邮箱12345678@qq.com` → `[email]`).
 * 2. Identity and account numbers (mask-identity-numbers.ts): UK National Insurance numbers, CPF and
 *    CNPJ as written, BSN with dots, passport numbers after a passport word → `[id]`; IBANs (mod 97)
 *    → `[iban]`. Before rule 3, whose MAC and phone patterns would take parts of them.
 * 3. IP addresses, before web addresses are set aside (a device's address in a link identifies it
 *    as much as in prose: `http://[ip]/status`): IPv4 as four dotted octets 0–255 not glued to a
 *    letter, digit, dot or a currency (versions `1.2.3.4.5`, `v10.2.0.1` and amounts `€ 1.200.100.000`
 *    stay), IPv6 in RFC 4291's text forms with at least two groups and a digit written (`2001:db8::1`,
 *    `fe80::1%eth0`, `::ffff:192.0.2.1`; not `::1`, `std::vector` or a clock time); not after a version word
 *    (`version 4.2.1.0`, `版本 4.2.1.0`); MAC addresses in six colon- or dash-joined pairs or Cisco's
 *    three dotted fours (`3C:22:FB:01:AB:9E`, `0011.2233.4455` → `[mac]`).
 * 4. Web addresses (`https://…`, `www.…`), dates and times are set aside (`2026-11-03`,
 *    `03-11-2026`, `08:15`, `2019-2026`, `Nov 24-25 2016`): a web address's digits are a page id or
 *    a path, not a phone number, and masking them breaks the link; a date's digits are dash- or
 *    space-separated and would otherwise count toward an 8-digit run. Nothing in them is masked
 *    after rules 1 to 3 (an e-mail or IP address in a link is masked), and no run or phone number extends across
 *    them.
 * 5. Phone numbers, before digit runs: most phone numbers are themselves runs of 8+ digits and
 *    would otherwise be labelled `[number]`. Patterns: international (`+` and 8–15 digits),
 *    North American (`(617) 555-0123`, `617-555-0123`), Chinese mobile (`13800138000`) and
 *    trunk-0 national forms (`020 7946 0958`, `010-12345678`, `0171/1234567`, `06.12.34.56.78`), each with a digit-count check, not
 *    glued to further digit groups (so none is carved out of a card number), and not the tail of
 *    a Latin word (`INC0012345678` is an id). An international match longer than 15 digits is left
 *    to rule 6 and masked as `[number]`.
 * 6. Maximal runs of digits joined by single spaces or dashes, with 8 or more digits in all.
 *
 * Rules 3, 5 and 6 repeat until nothing changes (a mask can uncover a match beside it). Replacements
 * hold no digits, `@`, dot or colon, so masking twice gives the same text as masking once.
 * Short numbers (`3 times`, `P1`, `version 2.4`, `555-0123`) and punctuation are untouched; a
 * run such as `10 000 000` (8 digits) is, by the definition, masked. A slash joins no digit run
 * (`2026/10/01`, `1234/5678` stay), only the area code of a trunk-0 or `+` phone number to the rest.
 * Known limits: a local part of CJK letters followed directly by Latin letters (`张三zhang@…`) is
 * masked from the Latin letters on (`张三[email]`: the CJK is read as words before the address); CJK
 * text with an at-sign and something shaped like a domain is masked as an address (`任务@技术部.会议`);
 * an address with a CJK top-level domain takes CJK text glued to it along (`jo@例子.中国谢谢` →
 * `[email]`); and phone numbers written with CJK numerals or spelled out are not recognised.
 *
 * @param text a comment as written
 * @returns the comment with personal data replaced; everything else unchanged
 * @example
 * maskPersonalData('Call me on +44 20 7946 0958 or mail jo.doe@example.com, card 4111 1111 1111 1111')
 * // 'Call me on [phone] or mail [email], card [number]'
 * maskPersonalData('请联系13800138000，2026-11-03 下午3点前') // '请联系[phone]，2026-11-03 下午3点前'
 * maskPersonalData('tel. 0171/1234567, jo＠example.com') // 'tel. [phone], [email]'
 * maskPersonalData('请联系：张三@example.com，谢谢') // '请联系：[email]，谢谢'
 * maskPersonalData('blocked 203.0.113.7 and 2001:db8::7, still on v10.2.0.1') // 'blocked [ip] and [ip], still on v10.2.0.1'
 * maskPersonalData('https://wiki.example.com/pages/viewpage.action?pageId=123456789') // unchanged
 */
export function maskPersonalData(text: string): string {
  let f = maskShapes(fold(text));
  let previous: string;
  // A mask can make an address of what a protected time left (`12:30::13800138000` → `12:30::[phone]`,
  // an IPv6 address on a second masking): addresses are looked for again on the whole text until nothing changes.
  do {
    previous = f.text;
    f = outsideProtected(f, maskPhonesAndNumbers);
    if (f.text !== previous) f = maskIps(f);
  } while (f.text !== previous);
  return unfold(f);
}

/**
 * Masks personal data in an identifier a system gave one of its records (a ticket, incident or
 * change id as the export holds it): e-mail, IP and MAC addresses, identity numbers and IBANs, as in
 * {@link maskPersonalData};
 * its other digits are kept.
 *
 * Why digits stay: an id's digits are the id (`101004113298`, a Boston 311 case; `INC0012345678`),
 * not a phone or card number, and masking them as free text would publish every such id as the same
 * `[number]`, so no ticket could be traced and no incident linked. A reference typed into a cell
 * that names no record of the exports (a survey's ticket number that matches no ticket) is not such
 * an id: it is free text, masked by {@link maskPersonalData}.
 *
 * @param id an identifier as exported
 * @returns the identifier with e-mail, IP and MAC addresses, identity numbers and IBANs replaced
 * @example maskIdentifier('101004113298') // '101004113298'
 * @example maskIdentifier('T-1 jo@example.com') // 'T-1 [email]'
 */
export function maskIdentifier(id: string): string {
  return unfold(maskShapes(fold(id)));
}

/** How an export file's name ends: what the reader takes (a `.gz` after it), kept outside the mask so `…@example.com.csv` is not read as a domain `com.csv`. */
const EXPORT_EXTENSION = /\.(?:csv|tsv|txt|parquet|duckdb|db)(?:\.gz)?$/i;

/**
 * Masks personal data in an export file's path as a snapshot publishes it (provenance, data quality):
 * what {@link maskIdentifier} masks, the extension kept (`data/tickets/tickets-jane.doe@example.com.csv`
 * → `data/tickets/[email].csv`). Its other digits are kept, as an id's are: they are the export's date
 * or number (`export-2026-10-01-1234567.csv`), which trace the file.
 * @example maskFileName('data/tickets/tickets-jane.doe@example.com.csv') // 'data/tickets/[email].csv'
 */
export function maskFileName(file: string): string {
  const extension = EXPORT_EXTENSION.exec(file)?.[0] ?? '';
  return maskIdentifier(file.slice(0, file.length - extension.length)) + extension;
}

/**
 * {@link maskPersonalData} that masks each distinct text once, for one build: categories, titles
 * and names recur in every period. The caller makes it and passes it on (the cost is visible).
 * @example const mask = maskPersonalDataMemo(); mask('Access'); mask('Access') // masked once
 */
export function maskPersonalDataMemo(): (text: string) => string {
  const masked = new Map<string, string>();
  return (text) => {
    let m = masked.get(text);
    if (m === undefined) masked.set(text, (m = maskPersonalData(text)));
    return m;
  };
}
