/**
 * Display formats per locale (issue #16). English reads exactly as format.ts writes today (a
 * property test holds them equal, so the wiring step can switch a page to these without a byte
 * of English output changing); Chinese writes 1 小时 30 分, 2026年10月, 2026年第三季度, 99.9%.
 * Intl only with fixed locale tags and options, and zones passed in, never the machine's.
 */
import { formatInstant, formatNumber, groupFixed, withFigureSign } from '../../format/format.ts';
import type { Locale } from '../../model/locales.ts';

/** The Intl locale each site locale formats with: en-GB is what the English pages have always used. */
const INTL_TAG: Record<Locale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

interface Words {
  noData: string;
  percent: (digits: string) => string;
  points: string;
  s: (n: number) => string;
  /** Minutes standing alone ("45 分钟"; a bare 分 would read as score points beside "4–5 分"). */
  min: (n: number) => string;
  /** Hours and minutes: the minutes after the hours may be the short 分 ("1 小时 30 分"). */
  hMin: (h: number, m: number) => string;
  /** Days already grouped ("17,184"), as every count on a page. */
  dH: (d: string, h: number) => string;
  /** The counts beside an SLA attainment, already grouped: tickets, so Chinese counts them with 张. */
  of: (met: string, total: string) => string;
}

const WORDS: Record<Locale, Words> = {
  en: {
    noData: 'no data',
    percent: (d) => `${d} %`,
    points: ' pp',
    s: (n) => `${n} s`,
    min: (n) => `${n} min`,
    hMin: (h, m) => `${h} h ${String(m).padStart(2, '0')} min`,
    dH: (d, h) => `${d} d ${h} h`,
    of: (met, total) => `${met} of ${total}`,
  },
  'zh-CN': {
    noData: '无数据',
    // Chinese sets the percent sign close up: 99.9%.
    percent: (d) => `${d}%`,
    points: ' 个百分点',
    s: (n) => `${n} 秒`,
    min: (n) => `${n} 分钟`,
    hMin: (h, m) => (m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`),
    dH: (d, h) => (h === 0 ? `${d} 天` : `${d} 天 ${h} 小时`),
    of: (met, total) => `${total} 张中 ${met} 张`,
  },
};

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * Grouped integer or decimal: en 12345 → "12,345", zh-CN the same (Chinese groups by thousands in
 * figures too); a negative with the minus sign U+2212 in both (format.ts withFigureSign).
 */
function grouped(n: number, locale: Locale): string {
  if (Number.isInteger(n) && n < 1000 && n >= 0 && !Object.is(n, -0)) return String(n);
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAG[locale]);
    numberFormats.set(locale, f);
  }
  return withFigureSign(f.format(n));
}

/** A count: 12345 → "12,345"; null → "—". */
export function formatCountIn(n: number | null, locale: Locale): string {
  return n === null ? '—' : grouped(n, locale);
}

/**
 * The quotes around a value: en as ingest writes a reason's values (util/reason.ts reasonText), which
 * English pages show as written; zh-CN the full-width quotes of the Chinese texts. Apart from WORDS,
 * which the chart script bundles, so that script does not change with them.
 */
const QUOTES: Record<Locale, readonly [string, string]> = { en: ['"', '"'], 'zh-CN': ['“', '”'] };

/**
 * A value read from an export, quoted in a language's text: en "P9" (as ingest writes reasons),
 * zh-CN “P9”. The value is kept as it is, quotes inside it too.
 * @example quoteValueIn('P9', 'zh-CN') // '“P9”'
 */
export function quoteValueIn(value: string, locale: Locale): string {
  const [open, close] = QUOTES[locale];
  return `${open}${value}${close}`;
}

/** A ratio as a percentage: en 0.99912 → "99.912 %", zh-CN "99.912%"; null → "no data" / "无数据". */
export function formatPercentIn(ratio: number | null, locale: Locale, digits = 3): string {
  if (ratio === null) return WORDS[locale].noData;
  return WORDS[locale].percent(withFigureSign(groupFixed((ratio * 100).toFixed(digits))));
}

/** A change in percentage points: en "+0.012 pp", zh-CN "+0.012 个百分点"; null → "". */
export function formatPointChangeIn(delta: number | null, locale: Locale, digits = 3): string {
  if (delta === null) return '';
  return `${withFigureSign((delta * 100).toFixed(digits), true)}${WORDS[locale].points}`;
}

/**
 * Latency as the site shows it: whole milliseconds (1234.4 → 1234). formatMsIn writes this value, and
 * the latency charts plot it, so a chart's tooltip and the table beside it read the same.
 */
export function msAsShown(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms);
}

/** Latency: 1234.4 → "1,234 ms" in both (ms is the unit Chinese technical readers use too). */
export function formatMsIn(ms: number | null, locale: Locale): string {
  const shown = msAsShown(ms);
  return shown === null ? '—' : `${grouped(shown, locale)} ms`;
}

/**
 * Milliseconds as a duration, rounded as format.ts rounds: en "1 h 05 min", "42 min", "35 s",
 * "2 d 3 h"; zh-CN "1 小时 5 分", "42 分钟", "35 秒", "2 天 3 小时" (minutes alone are 分钟: a bare
 * 分 reads as score points on a page that also says "4–5 分").
 */
export function formatDurationIn(ms: number | null, locale: Locale): string {
  if (ms === null) return '—';
  const w = WORDS[locale];
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return w.s(totalSeconds);
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 60) return w.min(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return w.hMin(hours, minutes % 60);
  return w.dH(grouped(Math.floor(hours / 24), locale), hours % 24);
}

/**
 * A target as the config writes it ("30m", "4h", "1h30m", "2d": business or elapsed time, per the
 * priority's clock). English pages show it as written (as today); zh-CN spells it out:
 * "1h30m" → "1 小时 30 分", "2d" → "2 天", "15m" → "15 分钟" (as formatDurationIn: minutes alone are 分钟).
 * Text of another shape is shown as written.
 */
export function formatTargetIn(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const m = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2] && !m[3])) return text;
  const parts = [m[1] && `${Number(m[1])} 天`, m[2] && `${Number(m[2])} 小时`, m[3] && `${Number(m[3])} ${m[1] || m[2] ? '分' : '分钟'}`];
  return parts.filter(Boolean).join(' ');
}

/** Weekday keys of a calendar's weekly hours as a reader names them. */
const WEEKDAYS: Record<Locale, Record<string, string>> = {
  en: { mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun' },
  'zh-CN': { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' },
};

/** "mon" → en "mon" (as the method page shows today), zh-CN "周一". */
export function weekdayIn(day: string, locale: Locale): string {
  return WEEKDAYS[locale][day] ?? day;
}

const QUARTERS_ZH = ['一', '二', '三', '四'];

/**
 * A period id as a title: en "October 2026", "Q4 2026", "Year 2026" (format.ts's formatMonth);
 * zh-CN "2026年10月", "2026年第四季度", "2026年".
 */
export function formatPeriodIn(id: string, locale: Locale): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(id);
  if (/^\d{4}$/.test(id)) return locale === 'en' ? `Year ${id}` : `${id}年`;
  if (q) return locale === 'en' ? `Q${q[2]} ${q[1]}` : `${q[1]}年第${QUARTERS_ZH[Number(q[2]) - 1]}季度`;
  const [y, m] = id.split('-').map(Number);
  if (locale === 'zh-CN') return `${y}年${m}月`;
  return monthFormat().format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}

let enMonth: Intl.DateTimeFormat | null = null;
function monthFormat(): Intl.DateTimeFormat {
  enMonth ??= new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return enMonth;
}

/** Each calendar date's Chinese text, made once (formatDateIn). */
const datesZh = new Map<string, string>();

/** A calendar date "2026-10-25": en as written (as today), zh-CN "2026年10月25日". */
export function formatDateIn(date: string, locale: Locale): string {
  if (locale === 'en') return date;
  // Every day row of every Chinese service page formats its date: remembered, a day is made once
  // (a map read is a fifth of the regex's cost; one entry per calendar day shown).
  let text = datesZh.get(date);
  if (text === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    text = m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
    datesZh.set(date, text);
  }
  return text;
}

/**
 * A day of a month's charts (a calendar date "2026-10-05"), short, as an axis tick: en "10-05" (as
 * the charts always showed it), zh-CN "10月5日".
 */
export function formatDayTickIn(date: string, locale: Locale): string {
  if (locale === 'en') return date.slice(5);
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : date;
}

const zoneShortNames = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as wall time in a zone with the zone's short name in the reader's language:
 * en "2026-10-25 01:30 BST" (format.ts's formatInstant itself), zh-CN "2026-10-25 01:30 GMT+1"
 * (Chinese has no short names like BST; the offset is what a Chinese reader reads). The wall
 * time is format.ts's in both, so the two languages never disagree on it.
 */
export function formatInstantIn(ms: number | null, zone: string, locale: Locale): string {
  const text = formatInstant(ms, zone);
  if (ms === null || locale === 'en') return text;
  const key = `${locale} ${zone}`;
  let names = zoneShortNames.get(key);
  if (!names) {
    names = new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: zone, timeZoneName: 'short' });
    zoneShortNames.set(key, names);
  }
  const name = names.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  // formatInstant's text is "YYYY-MM-DD HH:MM <name>": the first 16 characters are the wall time.
  return `${text.slice(0, 16)} ${name}`;
}

/** Each zone's Chinese name, made once (formatZoneIn). */
const zoneNamesZh = new Map<string, string>();

/**
 * A zone as the reader names it: en the IANA id as the pages show it today ("Europe/London");
 * zh-CN the zone's Chinese name with the id, "中国标准时间（Asia/Shanghai）", "英国时间（Europe/London）".
 */
export function formatZoneIn(zone: string, locale: Locale): string {
  if (locale === 'en') return zone;
  // Two Intl formats made per call cost 50 µs, and every Chinese page names its zone several times.
  let text = zoneNamesZh.get(zone);
  if (text === undefined) {
    // The generic name ("英国时间", not summer or winter time); a zone without one (UTC) by its long name.
    const name = (style: 'longGeneric' | 'long') =>
      new Intl.DateTimeFormat('zh-CN', { timeZone: zone, timeZoneName: style }).formatToParts(0).find((p) => p.type === 'timeZoneName')
        ?.value;
    const named = [name('longGeneric'), name('long')].find((n) => n !== undefined && !/^GMT/.test(n));
    text = named ? `${named}（${zone}）` : zone;
    zoneNamesZh.set(zone, text);
  }
  return text;
}

/** A plain number with fixed digits, the same in every language (NPS 42.0, CES 3.85); null → "—". */
export function formatNumberIn(n: number | null, _locale: Locale, digits = 1): string {
  return formatNumber(n, digits);
}

/** The length of a [start, end) span as a duration (formatDurationIn). */
export function formatSpanIn(startMs: number, endMs: number, locale: Locale): string {
  return formatDurationIn(endMs - startMs, locale);
}

/**
 * SLA attainment with its counts of tickets: en "82.9 % (34 of 41)", zh-CN "82.9%（41 张中 34 张）"
 * (every caller counts tickets: the ticket SLA table, the service catalog, the service page); null → "—".
 */
export function formatAttainmentIn(
  f: { attainment: number | null; met: number; breached: number } | null,
  locale: Locale,
  digits = 1,
): string {
  if (f === null) return '—';
  const counts = WORDS[locale].of(grouped(f.met, locale), grouped(f.met + f.breached, locale));
  return locale === 'en'
    ? `${formatPercentIn(f.attainment, locale, digits)} (${counts})`
    : `${formatPercentIn(f.attainment, locale, digits)}（${counts}）`;
}

/**
 * A duration on a ticket level's clock: working time for a business clock, never days of 24 h
 * (en as format.ts's formatClockSeconds: "85 working hours", "30 working minutes"; zh-CN
 * "85 个工作小时", "30 个工作分钟", counted with 个 as hours are), elapsed time otherwise (formatDurationIn); null → "—".
 */
export function formatClockSecondsIn(seconds: number | null, clock: '24x7' | 'business' | 'elapsed', locale: Locale): string {
  if (seconds === null) return '—';
  if (clock !== 'business') return formatDurationIn(seconds * 1000, locale);
  const minutes = Math.round(seconds / 60);
  if (locale === 'en') {
    if (minutes < 60) return `${minutes} working ${minutes === 1 ? 'minute' : 'minutes'}`;
    const hours = Math.round((minutes / 60) * 10) / 10;
    return `${grouped(hours, locale)} working ${hours === 1 ? 'hour' : 'hours'}`;
  }
  if (minutes < 60) return `${minutes} 个工作分钟`;
  return `${grouped(Math.round((minutes / 60) * 10) / 10, locale)} 个工作小时`;
}
