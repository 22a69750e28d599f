/**
 * Normalization of ticket titles before they are split into words (recurring issues).
 */
import { EMAIL_ADDRESS } from '../util/mask-personal-data.ts';

const LATIN = '\\p{sc=Latin}';
const KNOWN_TLDS = new Set(
  'com net org io dev app co uk cn de fr jp eu us info biz gov edu mil int local internal intranet lan corp home arpa cloud'.split(' '),
);

/** Removal rules, in the order they run; each match becomes a space. */
const RULES: ReadonlyArray<{ name: string; re: RegExp; keep?: (match: string) => boolean; only?: RegExp }> = [
  // URLs (scheme://… or www.…), up to the next space. A scheme is at most 32 characters: unbounded, each word start
  // in a long run of scheme characters (`a.ba.ba.b…`) was read to its end again, quadratic in a long title.
  { name: 'url', re: /\b[a-z][a-z0-9+.-]{0,31}:\/\/\S*|\bwww\.\S+/gu },
  // E-mail addresses, as masking finds them (full-width, internationalised, %40): a key holds no piece of one.
  // (Only where an at-sign is, after NFKC: the pattern is costly on the many titles without one.)
  { name: 'email', re: EMAIL_ADDRESS, only: /@|%40/ },
  // IPv6 (also MAC addresses and h:m:s times, which go anyway): hex groups with at least two colons.
  {
    name: 'ipv6',
    re: /(?<![\p{L}\p{N}:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%[a-z0-9]+)?(?:\/\d{1,3})?(?![\p{L}\p{N}:])/gu,
    keep: (m) => !/\d|::/.test(m),
  },
  // IPv4 with an optional port or prefix length.
  { name: 'ipv4', re: /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2}|:\d{1,5})?(?![\d.])/gu },
  // Dates: 2026-11-03 (optionally with a time t08:15:00z after lower-casing), 2026/11/03, 03.11.2026, 2026年11月3日, 11月3日.
  {
    name: 'date',
    re: /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:t\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]/gu,
  },
  // Clock times: 08:15, 8:15:30, 8:15 pm.
  { name: 'time', re: /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[ap]\.?m\b\.?)?/gu },
  // Host names: dotted labels ending in letters, when they hold a digit or dash, have three or
  // more labels, or end in a known top-level domain (so "failed.please" typed without a space stays).
  {
    name: 'host',
    re: /(?<![\p{L}\p{N}_.-])(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?\.)+[a-z]{2,}(?![\p{L}\p{N}_-])/gu,
    keep: (m) => {
      const labels = m.split('.');
      return !(labels.length >= 3 || /[\d_-]/.test(m) || KNOWN_TLDS.has(labels[labels.length - 1] ?? ''));
    },
  },
  // Ids and numbers: a maximal token of Latin letters, digits, _, # and - that holds a digit
  // (INC0012, #4411, GD-10044, server-01, 500, 2.4 → "2" and "4").
  {
    name: 'id',
    re: new RegExp(`(?<![${LATIN}0-9_#-])[${LATIN}0-9_#-]+`, 'gu'),
    keep: (m) => !/\d/.test(m),
  },
  // Any remaining digits (other scripts' decimal digits, digits glued to CJK text).
  { name: 'digits', re: /\p{Nd}+/gu },
];

/**
 * Normalizes a ticket title so that titles describing the same problem compare equal after
 * segmentation: the volatile parts (numbers, ids, addresses, dates) are removed.
 *
 * Definition (spec "Recurring issues"): Unicode NFKC, lower case; numbers, ids (tokens that mix
 * letters and digits, such as `INC0012`, `#4411`, `GD-10044`), IPs, e-mails, URLs, dates and
 * host names removed.
 *
 * Method: NFKC first (full-width `ＩＮＣ００１２` becomes `INC0012`, ligatures split), then typographic
 * apostrophes become `'` and the text is lower-cased (locale-independent). Then the removal rules
 * run in this order, each match replaced by a space so neighbouring words never merge:
 * 1. URLs and 2. e-mail addresses, first, because they contain host names, digits and dates of
 *    their own that later rules would cut into pieces, leaving fragments such as `example com`;
 * 3. IPv6 and 4. IPv4 addresses, before dates and numbers, whose rules would leave `.` and `:`
 *    debris or half an address;
 * 5. dates (ISO with an optional time, slash, dotted, Chinese 年月日) and 6. clock times, before
 *    ids, so `2026-11-03` goes whole;
 * 7. host names (`db-01.example.com`; a dotted name needs a digit or dash, three labels, or a
 *    known top-level domain), before ids, which would remove only its first label;
 * 8. ids and numbers: any token of Latin letters, digits, `_`, `#` and `-` that holds a digit
 *    goes whole (so also `ipv6`, `win10`, `http2` — the spec's rule, accepted);
 * 9. any decimal digits left (digits glued to CJK text, other scripts' digits).
 * Finally runs of white space collapse to one space and the ends are trimmed. Punctuation is left
 * for the segmenter, which skips it.
 *
 * @param title a ticket title as exported
 * @returns the normalized title; '' when nothing but volatile parts remain
 * @example
 * normalizeTitle('INC0012: DB-01.example.com unreachable since 2026-11-03 08:15') // ': unreachable since'
 * normalizeTitle('ＶＰＮ连接失败 #4411') // 'vpn连接失败'
 */
export function normalizeTitle(title: string): string {
  let s = title
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC]/gu, "'")
    .toLowerCase();
  for (const { re, keep, only } of RULES) if (only === undefined || only.test(s)) s = s.replace(re, (m) => (keep?.(m) ? m : ' '));
  return s.replace(/\s+/gu, ' ').trim();
}
