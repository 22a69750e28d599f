/**
 * Display formatting, the only place numbers become text. Locale and zone are passed in,
 * never taken from the machine, so pages are the same wherever they are built.
 *
 * The sign of a figure shown on a page, in every language, is decided in one place,
 * withFigureSign: a value below zero takes the minus sign U+2212 ("−24.5", "−0.246 pp"), never
 * the hyphen-minus toFixed and Intl write; a value that rounds to zero takes no sign ("0.0"), a
 * change that does "±". CSV and JSON downloads are data for programs and spreadsheets: they write
 * numbers as JavaScript does, with ASCII "-" (csv.ts), and never pass through here.
 */

/** The minus sign of every figure on a page (U+2212 MINUS SIGN): as wide as "+", and never broken from its digits. */
export const MINUS_SIGN = '\u2212';

/**
 * A number's text (as toFixed, String or Intl write it, "-" for a negative) with the sign a page
 * shows: U+2212 for "-"; no sign when what is written is zero ("-0.0" → "0.0"); with `change`, "+"
 * above zero and "±" at zero ("+12", "±0.0"). Text that is not a number ("—", "no data") is returned as it is.
 * @example withFigureSign('-24.5') // '−24.5'
 * @example withFigureSign('-0.00') // '0.00'
 * @example withFigureSign('0.012', true) // '+0.012'
 */
export function withFigureSign(text: string, change = false): string {
  // Most figures: not negative and not a change, so written as they are (millions of cells in a large archive).
  if (!change && text.charCodeAt(0) !== 45) return text;
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (!/^[\d∞]/.test(body)) return text;
  if (/^[0.,]*$/.test(body)) return change ? `±${body}` : body;
  if (negative) return `${MINUS_SIGN}${body}`;
  return change ? `+${body}` : body;
}

/**
 * A toFixed text with its whole part grouped by thousands as counts are ("-1726.0" → "-1,726.0",
 * "3028" → "3,028"): a figure past 999 (an error budget used 18 times over, a backlog's change)
 * reads as the counts beside it. toFixed's rounding is kept (Intl would round otherwise).
 */
export function groupFixed(text: string): string {
  const m = /^(-?)(\d{4,})(.*)$/.exec(text);
  return m ? `${m[1]}${(m[2] as string).replace(/\B(?=(\d{3})+$)/g, ',')}${m[3]}` : text;
}

/** 0.99912 → "99.912 %"; 18.26 → "1,826.000 %"; null → "no data". Digits chosen so a 99.9 % target is readable. */
export function formatPercent(ratio: number | null, digits = 3): string {
  if (ratio === null) return 'no data';
  return `${withFigureSign(groupFixed((ratio * 100).toFixed(digits)))} %`;
}

/** Milliseconds → "1 h 05 min", "42 min", "35 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return `${hours} h ${String(rest).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return `${grouped(days)} d ${hours % 24} h`;
}

/**
 * What n.toLocaleString('en-GB') gives (the language defines it as this formatter's output), with
 * the formatter made once: toLocaleString makes a new one on every call, and a site build formats
 * hundreds of thousands of numbers.
 */
const groupedFormat = new Intl.NumberFormat('en-GB');

/**
 * groupedFormat's text with a page's sign (withFigureSign); an integer from 0 to 999 (most counts
 * and latencies) has no separator or sign to add and is written as it is, without the cost of Intl
 * (millions of table cells in a large archive).
 */
function grouped(n: number): string {
  return Number.isInteger(n) && n < 1000 && n >= 0 && !Object.is(n, -0) ? String(n) : withFigureSign(groupedFormat.format(n));
}

/** Integer with thin grouping: 12345 → "12,345". */
export function formatCount(n: number | null): string {
  return n === null ? '—' : grouped(n);
}

/** Latency: 123.4 → "123 ms". */
export function formatMs(ms: number | null): string {
  return ms === null ? '—' : `${grouped(Math.round(ms))} ms`;
}

/** One formatter per zone: making an Intl.DateTimeFormat costs far more than using one. */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as local wall time in a zone: "2026-10-25 01:30 GMT". */
export function formatInstant(ms: number | null, zone: string): string {
  if (ms === null) return '—';
  let format = instantFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    instantFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** Made on first use: a module-level `new Intl…` would also run in (and stay in) the chart script's bundle. */
let monthFormat: Intl.DateTimeFormat | null = null;

/** "2026-10" → "October 2026"; a quarter "2026-Q4" → "Q4 2026". */
export function formatMonth(id: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(id);
  if (q) return `Q${q[2]} ${q[1]}`;
  if (/^\d{4}$/.test(id)) return `Year ${id}`;
  const [y, m] = id.split('-').map(Number);
  monthFormat ??= new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return monthFormat.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}

/** A ratio change in percentage points: 0.00012 → "+0.012 pp", −0.00012 → "−0.012 pp"; null → "". */
export function formatPointChange(delta: number | null, digits = 3): string {
  if (delta === null) return '';
  return `${withFigureSign((delta * 100).toFixed(digits), true)} pp`;
}

/** A signed change of a count or score: 12 → "+12", −3.5 → "−3.5"; null → "". */
export function formatSignedChange(delta: number | null, digits = 0): string {
  if (delta === null) return '';
  return withFigureSign(groupFixed(delta.toFixed(digits)), true);
}

/** A plain number with fixed digits: −24.5 → "−24.5" (NPS, CES); null → "—". */
export function formatNumber(n: number | null, digits = 1): string {
  return n === null ? '—' : withFigureSign(n.toFixed(digits));
}

/** Seconds → duration text. */
export function formatSeconds(s: number | null): string {
  return s === null ? '—' : formatDuration(s * 1000);
}

/** Length of a [start, end) span as duration text. */
export function formatSpan(startMs: number, endMs: number): string {
  return formatDuration(endMs - startMs);
}

/** SLA attainment with its counts, grouped as every count on a page: "82.9 % (34 of 41)", "45.5 % (1,538 of 3,383)"; null figures → "—". */
export function formatAttainment(f: { attainment: number | null; met: number; breached: number } | null, digits = 1): string {
  if (f === null) return '—';
  return `${formatPercent(f.attainment, digits)} (${grouped(f.met)} of ${grouped(f.met + f.breached)})`;
}

/**
 * A duration on a business clock (seconds of working time) in working hours, never in days of 24 h:
 * 306000 → "85 working hours", 3600 → "1 working hour", 27000 → "7.5 working hours", 1800 → "30 working minutes";
 * null → "—". A working day's length depends on the calendar, so hours are the unit that means one thing.
 */
export function formatWorkingTime(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} working ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${grouped(hours)} working ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A duration on a level's clock: working time for a business clock, elapsed time otherwise. */
export function formatClockSeconds(seconds: number | null, clock: '24x7' | 'business' | 'elapsed'): string {
  return clock === 'business' ? formatWorkingTime(seconds) : formatSeconds(seconds);
}
