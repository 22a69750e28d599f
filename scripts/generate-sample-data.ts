/**
 * Seeded, deterministic generator for the committed sample exports in data/ (checks, tickets,
 * surveys and data/README.md). Same seed → byte-identical files, so the committed sample can be
 * checked against a fresh run (test/scripts/sample-data.test.ts).
 *
 * Usage: npm run sample-data -- [--seed N] [--out DIR]
 *
 * The services, priorities, calendars and maintenance windows mirror review.config.yaml on
 * purpose rather than reading it: the sample must not change when someone edits their config.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { localDateOf, nextDate, offsetMinutesAt, resolveLocal, weekdayOfDate, zonedParts } from '../src/lib/time/zoned-time.ts';

export const DEFAULT_SEED = 20261101;
export const DEFAULT_OUT_DIR = 'data';

export interface SampleDataOptions {
  seed: number;
  outDir: string;
}

export interface BadRow {
  file: string;
  line: number;
  what: string;
}

export interface SampleDataResult {
  /** Written files, relative to outDir, with their sizes in bytes. */
  files: { path: string; bytes: number }[];
  /** Data rows (header excluded) per kind and month. */
  rows: Record<'checks' | 'tickets' | 'surveys', Record<string, number>>;
  badRows: BadRow[];
}

const LONDON = 'Europe/London';
const SHANGHAI = 'Asia/Shanghai';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'] as const;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: tiny, fast, and good enough for sample data; never Math.random. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of xs) total += w;
    let r = this.next() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return (xs[xs.length - 1] as readonly [T, number])[0];
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }
}

/** Independent stream per part, so tuning tickets does not reshuffle every check. */
function stream(seed: number, label: string): Rng {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of label) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193);
  return new Rng(Math.imul(h ^ (h >>> 16), 0x45d9f3b));
}

// ---------------------------------------------------------------------------------------------
// Time

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** London wall time `YYYY-MM-DD HH:MM` → instant; a repeated-hour time needs an explicit pick. */
function at(local: string, pick?: 'earlier' | 'later', zone = LONDON): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  const r = resolveLocal({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: 0, millisecond: 0 }, zone);
  if (r.kind === 'ok') return r.ms;
  if (r.kind === 'ambiguous' && pick) return pick === 'earlier' ? r.earlierMs : r.laterMs;
  throw new Error(`${local} is ${r.kind} in ${zone}`);
}

const START = at('2026-05-01 00:00');
const END = at('2026-11-01 00:00');
const MONTH_STARTS = [...MONTHS.map((m) => at(`${m}-01 00:00`)), END];

/** London review month of an instant inside the sample period. */
function monthIndex(ms: number): number {
  for (let i = 0; i < MONTHS.length; i++) if (ms < (MONTH_STARTS[i + 1] as number)) return i;
  return MONTHS.length - 1;
}

function isoUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-08-14T10:22:31+01:00. */
function isoOffset(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  const off = offsetMinutesAt(ms, zone);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Naive London `YYYY-MM-DD HH:MM`, the helpdesk export format. */
function naive(ms: number): string {
  const p = zonedParts(ms, LONDON);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Human label for the README: London wall time with BST/GMT, so DST-day times read unambiguously. */
function label(ms: number): string {
  return `${naive(ms)} ${offsetMinutesAt(ms, LONDON) === 60 ? 'BST' : 'GMT'}`;
}

/**
 * Naive ticket times in the repeated hour of 2026-10-25 would be ambiguous, which the pipeline
 * rightly rejects; ordinary tickets move past it so only the listed bad rows are rejected.
 */
function clearOfRepeatedHour(ms: number): number {
  let t = ms;
  for (;;) {
    const p = zonedParts(t, LONDON);
    if (resolveLocal(p, LONDON).kind !== 'ambiguous') return t;
    t += HOUR;
  }
}

const offsetCache = new Map<number, number>();
/** London hour of day as a fraction; offsets cached per UTC hour since checks need millions. */
function londonHour(ms: number): number {
  const key = Math.floor(ms / HOUR);
  let off = offsetCache.get(key);
  if (off === undefined) offsetCache.set(key, (off = offsetMinutesAt(key * HOUR, LONDON)));
  return (((ms + off * MIN) % DAY) + DAY) / HOUR;
}

// ---------------------------------------------------------------------------------------------
// Business calendars (mirroring review.config.yaml)

interface DeskCalendar {
  zone: string;
  /** Working intervals in minutes of the day, same for Mon–Fri and make-up days. */
  hours: readonly (readonly [number, number])[];
  holidays: ReadonlySet<string>;
  extra: ReadonlySet<string>;
  cache: Map<string, [number, number][]>;
}

const LONDON_DESK: DeskCalendar = {
  zone: LONDON,
  hours: [[540, 1050]],
  holidays: new Set(['2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']),
  extra: new Set(),
  cache: new Map(),
};
const SHANGHAI_DESK: DeskCalendar = {
  zone: SHANGHAI,
  hours: [
    [540, 720],
    [780, 1080],
  ],
  holidays: new Set([
    '2026-05-01',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-09-25',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  extra: new Set(['2026-05-09', '2026-09-20', '2026-10-10']),
  cache: new Map(),
};

function workWindows(cal: DeskCalendar, date: string): [number, number][] {
  const hit = cal.cache.get(date);
  if (hit) return hit;
  const working = cal.extra.has(date) || (weekdayOfDate(date) <= 5 && !cal.holidays.has(date));
  const atMinute = (m: number): number => at(`${date} ${pad(Math.floor(m / 60))}:${pad(m % 60)}`, undefined, cal.zone);
  const windows: [number, number][] = working ? cal.hours.map(([a, b]) => [atMinute(a), atMinute(b)]) : [];
  cal.cache.set(date, windows);
  return windows;
}

/** The instant `minutes` of working time after `from`. */
function addWork(cal: DeskCalendar, from: number, minutes: number): number {
  let left = minutes * MIN;
  let date = localDateOf(from, cal.zone);
  for (let i = 0; i < 3660; i++, date = nextDate(date)) {
    for (const [a, b] of workWindows(cal, date)) {
      const s = Math.max(a, from);
      if (s >= b) continue;
      if (s + left <= b) return s + left;
      left -= b - s;
    }
  }
  throw new Error('addWork ran past ten years');
}

/** Working minutes in [from, to). */
function workBetween(cal: DeskCalendar, from: number, to: number): number {
  let total = 0;
  const last = localDateOf(to, cal.zone);
  for (let date = localDateOf(from, cal.zone); date <= last; date = nextDate(date)) {
    for (const [a, b] of workWindows(cal, date)) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
  }
  return total / MIN;
}

// ---------------------------------------------------------------------------------------------
// Services, probes and special events

interface ServiceSpec {
  id: string;
  probes: readonly string[];
  /**
   * Check interval in minutes; divides 10 so every event boundary falls on a check. 5 min keeps the
   * six gzip files near 3.5 MB: gzip spends ~4.5 bytes a row on this layout, whatever the latency noise.
   */
  every: number;
  /** Median server-side latency at night, ms. */
  baseMs: number;
  thresholdMs: number;
  /** Weight among baseline tickets. */
  ticketWeight: number;
}

const THREE = ['london', 'frankfurt', 'singapore'] as const;
const TWO = ['london', 'frankfurt'] as const;
const SERVICES: readonly ServiceSpec[] = [
  { id: 'web-portal', probes: THREE, every: 5, baseMs: 240, thresholdMs: 800, ticketWeight: 24 },
  { id: 'public-api', probes: THREE, every: 5, baseMs: 85, thresholdMs: 300, ticketWeight: 12 },
  { id: 'payments', probes: THREE, every: 5, baseMs: 150, thresholdMs: 500, ticketWeight: 15 },
  { id: 'search', probes: TWO, every: 5, baseMs: 120, thresholdMs: 400, ticketWeight: 10 },
  { id: 'sign-in', probes: TWO, every: 5, baseMs: 70, thresholdMs: 250, ticketWeight: 20 },
  { id: 'reporting', probes: TWO, every: 5, baseMs: 480, thresholdMs: 1500, ticketWeight: 13 },
];
/** Network distance from probe to the EU origin, added to server time. */
const PROBE_RTT: Record<string, number> = { london: 4, frankfurt: 16, singapore: 92 };
/** The month whose check file names public-api by its alias, to exercise alias mapping. */
const ALIAS_MONTH = '2026-06';

type EventKind = 'outage' | 'blip' | 'degraded' | 'gap' | 'maintenance';
interface SpecialEvent {
  kind: EventKind;
  service: string;
  /** Affected probes; null = all probes of the service. */
  probes: readonly string[] | null;
  from: number;
  to: number;
  /** Tickets raised in the hours after the start. */
  tickets: number;
  note: string;
}

const EVENTS: readonly SpecialEvent[] = [
  {
    kind: 'outage',
    service: 'web-portal',
    probes: null,
    from: at('2026-05-12 14:20'),
    to: at('2026-05-12 14:55'),
    tickets: 18,
    note: 'Portal outage, all 3 probes',
  },
  {
    kind: 'outage',
    service: 'public-api',
    probes: ['london', 'frankfurt'],
    from: at('2026-06-03 09:10'),
    to: at('2026-06-03 09:30'),
    tickets: 10,
    note: 'API outage seen by 2 of 3 probes (majority; singapore stays up); the June file names the service `api`',
  },
  {
    kind: 'maintenance',
    service: 'payments',
    probes: null,
    from: at('2026-06-14 01:00'),
    to: at('2026-06-14 03:00'),
    tickets: 3,
    note: 'Payments down for the configured database-upgrade window (excluded as maintenance)',
  },
  {
    kind: 'blip',
    service: 'sign-in',
    probes: ['london'],
    from: at('2026-07-14 11:00'),
    to: at('2026-07-14 11:20'),
    tickets: 0,
    note: 'Probe-local blip: only london of 2 probes down — not an outage',
  },
  {
    kind: 'outage',
    service: 'payments',
    probes: null,
    from: at('2026-07-31 23:40'),
    to: at('2026-08-01 00:50'),
    tickets: 22,
    note: 'Payments outage crossing the July/August boundary (20 min in July, 50 min in August)',
  },
  {
    kind: 'outage',
    service: 'sign-in',
    probes: null,
    from: at('2026-08-04 08:10'),
    to: at('2026-08-04 09:20'),
    tickets: 30,
    note: 'Sign-in bad month (1/3)',
  },
  {
    kind: 'gap',
    service: 'reporting',
    probes: null,
    from: at('2026-08-12 01:00'),
    to: at('2026-08-12 07:00'),
    tickets: 0,
    note: 'Monitoring gap: no reporting rows from any probe (355 min of no data: the last check before it holds for max_gap)',
  },
  {
    kind: 'outage',
    service: 'sign-in',
    probes: null,
    from: at('2026-08-18 13:30'),
    to: at('2026-08-18 14:10'),
    tickets: 20,
    note: 'Sign-in bad month (2/3)',
  },
  {
    kind: 'outage',
    service: 'sign-in',
    probes: null,
    from: at('2026-08-27 07:50'),
    to: at('2026-08-27 08:40'),
    tickets: 26,
    note: 'Sign-in bad month (3/3): 160 min down in August vs 44.6 min allowed by 99.9 %',
  },
  {
    kind: 'maintenance',
    service: '*',
    probes: null,
    from: at('2026-09-06 02:00'),
    to: at('2026-09-06 02:45'),
    tickets: 2,
    note: 'Network core switch replacement: every service down on every probe, inside the configured window',
  },
  {
    kind: 'outage',
    service: 'reporting',
    probes: null,
    from: at('2026-09-10 10:00'),
    to: at('2026-09-10 11:30'),
    tickets: 8,
    note: 'Reporting outage',
  },
  {
    kind: 'degraded',
    service: 'search',
    probes: null,
    from: at('2026-09-15 10:00'),
    to: at('2026-09-15 14:30'),
    tickets: 12,
    note: 'Search degraded spell: status degraded, latency 3–10× threshold',
  },
  {
    kind: 'blip',
    service: 'public-api',
    probes: ['singapore'],
    from: at('2026-09-22 03:00'),
    to: at('2026-09-22 03:40'),
    tickets: 0,
    note: 'Probe-local blip: only singapore of 3 probes down — not an outage',
  },
  {
    kind: 'outage',
    service: 'search',
    probes: null,
    from: at('2026-10-25 00:20'),
    to: at('2026-10-25 01:10', 'later'),
    tickets: 5,
    note: 'Outage across the DST change: 110 min elapsed, although the wall clock reads 50 min',
  },
];

const BAD_SIGN_IN = [at('2026-08-01 00:00'), at('2026-09-15 00:00')] as const;
/** Sign-in's bad month and its aftermath: slower checks, more tickets, more SLA misses, unhappier customers. */
function badSignInPeriod(ms: number): boolean {
  return ms >= BAD_SIGN_IN[0] && ms < BAD_SIGN_IN[1];
}

// ---------------------------------------------------------------------------------------------
// CSV and files

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Joins records and notes each one's first physical line (header = line 1). */
function csvText(header: string, records: string[][]): { text: string; lines: number[] } {
  const out = [header];
  const lines: number[] = [];
  let line = 2;
  for (const r of records) {
    const rec = r.map(csvField).join(',');
    lines.push(line);
    line += 1 + (rec.match(/\n/g)?.length ?? 0);
    out.push(rec);
  }
  return { text: `${out.join('\n')}\n`, lines };
}

/** gzip with no name and mtime 0 (Node's default) and OS byte "unknown", so bytes match on any OS. */
function gzipStable(text: string): Buffer {
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  gz[9] = 0xff;
  return gz;
}

// ---------------------------------------------------------------------------------------------
// Checks

interface CheckRow {
  t: number;
  stamp: string;
  service: string;
  probe: string;
  status: string;
  latency: string;
  /** Why this is a deliberate bad row. */
  bad?: string;
}

function effectAt(svc: ServiceSpec, probe: string, t: number): EventKind | null {
  for (const e of EVENTS) {
    if (e.service !== svc.id && e.service !== '*') continue;
    if (e.probes && !e.probes.includes(probe)) continue;
    // A check's status holds until the next one, so a maintenance check must end inside the window.
    const inside = e.kind === 'maintenance' ? t >= e.from && t + svc.every * MIN <= e.to : t >= e.from && t < e.to;
    if (inside) return e.kind;
  }
  return null;
}

function generateChecks(seed: number): CheckRow[][] {
  const rng = stream(seed, 'checks');
  for (const e of EVENTS) {
    for (const s of SERVICES) {
      if ((e.service === s.id || e.service === '*') && e.kind !== 'maintenance' && ((e.from - START) / MIN) % s.every !== 0)
        throw new Error(`event at ${label(e.from)} is off the ${s.id} check grid`);
    }
  }
  const months: CheckRow[][] = [];
  for (let mi = 0; mi < MONTHS.length; mi++) {
    const rows: CheckRow[] = [];
    const month = MONTHS[mi] as string;
    for (let t = MONTH_STARTS[mi] as number; t < (MONTH_STARTS[mi + 1] as number); t += MIN) {
      const step = (t - START) / MIN;
      const hour = londonHour(t);
      // Diurnal load: quiet at 04:00, busiest mid-afternoon.
      const load = 1 + 0.45 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 4)) / 24));
      const stamp = isoUtc(t);
      for (const s of SERVICES) {
        if (step % s.every !== 0) continue;
        const name = s.id === 'public-api' && month === ALIAS_MONTH ? 'api' : s.id;
        const slow = s.id === 'sign-in' && badSignInPeriod(t) ? 1.3 : 1;
        for (const probe of s.probes) {
          const effect = effectAt(s, probe, t);
          if (effect === 'gap') continue;
          let status = 'up';
          let ms = s.baseMs * load * slow * rng.logNormal(1, 0.2) + (PROBE_RTT[probe] ?? 0) * rng.logNormal(1, 0.08);
          if (rng.chance(0.003)) ms *= 2 + 4 * rng.next();
          if (effect === 'degraded') ms = s.thresholdMs * (3 + 7 * rng.next());
          if (effect === 'degraded' || ms > 2.5 * s.thresholdMs) status = 'degraded';
          // Rare single-probe timeouts: noise that a strict majority must ignore.
          if (effect === 'outage' || effect === 'blip' || effect === 'maintenance' || rng.chance(1 / 25_000)) status = 'down';
          rows.push({ t, stamp, service: name, probe, status, latency: status === 'down' ? '' : String(Math.round(ms)) });
        }
      }
    }
    months.push(rows);
  }
  const slot = (s: string, local: string): number =>
    at(local) - ((at(local) - START) % ((SERVICES.find((x) => x.id === s)?.every ?? 1) * MIN));
  const rowAt = (m: number, service: string, probe: string, t: number): CheckRow => {
    const r = months[m]!.find((x) => x.t === t && x.service === service && x.probe === probe);
    if (!r) throw new Error(`no ${service}/${probe} check at ${isoUtc(t)}`);
    return r;
  };
  // Deliberate bad rows for the data-quality page.
  const r1 = rowAt(0, 'web-portal', 'frankfurt', slot('web-portal', '2026-05-20 10:00'));
  Object.assign(r1, { status: 'maybe', bad: 'unknown status word `maybe`' });
  const r2: CheckRow = {
    t: at('2026-06-10 13:00'),
    stamp: isoUtc(at('2026-06-10 13:00')),
    service: 'billing-legacy',
    probe: 'london',
    status: 'up',
    latency: '143',
    bad: 'unknown service `billing-legacy`',
  };
  months[1]!.push(r2);
  months[2]!.push({
    ...rowAt(2, 'payments', 'london', slot('payments', '2026-07-08 07:00')),
    bad: 'exact duplicate of the line before (payments/london)',
  });
  const r4: CheckRow = {
    t: at('2026-09-30 11:00'),
    stamp: '2026-09-31T10:00:00Z',
    service: 'reporting',
    probe: 'london',
    status: 'up',
    latency: '612',
    bad: 'impossible timestamp `2026-09-31T10:00:00Z`',
  };
  months[4]!.push(r4);
  const r5 = rowAt(5, 'sign-in', 'frankfurt', slot('sign-in', '2026-10-14 16:00'));
  Object.assign(r5, { latency: 'fast', bad: 'non-numeric response_ms `fast`' });
  for (const rows of months) rows.sort((a, b) => a.t - b.t || cmp(a.service, b.service) || cmp(a.probe, b.probe));
  return months;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Tickets

interface Level {
  id: string;
  words: readonly [string, string, string];
  respMin: number;
  resMin: number;
  /** null = 24×7 clock. */
  cal: DeskCalendar | null;
}
const LEVELS: Record<string, Level> = {
  p1: { id: 'p1', words: ['P1', '紧急', 'Critical'], respMin: 15, resMin: 240, cal: null },
  p2: { id: 'p2', words: ['P2', '高', 'High'], respMin: 30, resMin: 480, cal: null },
  p3: { id: 'p3', words: ['P3', '中', 'Normal'], respMin: 240, resMin: 960, cal: LONDON_DESK },
  p4: { id: 'p4', words: ['P4', '低', 'Low'], respMin: 480, resMin: 2400, cal: SHANGHAI_DESK },
};

type Template = readonly [category: string, title: string];
interface ServiceTemplates {
  en: readonly Template[];
  zh: readonly Template[];
  outage: readonly Template[];
}

const TEMPLATES: Record<string, ServiceTemplates> = {
  'web-portal': {
    en: [
      ['Performance', 'Customer portal very slow to load {page} page'],
      ['Bug', 'Portal shows error 500 on {page} for {email}'],
      ['Bug', 'Blank page after clicking "{page}"'],
      ['Access', 'Cannot access customer portal from office network {ip}'],
      ['Bug', 'Portal dashboard widgets not loading, ticket {hash}'],
      ['How-to', 'How do I change the language of the portal?'],
    ],
    zh: [
      ['Access', '无法登录客户门户'],
      ['Performance', '客户门户页面加载很慢'],
      ['Bug', '客户门户页面打不开'],
    ],
    outage: [
      ['Outage', 'Customer portal down - error 503 for all users'],
      ['Outage', 'Portal not loading at all, {n} colleagues affected'],
      ['Outage', 'Is the customer portal down? Timeouts from {host}'],
      ['Outage', '客户门户无法访问'],
    ],
  },
  'public-api': {
    en: [
      ['Bug', 'API returns 502 on /v2/orders'],
      ['Access', 'API key rejected with 401 for client {client}'],
      ['Performance', 'API latency above 2 seconds since {date}'],
      ['Bug', 'Webhook deliveries delayed, ref {inc}'],
      ['How-to', 'Rate limit for /v2/search endpoint, can it be raised?'],
      ['Data', 'API returns duplicate records in /v2/customers page {n}'],
    ],
    zh: [
      ['Bug', '接口返回500错误'],
      ['Performance', 'API 响应超时'],
      ['Access', 'API密钥无效'],
    ],
    outage: [
      ['Outage', 'Public API returning 503 errors'],
      ['Outage', 'All API calls failing from {host}'],
      ['Outage', 'API down? {inc} raised by integration team'],
    ],
  },
  payments: {
    en: [
      ['Bug', 'Payment failed for order {order}'],
      ['Billing', 'Customer charged twice for order {order}, "pending" shown'],
      ['Billing', 'Refund {ref} not processed after {n} days'],
      ['Performance', 'Checkout slow at payment step'],
      ['Bug', 'Card declined with code {code} although card is valid'],
      ['Billing', 'Invoice {inv} shows wrong VAT amount'],
    ],
    zh: [
      ['Performance', '支付页面加载缓慢'],
      ['Bug', '支付失败，订单号 {order}'],
      ['Billing', '退款未到账'],
    ],
    outage: [
      ['Outage', 'Payments failing for all customers'],
      ['Outage', 'Checkout error "Payment service unavailable"'],
      ['Outage', 'Payment page timeout, order {order}'],
      ['Outage', '支付失败，订单号 {order}'],
    ],
  },
  search: {
    en: [
      ['Data', 'Search results missing new products added on {date}'],
      ['Performance', 'Search is slow for query "{q}"'],
      ['Bug', 'Autocomplete not working in search box'],
      ['Bug', 'Search filters reset after paging, {hash}'],
    ],
    zh: [
      ['Data', '搜索结果不准确'],
      ['Performance', '搜索速度很慢'],
    ],
    outage: [
      ['Performance', 'Search extremely slow, timeouts on {host}'],
      ['Outage', 'Search returns no results at all'],
      ['Performance', 'Search taking 10+ seconds for "{q}"'],
    ],
  },
  'sign-in': {
    en: [
      ['Access', 'Cannot log in, SSO redirect loop'],
      ['Access', 'Password reset email not received by {email}'],
      ['Access', 'MFA code rejected for {email}'],
      ['Access', 'Account locked after {n} failed attempts'],
      ['Bug', 'Error "Session expired" right after login, then blank page'],
      ['How-to', 'How do I set up SSO with Azure AD for {company}?'],
    ],
    zh: [
      ['Access', '无法登录客户门户'],
      ['Access', '收不到验证码'],
      ['Access', '账号被锁定，请帮忙解锁'],
    ],
    outage: [
      ['Outage', 'Nobody can sign in - login page error'],
      ['Outage', 'SSO login failing for all users at {company}'],
      ['Outage', 'Sign-in down, error {code} on {host}'],
      ['Outage', '所有用户无法登录'],
    ],
  },
  reporting: {
    en: [
      ['Bug', 'Report export fails for {report}'],
      ['Data', '{report} report shows wrong totals for {date}'],
      ['Bug', 'Scheduled report {inc} not delivered to {email}'],
      ['Data', 'CSV export, "Revenue" column empty'],
      ['Performance', 'Reporting dashboard takes minutes to load'],
    ],
    zh: [
      ['Bug', '报表导出失败'],
      ['Data', '报表数据不一致'],
    ],
    outage: [
      ['Outage', 'Reporting unavailable, dashboards show error'],
      ['Outage', 'Reports not loading at all'],
    ],
  },
  '': {
    en: [
      ['How-to', 'How do I add a new user to our account?'],
      ['Billing', 'Please update billing address for {company}'],
      ['How-to', 'Request: export of all invoices for 2026'],
      ['Access', 'Please remove leaver {email} from our account'],
    ],
    zh: [
      ['How-to', '如何添加新用户'],
      ['Billing', '发票抬头错误'],
    ],
    outage: [],
  },
};

const MAINTENANCE_TITLES: readonly Template[] = [
  ['How-to', 'Is there planned maintenance tonight? Payments unavailable'],
  ['Outage', 'Checkout unavailable during maintenance window, ref {inc}'],
];

const FIRST = ['jane.doe', 'tom.smith', 'priya.patel', 'li.wei', 'omar.khan', 'sofia.garcia', 'chen.wang', 'anna.novak'];
const FILLERS: Record<string, (r: Rng) => string> = {
  email: (r) => `${r.pick(FIRST)}@${r.pick(['example.com', 'contoso.example', 'fabrikam.example', 'tailspin.example'])}`,
  host: (r) => r.pick([`web-0${r.int(1, 6)}.eu-west.nw.internal`, `api-gw-${r.int(1, 4)}.nw.internal`, `edge${r.int(10, 40)}.cdn.nw.net`]),
  ip: (r) => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  inc: (r) => `INC00${r.int(10, 99)}`,
  hash: (r) => `#${r.int(1000, 9999)}`,
  order: (r) => `ORD-${r.int(100000, 999999)}`,
  ref: (r) => `RF${r.int(20000, 99999)}`,
  inv: (r) => `INV-2026-${r.int(1000, 9999)}`,
  client: (r) => `cl${r.int(1000, 9999)}x`,
  n: (r) => String(r.int(2, 12)),
  code: (r) => r.pick(['05', '51', '54', 'R01', 'E1042']),
  date: (r) => `2026-${pad(r.int(5, 10))}-${pad(r.int(1, 28))}`,
  page: (r) => r.pick(['My orders', 'Invoices', 'Account settings', 'Dashboard']),
  q: (r) => r.pick(['red shoes', 'wireless headset', 'invoice 2026', '蓝牙耳机', 'usb-c cable']),
  report: (r) => r.pick(['Monthly revenue', 'Churn by region', 'Active users', 'SLA summary']),
  company: (r) => r.pick(['Contoso Ltd', 'Fabrikam', 'Tailspin Toys', 'Adventure Works', '上海星辰贸易']),
};

function fill(rng: Rng, text: string): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => FILLERS[k]?.(rng) ?? m);
}

/** Recurring titles drift a little, as people retype them: prefixes, suffixes, ids. */
function varyTitle(rng: Rng, title: string, zh: boolean): string {
  if (zh) return rng.chance(0.1) ? `${title}${rng.pick(['，请尽快处理', '（再次出现）'])}` : title;
  let t = title;
  if (rng.chance(0.1)) t = `${rng.pick(['Re: ', 'URGENT - ', 'FW: '])}${t}`;
  if (rng.chance(0.1)) t = `${t}${rng.pick([' (again)', ' - please help', ', still not working', ` [${fill(rng, '{inc}')}]`])}`;
  return t;
}

interface Ticket {
  created: number;
  fr: number | null;
  res: number | null;
  level: Level;
  word: string;
  category: string;
  service: string;
  title: string;
  zh: boolean;
  reopened: boolean;
  /** Raised by an incident, so the desk is stretched and customers are crosser. */
  burst: boolean;
  special: boolean;
  key: string;
  /** Field overrides that make a deliberate bad row. */
  broken?: Partial<Record<'created' | 'fr' | 'res' | 'word', string>>;
}

const clockOf = (l: Level, a: number, b: number): number => (l.cal ? workBetween(l.cal, a, b) : (b - a) / MIN);

function respMet(t: Ticket): boolean | null {
  if (t.fr === null) return null;
  return clockOf(t.level, t.created, t.fr) <= t.level.respMin;
}
function resMet(t: Ticket): boolean | null {
  if (t.res === null) return null;
  return clockOf(t.level, t.created, t.res) <= t.level.resMin;
}

const BASE_PRIORITY: readonly (readonly [string, number])[] = [
  ['p1', 3],
  ['p2', 12],
  ['p3', 50],
  ['p4', 35],
];
const BURST_PRIORITY: readonly (readonly [string, number])[] = [
  ['p1', 20],
  ['p2', 45],
  ['p3', 30],
  ['p4', 5],
];

// Arrivals per hour of day on a weekday: English desk in London hours, Chinese customers in Shanghai hours.
const EN_HOURLY = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.1, 1.6, 1.7, 1.6, 1.3, 1.4, 1.5, 1.4, 1.2, 0.9, 0.6, 0.45, 0.35, 0.3, 0.2, 0.15,
];
const ZH_HOURLY = [0, 0, 0, 0, 0, 0, 0, 0.1, 0.3, 0.9, 1.1, 1, 0.5, 0.9, 1, 1, 0.8, 0.5, 0.3, 0.2, 0.1, 0.05, 0, 0];
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const EN_PER_DAY = 12.5;
const ZH_PER_DAY = 2.3;

function draftTicket(rng: Rng, created: number, service: string, zh: boolean, burst: boolean, templates?: readonly Template[]): Ticket {
  const set = TEMPLATES[service] as ServiceTemplates;
  const pool = templates && templates.length > 0 ? templates : zh ? set.zh : set.en;
  const [category, raw] = rng.pick(pool);
  const isZh = /\p{Script=Han}/u.test(raw);
  const level = LEVELS[rng.weighted(burst ? BURST_PRIORITY : BASE_PRIORITY)] as Level;
  // ~10 % Chinese priority words overall: mostly from Chinese-speaking customers.
  const r = rng.next();
  const word = r < (isZh ? 0.65 : 0.012) ? level.words[1] : r > 0.98 ? level.words[2] : level.words[0];
  return {
    created,
    fr: null,
    res: null,
    level,
    word,
    category,
    service,
    title: varyTitle(rng, fill(rng, raw), isZh),
    zh: isZh,
    reopened: false,
    burst,
    special: false,
    key: '',
  };
}

/** Response and resolution drawn relative to the level's targets; stress pushes more past them. */
function schedule(rng: Rng, t: Ticket, stress: number): void {
  const l = t.level;
  const respMin = Math.max(1, Math.round(rng.logNormal(0.3 * stress, 0.75) * l.respMin));
  let resFactor = rng.logNormal(0.38 * stress, 0.7);
  if (rng.chance(0.02)) resFactor *= 3 + 12 * rng.next(); // stuck waiting on a third party
  const resMin = Math.max(respMin + 5, Math.round(resFactor * l.resMin));
  const add = (m: number): number => (l.cal ? addWork(l.cal, t.created, m) : t.created + m * MIN);
  const fr = clearOfRepeatedHour(add(respMin));
  const res = clearOfRepeatedHour(Math.max(add(resMin), fr + 5 * MIN));
  // The export was taken at the end of the period: later events have not happened yet.
  t.fr = fr < END ? fr : null;
  t.res = res < END ? res : null;
  t.reopened = t.res !== null && rng.chance(0.04);
}

function generateTickets(seed: number): Ticket[] {
  const rng = stream(seed, 'tickets');
  const tickets: Ticket[] = [];
  const enScale = EN_PER_DAY / sum(EN_HOURLY);
  const zhScale = ZH_PER_DAY / sum(ZH_HOURLY);
  const weights = (t: number): [string, number][] => [
    ...SERVICES.map((s): [string, number] => [s.id, s.ticketWeight * (s.id === 'sign-in' && badSignInPeriod(t) ? 2 : 1)]),
    ['', 6],
  ];
  for (let h = START; h < END; h += HOUR) {
    const lp = zonedParts(h, LONDON);
    const sp = zonedParts(h, SHANGHAI);
    const summer = lp.month === 8 ? 0.85 : 1; // August holidays
    const lambdaEn = (EN_HOURLY[lp.hour] as number) * enScale * (lp.weekday >= 6 ? 0.25 : 1) * summer;
    const lambdaZh = (ZH_HOURLY[sp.hour] as number) * zhScale * (sp.weekday >= 6 ? 0.2 : 1);
    for (const zh of [false, true]) {
      const n = rng.poisson(zh ? lambdaZh : lambdaEn);
      for (let i = 0; i < n; i++) {
        const created = clearOfRepeatedHour(h + rng.int(0, 59) * MIN);
        if (created >= END) continue;
        const service = rng.weighted(weights(created));
        const t = draftTicket(rng, created, service, zh, false);
        // A few customers report non-incidents as outages.
        if (!zh && service && rng.chance(0.02)) t.category = 'Outage';
        tickets.push(t);
      }
    }
  }
  // Bursts: tickets pile in during and after each incident, about that service.
  for (const e of EVENTS) {
    for (let i = 0; i < e.tickets; i++) {
      const created = clearOfRepeatedHour(e.from + Math.round(3 + rng.logNormal(35, 0.9)) * MIN);
      if (e.kind === 'maintenance') {
        const t = draftTicket(rng, created, 'payments', false, false, [rng.pick(MAINTENANCE_TITLES)]);
        t.level = LEVELS.p3 as Level;
        t.word = 'P3';
        tickets.push(t);
        continue;
      }
      const set = TEMPLATES[e.service] as ServiceTemplates;
      const zh = rng.chance(0.15);
      const pool = rng.chance(0.75) ? set.outage.filter((x) => /\p{Script=Han}/u.test(x[1]) === zh) : zh ? set.zh : set.en;
      tickets.push(draftTicket(rng, created, e.service, zh, true, pool));
    }
  }
  for (const t of tickets) {
    const stress =
      (t.burst ? 1.4 : 1) * (t.service === 'sign-in' && badSignInPeriod(t.created) ? 1.3 : 1) * (monthIndex(t.created) === 3 ? 1.05 : 1);
    schedule(rng, t, stress);
  }
  tickets.push(...specialTickets());
  tickets.sort((a, b) => a.created - b.created);
  tickets.forEach((t, i) => {
    t.key = `NW-${10001 + i}`;
    if (t.res === null) t.reopened = false;
  });
  return tickets;
}

/** Hand-made tickets whose SLA outcome depends on calendars and DST; listed in data/README.md. */
function specialTickets(): Ticket[] {
  const mk = (
    created: string,
    fr: string,
    res: string,
    level: string,
    word: string,
    category: string,
    service: string,
    title: string,
    pick?: 'later',
  ): Ticket => ({
    created: at(created),
    fr: at(fr, pick),
    res: at(res, pick),
    level: LEVELS[level] as Level,
    word,
    category,
    service,
    title,
    zh: /\p{Script=Han}/u.test(title),
    reopened: false,
    burst: false,
    special: true,
    key: '',
  });
  return [
    // Friday before the 31 Aug bank holiday: 80 / 400 business minutes (met), 4 days on the clock.
    mk(
      '2026-08-28 16:50',
      '2026-09-01 09:40',
      '2026-09-01 15:00',
      'p3',
      'P3',
      'Bug',
      'reporting',
      'Month-end report export fails for Monthly revenue',
    ),
    // Eve of China's National Day (17:00 Shanghai): 90 / 840 business minutes, met.
    mk('2026-09-30 10:00', '2026-10-08 02:30', '2026-10-09 08:00', 'p4', '低', 'Access', 'public-api', 'API密钥无效'),
    // Friday 17:00 Shanghai, answered Monday 10:00: 600 business minutes because Saturday 10 Oct is
    // a make-up workday → response breached (it would be met if the make-up day were ignored).
    mk(
      '2026-10-09 10:00',
      '2026-10-12 03:00',
      '2026-10-12 09:30',
      'p4',
      'P4',
      'Data',
      'reporting',
      'Monthly revenue report shows wrong totals for 2026-09-30',
    ),
    // Created on the make-up Saturday itself (10:15 Shanghai): 125 / 525 business minutes, met.
    mk('2026-10-10 03:15', '2026-10-10 06:20', '2026-10-12 04:00', 'p4', 'P4', 'How-to', '', 'How do I add a new user to our account?'),
    // DST day: 00:40 BST → 03:50 GMT is 4 h 10 min elapsed (breached), 3 h 10 min on the wall clock.
    mk('2026-10-25 00:40', '2026-10-25 00:52', '2026-10-25 03:50', 'p1', 'P1', 'Outage', 'search', 'Search returns no results at all'),
    mk(
      '2026-10-25 09:05',
      '2026-10-25 09:25',
      '2026-10-25 14:10',
      'p2',
      'P2',
      'Performance',
      'search',
      'Search is slow for query "red shoes"',
    ),
  ];
}

function breakTickets(tickets: Ticket[]): void {
  const find = (from: string, ok: (t: Ticket) => boolean): Ticket => {
    const t = tickets.find((x) => x.created >= at(from) && !x.special && !x.burst && x.res !== null && ok(x));
    if (!t) throw new Error(`no ticket after ${from}`);
    return t;
  };
  const t1 = find('2026-06-16 10:00', () => true);
  t1.broken = { created: '31/02/2026 10:15' };
  const t2 = find('2026-08-19 11:00', () => true);
  t2.broken = { word: 'P9' };
  const t3 = find('2026-09-17 14:00', () => true);
  t3.broken = { res: naive(t3.created - 27 * HOUR) };
}

const TICKET_HEADER = 'Key,Created,First Response,Resolved,Priority,Category,Service,Summary,Status,Reopened';

function ticketRecord(t: Ticket): string[] {
  const status = t.res === null ? (t.fr === null ? 'Open' : 'In Progress') : END - t.res > 7 * DAY ? 'Closed' : 'Resolved';
  return [
    t.key,
    t.broken?.created ?? naive(t.created),
    t.broken?.fr ?? (t.fr === null ? '' : naive(t.fr)),
    t.broken?.res ?? (t.res === null ? '' : naive(t.res)),
    t.broken?.word ?? t.word,
    t.category,
    t.service,
    t.title,
    status,
    t.reopened ? 'yes' : 'no',
  ];
}

// ---------------------------------------------------------------------------------------------
// Surveys

interface Survey {
  at: number;
  zone: string;
  ticket: string;
  service: string;
  csat: string;
  nps: string;
  ces: string;
  comment: string;
  broken?: Partial<Record<'at' | 'nps', string>>;
}

const COMMENTS = {
  good: [
    'Quick fix, thanks!',
    'Great support, solved in minutes.',
    'Very helpful agent.',
    'Thanks for the clear explanation.',
    'All good now.',
    'Fast and friendly.',
  ],
  mid: ['Fixed eventually.', 'OK, but it took a while.', 'Resolved, though the first answer did not help.', 'Fine.'],
  bad: [
    'Took far too long to get a response.',
    'Still happening, please check again.',
    'Nobody told us the service was down.',
    'Third time this month, not acceptable.',
    'Had to chase twice before anyone replied.',
    'The workaround is not a fix.',
  ],
  goodZh: ['处理很及时，谢谢', '客服很专业', '问题很快解决了'],
  midZh: ['问题解决了，但是花了一些时间'],
  badZh: ['等了很久才回复', '问题没有彻底解决', '同样的问题又出现了，希望尽快修复'],
  signIn: ['Login problems again, our staff could not work for an hour.', 'SSO outages are hurting our business.', '登录问题太多了'],
};

/** Personal data that must be masked before publishing; random variants plus the fixed examples below. */
const PII: readonly ((r: Rng) => string)[] = [
  (r) => `Please contact ${fill(r, '{email}')} for follow-up.`,
  (r) => `Call me back on +44 20 7946 0${r.int(100, 999)} please.`,
  (r) => `You can reach me at (617) 555-0${r.int(100, 199)}.`,
  (r) => `Account number ${r.int(10000000, 99999999)} still shows the old plan.`,
  (r) => `请回电 138${r.int(1000, 9999)}${r.int(1000, 9999)}`,
];
const FORCED_COMMENTS = [
  'Fixed, but slow.\nThe same error came back the next day, please keep an eye on it.',
  'Please reply to jane.doe@example.com rather than the account owner.',
  'Call me on +44 20 7946 0958 if anything else is needed.',
  'Our US office can be reached at (617) 555-0123.',
  'I was charged twice on card 4111 1111 1111 1111, please refund.',
  'The "Retry" button did nothing, so I called, waited, and gave up.',
];
const UNKNOWN_TICKETS = ['NW-99999', 'NW-10000', 'NW-90210', 'NW-99998', 'NW-4411'];

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));

function generateSurveys(seed: number, tickets: readonly Ticket[]): Survey[] {
  const rng = stream(seed, 'surveys');
  const out: Survey[] = [];
  const score = (mean: number, service: string, zh: boolean, ticket: string, when: number, zone: string): Survey => {
    const sat = clamp(mean + 0.8 * rng.normal(), 1, 5);
    const nps = clamp(2.2 * sat - 1 + 1.3 * rng.normal(), 0, 10);
    const ces = clamp(7.6 - 1.2 * sat + 0.9 * rng.normal(), 1, 7);
    let comment = '';
    if (rng.chance(0.45)) {
      if (rng.chance(0.04)) comment = rng.pick(PII)(rng);
      else if (service === 'sign-in' && badSignInPeriod(when) && sat <= 3 && rng.chance(0.5)) comment = rng.pick(COMMENTS.signIn);
      else {
        const mood = sat >= 4 ? 'good' : sat === 3 ? 'mid' : 'bad';
        comment = rng.pick(COMMENTS[zh && rng.chance(0.8) ? (`${mood}Zh` as const) : mood]);
      }
    }
    return {
      at: when,
      zone,
      ticket,
      service,
      csat: rng.chance(0.04) ? '' : String(sat),
      nps: rng.chance(0.06) ? '' : String(nps),
      ces: rng.chance(0.15) ? '' : String(ces),
      comment,
    };
  };
  for (const t of tickets) {
    if (t.res === null || t.broken) continue;
    const met = resMet(t);
    if (!rng.chance(met ? 0.28 : 0.38)) continue;
    const when = t.res + Math.round(Math.min(144, Math.max(0.3, rng.logNormal(10, 1.1))) * 3600) * 1000 + rng.int(0, 59) * 1000;
    if (when >= END) continue;
    let mean = 4.35;
    if (respMet(t) === false) mean -= 0.6;
    if (!met) mean -= 1.3;
    if (t.reopened) mean -= 0.9;
    if (t.burst) mean -= 0.3;
    if (t.service === 'sign-in' && badSignInPeriod(t.created)) mean -= 0.6;
    const zone = t.zh ? (rng.chance(0.85) ? SHANGHAI : LONDON) : rng.chance(0.05) ? SHANGHAI : LONDON;
    out.push(score(mean, t.service, t.zh, t.key, when, zone));
  }
  // Responses naming tickets that do not exist: counted and reported by the pipeline.
  for (const ticket of UNKNOWN_TICKETS) {
    const when = START + rng.int(1, 180) * DAY + rng.int(0, 86_399) * 1000;
    out.push(score(3.8, rng.pick(SERVICES).id, false, ticket, when, LONDON));
  }
  out.sort((a, b) => a.at - b.at);
  // The fixed masking and quoting examples land on evenly spread responses.
  FORCED_COMMENTS.forEach((c, i) => {
    const s = out[Math.floor(((i + 0.5) * out.length) / FORCED_COMMENTS.length)] as Survey;
    s.comment = c;
  });
  return out;
}

const SURVEY_HEADER = 'response_id,submitted_at,ticket,service,satisfaction,recommend,effort,comment';

// ---------------------------------------------------------------------------------------------
// Output

function writeOut(root: string, rel: string, data: string | Buffer, files: SampleDataResult['files']): void {
  const path = join(root, rel);
  writeFileSync(path, data);
  files.push({ path: rel, bytes: Buffer.byteLength(data) });
}

/** Removes earlier generated files so a changed period leaves nothing stale behind. */
function clearDir(dir: string, pattern: RegExp): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (pattern.test(f)) rmSync(join(dir, f));
}

export function generateSampleData(options: SampleDataOptions): SampleDataResult {
  const { seed, outDir } = options;
  const result: SampleDataResult = { files: [], rows: { checks: {}, tickets: {}, surveys: {} }, badRows: [] };

  // Checks.
  const checkMonths = generateChecks(seed);
  clearDir(join(outDir, 'checks'), /^checks-\d{4}-\d{2}\.csv\.gz$/);
  checkMonths.forEach((rows, mi) => {
    const month = MONTHS[mi] as string;
    const rel = `checks/checks-${month}.csv.gz`;
    const { text, lines } = csvText(
      'timestamp,service,probe,status,response_ms',
      rows.map((r) => [r.stamp, r.service, r.probe, r.status, r.latency]),
    );
    writeOut(outDir, rel, gzipStable(text), result.files);
    result.rows.checks[month] = rows.length;
    rows.forEach((r, i) => {
      if (r.bad) result.badRows.push({ file: rel, line: lines[i] as number, what: r.bad });
    });
  });

  // Tickets.
  const tickets = generateTickets(seed);
  breakTickets(tickets);
  clearDir(join(outDir, 'tickets'), /^tickets-\d{4}-\d{2}\.csv$/);
  MONTHS.forEach((month, mi) => {
    const rel = `tickets/tickets-${month}.csv`;
    const mine = tickets.filter((t) => monthIndex(t.created) === mi);
    const { text, lines } = csvText(TICKET_HEADER, mine.map(ticketRecord));
    writeOut(outDir, rel, text, result.files);
    result.rows.tickets[month] = mine.length;
    mine.forEach((t, i) => {
      if (!t.broken) return;
      const what = t.broken.created
        ? `impossible date \`${t.broken.created}\` in Created (${t.key})`
        : t.broken.word
          ? `unknown priority \`${t.broken.word}\` (${t.key})`
          : `Resolved \`${t.broken.res}\` before Created (${t.key})`;
      result.badRows.push({ file: rel, line: lines[i] as number, what });
    });
  });

  // Surveys.
  const surveys = generateSurveys(seed, tickets);
  const july = surveys.find((s) => monthIndex(s.at) === 2 && s.at >= at('2026-07-15 00:00') && s.nps !== '' && !s.comment.includes('\n'))!;
  july.broken = { nps: '11' };
  const august = surveys.find((s) => monthIndex(s.at) === 3 && s.at >= at('2026-08-31 09:00') && !s.comment.includes('\n'))!;
  august.broken = { at: '2026-08-32T09:15:00+01:00' };
  clearDir(join(outDir, 'surveys'), /^surveys-\d{4}-\d{2}\.csv$/);
  let responseNo = 0;
  MONTHS.forEach((month, mi) => {
    const rel = `surveys/surveys-${month}.csv`;
    const mine = surveys.filter((s) => monthIndex(s.at) === mi);
    const records = mine.map((s) => [
      `R-${pad(++responseNo, 6)}`,
      s.broken?.at ?? isoOffset(s.at, s.zone),
      s.ticket,
      s.service,
      s.csat,
      s.broken?.nps ?? s.nps,
      s.ces,
      s.comment,
    ]);
    const { text, lines } = csvText(SURVEY_HEADER, records);
    writeOut(outDir, rel, text, result.files);
    result.rows.surveys[month] = mine.length;
    mine.forEach((s, i) => {
      if (s.broken?.nps) result.badRows.push({ file: rel, line: lines[i] as number, what: `recommend \`${s.broken.nps}\` outside 0–10` });
      if (s.broken?.at) result.badRows.push({ file: rel, line: lines[i] as number, what: `unparseable submitted_at \`${s.broken.at}\`` });
    });
  });

  // Incidents: one file for the whole period (a row per incident).
  const incidents = generateIncidents(seed);
  clearDir(join(outDir, 'incidents'), /^incidents\.csv$/);
  {
    const rel = 'incidents/incidents.csv';
    const { text, lines } = csvText(
      INCIDENT_HEADER,
      incidents.map((r) => r.cells),
    );
    writeOut(outDir, rel, text, result.files);
    incidents.forEach((r, i) => {
      if (r.bad) result.badRows.push({ file: rel, line: lines[i] as number, what: r.bad });
    });
  }

  // Changes: one file for the whole period (a row per change).
  const changes = generateChanges(seed);
  clearDir(join(outDir, 'changes'), /^changes\.csv$/);
  {
    const rel = 'changes/changes.csv';
    const { text, lines } = csvText(
      CHANGE_HEADER,
      changes.map((r) => r.cells),
    );
    writeOut(outDir, rel, text, result.files);
    changes.forEach((r, i) => {
      if (r.bad) result.badRows.push({ file: rel, line: lines[i] as number, what: r.bad });
    });
  }

  writeOut(outDir, 'README.md', readme(seed, result, tickets, surveys), result.files);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Incidents (issue #18)

const INCIDENT_HEADER = 'number,severity,service,started,detected,acknowledged,restored,post_mortem,root_cause';

/**
 * The on-call team's incident records, consistent with the special events: one per outage (its
 * level, root-cause category and post-mortem as the review would find them), except the reporting
 * outage of 2026-09-10 which nobody recorded; one for the search degradation, which the checks
 * see as degraded, not down (an incident with no outage); and the DST outage's cause not yet known.
 * Keyed by the event's service and London start.
 */
const INCIDENT_PLAN: ReadonlyArray<{ event: string; severity: string; cause: string; postMortem: boolean }> = [
  { event: 'web-portal 2026-05-12 14:20', severity: 'Sev2', cause: 'change', postMortem: true },
  { event: 'public-api 2026-06-03 09:10', severity: 'Sev2', cause: 'network', postMortem: true },
  { event: 'payments 2026-07-31 23:40', severity: 'Sev1', cause: 'capacity', postMortem: true },
  { event: 'sign-in 2026-08-04 08:10', severity: 'Sev1', cause: 'software', postMortem: true },
  { event: 'sign-in 2026-08-18 13:30', severity: '重大', cause: 'software', postMortem: true },
  { event: 'sign-in 2026-08-27 07:50', severity: 'Sev1', cause: 'change', postMortem: true },
  { event: 'search 2026-09-15 10:00', severity: 'Sev3', cause: 'capacity', postMortem: false },
  { event: 'search 2026-10-25 00:20', severity: 'Sev2', cause: '', postMortem: false },
];

interface IncidentRow {
  cells: string[];
  bad?: string;
}

function generateIncidents(seed: number): IncidentRow[] {
  const rng = stream(seed, 'incidents');
  const rows: IncidentRow[] = INCIDENT_PLAN.map((plan, i) => {
    const e = EVENTS.find((x) => `${x.service} ${naive(x.from)}` === plan.event);
    if (!e) throw new Error(`no special event ${plan.event}`);
    // Impact starts a minute or two before the checks see it; detection and acknowledgement follow.
    const started = e.from - rng.int(0, 2) * 60_000;
    const detected = e.from + rng.int(2, 12) * 60_000;
    const acknowledged = detected + rng.int(1, 12) * 60_000;
    const restored = e.to + rng.int(0, 8) * 60_000;
    const id = `INC-${pad(i + 1, 4)}`;
    return {
      cells: [
        id,
        plan.severity,
        e.service,
        isoOffset(started, LONDON),
        isoOffset(detected, LONDON),
        isoOffset(acknowledged, LONDON),
        isoOffset(restored, LONDON),
        plan.postMortem ? `https://wiki.northwind.example/post-mortems/${id}` : '',
        plan.cause,
      ],
    };
  });
  // A level the graded-response policy lacks: rejected with its line.
  rows.push({
    cells: ['INC-0009', 'Sev7', 'reporting', isoOffset(at('2026-10-28 09:00'), LONDON), '', '', '', '', 'software'],
    bad: 'unknown severity `Sev7` (INC-0009)',
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Changes (issue #18)

const CHANGE_HEADER = 'number,service,type,planned_start,planned_end,actual_start,actual_end,outcome,incident_caused,title';

/**
 * The change log's story, consistent with the special events: the web-portal change before the
 * May outage (its incident's cause is "change"); an emergency sign-in fix rolled back before the
 * third August outage, which caused INC-0006; a reporting change the morning of the unrecorded
 * reporting outage of 2026-09-10, started 1 h 20 min before it (flagged, nobody linked it: within
 * the spec's default 2 h after a change's start); a network change inside the 2026-09-06
 * maintenance window (its down time is maintenance, so nothing is flagged); a failed search change
 * hours before the DST outage (3 h 15 min after its start: past the window, not flagged); a
 * standard change never done (no actual times); and a row of an unknown type, rejected. London
 * wall times.
 */
const CHANGE_PLAN: ReadonlyArray<{
  service: string;
  type: string;
  planned: [string, string];
  actual: [string, string] | null;
  outcome: string;
  caused: string;
  title: string;
}> = [
  {
    service: 'web-portal',
    type: 'Normal',
    planned: ['2026-05-12 13:00', '2026-05-12 14:00'],
    actual: ['2026-05-12 13:10', '2026-05-12 13:55'],
    outcome: 'Successful',
    caused: 'INC-0001',
    title: 'Portal release 4.12 (session store change)',
  },
  {
    service: 'sign-in',
    type: 'Emergency',
    planned: ['2026-08-27 07:00', '2026-08-27 07:30'],
    actual: ['2026-08-27 07:05', '2026-08-27 07:45'],
    outcome: 'Rolled back',
    caused: 'INC-0006',
    title: 'Emergency fix for SSO token expiry',
  },
  {
    service: 'public-api',
    type: 'Normal',
    planned: ['2026-09-06 02:00', '2026-09-06 02:45'],
    actual: ['2026-09-06 02:05', '2026-09-06 02:40'],
    outcome: 'Successful',
    caused: 'no',
    title: 'Network core switch replacement (maintenance window)',
  },
  {
    service: 'reporting',
    type: 'Normal',
    planned: ['2026-09-10 08:30', '2026-09-10 09:30'],
    actual: ['2026-09-10 08:40', '2026-09-10 09:35'],
    outcome: 'Successful',
    caused: 'no',
    title: 'Reporting database index rebuild',
  },
  {
    service: 'web-portal',
    type: 'Standard',
    planned: ['2026-10-07 20:00', '2026-10-07 20:30'],
    actual: null,
    outcome: '',
    caused: '',
    title: 'Certificate renewal (postponed)',
  },
  {
    service: 'search',
    type: 'Normal',
    planned: ['2026-10-24 21:00', '2026-10-24 22:00'],
    actual: ['2026-10-24 21:05', '2026-10-24 21:50'],
    outcome: 'Failed',
    caused: '',
    title: 'Search cluster upgrade to 8.x',
  },
];

const CHANGE_TITLES = [
  'Patch OS packages',
  'Rotate TLS certificates',
  'Scale out worker pool',
  'Config tweak: cache TTL',
  'Library upgrade',
];

interface ChangeRow {
  cells: string[];
  bad?: string;
}

function generateChanges(seed: number): ChangeRow[] {
  const rng = stream(seed, 'changes');
  const outages = EVENTS.filter((e) => e.kind === 'outage');
  const planned = CHANGE_PLAN.map((c) => ({
    service: c.service,
    type: c.type,
    times: [at(c.planned[0]), at(c.planned[1]), c.actual ? at(c.actual[0]) : null, c.actual ? at(c.actual[1]) : null] as const,
    outcome: c.outcome,
    caused: c.caused,
    title: c.title,
  }));
  // Routine changes, four a month, none followed by an outage of its service within a day (the flags stay the story's).
  const routine: typeof planned = [];
  for (const month of MONTHS) {
    for (let k = 0; k < 4; k++) {
      for (;;) {
        const service = rng.pick(SERVICES).id;
        const start = at(`${month}-${pad(rng.int(1, 28))} ${pad(rng.int(8, 20))}:${pad(rng.int(0, 5) * 10)}`);
        const length = rng.int(2, 8) * 15 * MIN;
        const actual = start + rng.int(0, 3) * 5 * MIN;
        const end = actual + length + rng.int(-1, 2) * 5 * MIN;
        if (outages.some((o) => (o.service === service || o.service === '*') && o.from >= actual - DAY && o.from <= end + 2 * DAY))
          continue;
        routine.push({
          service,
          type: rng.chance(0.6) ? 'Standard' : 'Normal',
          times: [start, start + length, actual, end],
          outcome: rng.chance(0.9) ? 'Successful' : 'Successful with issues',
          caused: 'no',
          title: rng.pick(CHANGE_TITLES),
        });
        break;
      }
    }
  }
  const all = [...planned, ...routine].sort((a, b) => (a.times[2] ?? a.times[0]) - (b.times[2] ?? b.times[0]));
  const when = (ms: number | null) => (ms === null ? '' : isoOffset(ms, LONDON));
  const rows: ChangeRow[] = all.map((c, i) => ({
    cells: [
      `CHG-${pad(i + 1, 4)}`,
      c.service,
      c.type,
      when(c.times[0]),
      when(c.times[1]),
      when(c.times[2]),
      when(c.times[3]),
      c.outcome,
      c.caused,
      c.title,
    ],
  }));
  // A type the mapping lacks: rejected with its line.
  const start = at('2026-10-20 10:00');
  rows.push({
    cells: [
      'CHG-9001',
      'payments',
      'Major',
      when(start),
      when(start + HOUR),
      when(start),
      when(start + HOUR),
      'Successful',
      'no',
      'Payment provider switch',
    ],
    bad: 'unknown change type `Major` (CHG-9001)',
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// README

function readme(seed: number, r: SampleDataResult, tickets: readonly Ticket[], surveys: readonly Survey[]): string {
  const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  const counts = MONTHS.map((m) => row([m, r.rows.checks[m] ?? 0, r.rows.tickets[m] ?? 0, r.rows.surveys[m] ?? 0]));
  const events = EVENTS.map((e) =>
    row([
      e.kind,
      e.service === '*' ? 'all' : e.service,
      e.probes ? e.probes.join(', ') : 'all',
      `${label(e.from)} → ${label(e.to)}`,
      `${isoUtc(e.from)} → ${isoUtc(e.to)}`,
      e.note,
    ]),
  );
  const specials = tickets
    .filter((t) => t.special)
    .map((t) =>
      row([
        t.key,
        t.level.id.toUpperCase(),
        `${label(t.created)}`,
        t.fr === null ? '' : label(t.fr),
        t.res === null ? '' : label(t.res),
        `response ${respMet(t) ? 'met' : 'breached'}, resolution ${resMet(t) ? 'met' : 'breached'}`,
      ]),
    );
  const open = tickets.filter((t) => t.res === null && !t.broken).length;
  const unknown = surveys.filter((s) => UNKNOWN_TICKETS.includes(s.ticket)).map((s) => s.ticket);
  return `# Sample data

Generated by \`scripts/generate-sample-data.ts\` with seed ${seed}; regenerate with \`npm run sample-data\`
(options: \`--seed N\`, \`--out DIR\`). Same seed → byte-identical files; a unit test checks that this
folder equals a fresh run. Do not edit by hand.

Period: 2026-05-01 00:00 → 2026-11-01 00:00 Europe/London, one file per review month (London time).
Northwind is fictitious; e-mail addresses, phone numbers and card numbers are test values.

- \`checks/checks-YYYY-MM.csv.gz\`: monitoring checks, \`timestamp\` in UTC. Probes london, frankfurt,
  singapore for web-portal, public-api and payments; london, frankfurt for search, sign-in and reporting.
  ${SERVICES.map((s) => `${s.id} every ${s.every} min`).join(', ')}. Down checks have no
  \`response_ms\`. The ${ALIAS_MONTH} file names public-api by its alias \`api\`.
- \`tickets/tickets-YYYY-MM.csv\`: helpdesk tickets by created month; times naive Europe/London.
  ~10 % of priorities are Chinese words, ~15 % of titles Chinese. ${open} tickets are still open at the end.
- \`incidents/incidents.csv\`: the on-call team's incident records (issue #18), times ISO 8601 with
  offset: one per outage event below except the reporting outage of 2026-09-10 (nobody recorded it),
  one for the search degradation (degraded, not down: an incident with no outage in the checks), and
  the DST outage's root cause not yet known.
- \`changes/changes.csv\`: the change log (issue #18), times ISO 8601 with offset: the change before
  the May portal outage, an emergency sign-in fix rolled back before the third August outage, a
  change inside the 2026-09-06 maintenance window, a reporting change the morning of the
  unrecorded reporting outage, a standard change never carried out (no actual times), a failed
  search change hours before the DST outage, four routine changes a month, and one of an unknown type.
- \`surveys/surveys-YYYY-MM.csv\`: satisfaction responses by submission month, ISO 8601 with offset
  (+01:00/+00:00 London, +08:00 Shanghai). Satisfaction follows SLA outcomes and dips for sign-in
  in August–September. ${unknown.length} responses name tickets that do not exist (${unknown.join(', ')}).
  Some comments hold an e-mail, phone or card number to be masked; one holds a comma and a newline.

## Rows per month

${row(['month', 'checks', 'tickets', 'surveys'])}
| --- | ---: | ---: | ---: |
${counts.join('\n')}

## Special events (checks, with ticket bursts after outages)

${row(['kind', 'service', 'probes', 'London', 'UTC', 'note'])}
| --- | --- | --- | --- | --- | --- |
${events.join('\n')}

Sign-in latency is also ~30 % higher from 2026-08-01 to 2026-09-15, and its tickets miss SLAs more.

## Calendar and DST tickets

${row(['key', 'priority', 'created', 'first response', 'resolved', 'outcome'])}
| --- | --- | --- | --- | --- | --- |
${specials.join('\n')}

In order: the Friday before the 31 Aug bank holiday (london-desk); the eve of China's National Day and
the Friday before make-up Saturday 2026-10-10, then a ticket on that Saturday (shanghai-desk); two on the
DST day 2026-10-25. Other tickets avoid the repeated hour 01:00–01:59 of 2026-10-25, whose naive times are ambiguous.

## Deliberate bad rows

Lines are physical lines with the header as line 1 (checks: of the decompressed file).

${row(['file', 'line', 'problem'])}
| --- | ---: | --- |
${r.badRows.map((b) => row([b.file, b.line, b.what])).join('\n')}
`;
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: readonly string[]): SampleDataOptions {
  const opts: SampleDataOptions = { seed: DEFAULT_SEED, outDir: DEFAULT_OUT_DIR };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] as string).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--seed') {
      if (!/^\d+$/.test(value)) throw new Error(`--seed must be a non-negative integer, got "${value}"`);
      opts.seed = Number(value);
    } else if (flag === '--out') opts.outDir = value;
    else throw new Error(`unknown option ${flag} (use --seed N, --out DIR)`);
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const opts = parseArgs(process.argv.slice(2));
  const r = generateSampleData(opts);
  const total = r.files.reduce((a, f) => a + f.bytes, 0);
  for (const f of r.files) console.log(`${String(f.bytes).padStart(9)}  ${join(opts.outDir, f.path)}`);
  console.log(`${String(total).padStart(9)}  total (seed ${opts.seed}, ${r.badRows.length} deliberate bad rows)`);
}
