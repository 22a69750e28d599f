/**
 * Deterministic synthetic exports for the benchmark (`npm run bench`): a monitoring checks
 * CSV of a given number of rows, a tickets CSV and a surveys CSV, plus the review config that
 * reads them. Same arguments → byte-identical files.
 *
 * Checks: 80 services × 3 probes, one check a minute each with a sub-second jitter, starting
 * 2026-01-01T00:00Z in UTC, written tick by tick (so each probe's checks are in time order,
 * as real exports are). Outages, degraded spells, latencies with a long tail, empty latency
 * on down checks, and a few planted bad rows (about 1 in 100,000) that must be rejected.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type RollupRecord, rollupsCsv } from '../src/lib/model/rollup-record.ts';

export const BENCH_SERVICES = 80;
export const BENCH_PROBES = ['eu-west-1', 'us-east-1', 'ap-south-1'] as const;
export const BENCH_START_MS = Date.UTC(2026, 0, 1);
export const BENCH_LATENCY_THRESHOLD_MS = 300;
export const TICK_MS = 60_000;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const serviceId = (i: number): string => `svc-${String(i + 1).padStart(3, '0')}`;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** ISO with milliseconds and Z, without Date#toISOString's allocation churn for the date part. */
function iso(ms: number, dayCache: { day: number; prefix: string }): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== dayCache.day) {
    dayCache.day = day;
    dayCache.prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  let r = ms - day * 86_400_000;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const s = Math.floor(r / 1000);
  return `${dayCache.prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(r - s * 1000)}Z`;
}

export interface ChecksFileInfo {
  file: string;
  rows: number;
  bytes: number;
  /** Rows planted to be rejected. */
  badRows: number;
}

/** Writes `rows` data rows of checks to `file` (streamed; memory stays small). */
export async function writeChecksCsv(file: string, rows: number, seed = 42): Promise<ChecksFileInfo> {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const rand = rng(seed);
  const series = BENCH_SERVICES * BENCH_PROBES.length;
  // Per service: remaining ticks of an outage / degraded spell (all probes see it, mostly).
  const outage = new Int32Array(BENCH_SERVICES);
  const degraded = new Int32Array(BENCH_SERVICES);
  const base = Array.from({ length: BENCH_SERVICES }, () => 40 + Math.floor(rand() * 200));
  const dayCache = { day: -1, prefix: '' };
  let written = 0;
  let bytes = 0;
  let badRows = 0;
  let buf = 'timestamp,service,probe,status,latency_ms,http_code,target\n';
  for (let tick = 0; written < rows; tick++) {
    for (let s = 0; s < BENCH_SERVICES; s++) {
      if ((outage[s] as number) > 0) outage[s] = (outage[s] as number) - 1;
      else if (rand() < 1 / 20_000) outage[s] = 3 + Math.floor(rand() * 40);
      if ((degraded[s] as number) > 0) degraded[s] = (degraded[s] as number) - 1;
      else if (rand() < 1 / 8_000) degraded[s] = 5 + Math.floor(rand() * 60);
    }
    for (let k = 0; k < series && written < rows; k++) {
      const s = Math.floor(k / BENCH_PROBES.length);
      const probe = BENCH_PROBES[k % BENCH_PROBES.length] as string;
      const t = BENCH_START_MS + tick * TICK_MS + Math.floor(rand() * 1000);
      // A probe-local blip now and then: one probe down, the others up (not an outage by majority).
      const down = (outage[s] as number) > 0 ? rand() < 0.95 : rand() < 1 / 30_000;
      const slow = !down && (degraded[s] as number) > 0;
      const u = rand();
      const latency = Math.round((base[s] as number) * (slow ? 4 : 1) * (0.6 + u * 0.8 + (u > 0.98 ? (u - 0.98) * 400 : 0)));
      const status = down ? (rand() < 0.5 ? 'down' : 'error') : slow ? 'degraded' : latency > 900 ? 'warn' : 'up';
      const code = down ? '503' : '200';
      let line = `${iso(t, dayCache)},${serviceId(s)},${probe},${status},${down ? '' : latency},${code},https://${serviceId(s)}.example.com/api/health\n`;
      if (rand() < 1 / 100_000) {
        // Planted bad rows: each kind must be rejected with its reason by every reader.
        const kind = Math.floor(rand() * 3);
        if (kind === 0) line = `${iso(t, dayCache)},${serviceId(s)},${probe},maybe,${latency},200,x\n`;
        else if (kind === 1) line = `2026-13-01T00:00:00.000Z,${serviceId(s)},${probe},up,${latency},200,x\n`;
        else line = `${iso(t, dayCache)},${serviceId(s)},${probe},up,n/a,200,x\n`;
        badRows++;
      }
      buf += line;
      written++;
      if (buf.length > 1 << 20) {
        bytes += Buffer.byteLength(buf);
        if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
        buf = '';
      }
    }
  }
  bytes += Buffer.byteLength(buf);
  out.end(buf);
  await new Promise<void>((r, j) => {
    out.once('finish', () => r());
    out.once('error', j);
  });
  return { file, rows: written, bytes, badRows };
}

const TITLES = [
  'Cannot log in to the portal',
  'Payment failed with error 502',
  'Search results are slow',
  'Report export times out',
  'Password reset e-mail not received',
  'API returns 500 on /orders',
  'Invoice PDF is blank',
  'Mobile app crashes on start',
  '无法登录系统',
  'Two-factor code rejected',
];
const CATEGORIES = ['Access', 'Payments', 'Performance', 'Bug', 'Question'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

/** Tickets (and one survey response per 5 tickets), created over a year from 2026-01-01. */
export function writeTicketsAndSurveys(dir: string, tickets: number, seed = 7): { tickets: string; surveys: string; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const rand = rng(seed);
  const ticketFile = path.join(dir, 'tickets.csv');
  const surveyFile = path.join(dir, 'surveys.csv');
  const span = 360 * 86_400_000;
  const t: string[] = ['id,created,first_response,resolved,priority,category,service,title,status,reopened'];
  const s: string[] = ['response_id,submitted_at,service,ticket_id,csat,nps,ces,comment'];
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  for (let i = 0; i < tickets; i++) {
    const created = BENCH_START_MS + Math.floor((i / tickets) * span) + Math.floor(rand() * 60_000);
    const p = Math.floor(rand() * rand() * 4);
    const responded = created + Math.floor(rand() * (p + 1) * 3 * 3_600_000);
    const open = rand() < 0.02;
    const resolved = responded + Math.floor(rand() * (p + 1) * 20 * 3_600_000);
    const id = `INC${String(i + 1).padStart(7, '0')}`;
    const svc = serviceId(Math.floor(rand() * BENCH_SERVICES));
    const title = `${TITLES[Math.floor(rand() * TITLES.length)]}${rand() < 0.3 ? ` #${Math.floor(rand() * 9999)}` : ''}`;
    t.push(
      `${id},${fmt(created)},${fmt(responded)},${open ? '' : fmt(resolved)},${PRIORITIES[p]},${CATEGORIES[Math.floor(rand() * CATEGORIES.length)]},${svc},${title},${open ? 'Open' : 'Resolved'},${rand() < 0.05 ? 'yes' : 'no'}`,
    );
    if (i % 5 === 0 && !open) {
      const csat = 1 + Math.floor(rand() * 5);
      s.push(
        `R${i},${fmt(resolved + 3_600_000)},${svc},${id},${csat},${Math.min(10, csat * 2 + Math.floor(rand() * 2))},${1 + Math.floor(rand() * 7)},${rand() < 0.2 ? 'Call me on +44 20 7946 0018' : ''}`,
      );
    }
  }
  const tText = `${t.join('\n')}\n`;
  const sText = `${s.join('\n')}\n`;
  writeFileSync(ticketFile, tText);
  writeFileSync(surveyFile, sText);
  return { tickets: ticketFile, surveys: surveyFile, bytes: Buffer.byteLength(tText) + Buffer.byteLength(sText) };
}

/** The review config that reads the synthetic exports in `dir` (UTC, so days match DuckDB's CAST(… AS DATE)). */
export function writeBenchConfig(dir: string, sources: { checks?: string; tickets?: string; surveys?: string; rollups?: string }): string {
  const services = Array.from(
    { length: BENCH_SERVICES },
    (_, i) =>
      `  - { id: ${serviceId(i)}, name: Service ${i + 1}, owner: Team ${(i % 8) + 1}, target: 0.999, latencyThresholdMs: ${BENCH_LATENCY_THRESHOLD_MS} }`,
  );
  const src: string[] = [];
  if (sources.checks) src.push(`  - { id: monitoring, kind: checks, files: ${sources.checks} }`);
  if (sources.rollups) src.push(`  - { id: monitoring, kind: rollups, files: ${sources.rollups} }`);
  if (sources.tickets) src.push(`  - { id: desk, kind: tickets, files: ${sources.tickets} }`);
  if (sources.surveys) src.push(`  - { id: survey, kind: surveys, files: ${sources.surveys} }`);
  const yaml = `review:
  name: Benchmark review
  timeZone: UTC
services:
${services.join('\n')}
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
  - { id: p2, name: P2, words: [P2], response: 30m, resolution: 8h }
  - { id: p3, name: P3, words: [P3], response: 4h, resolution: 16h, clock: business, calendar: office }
  - { id: p4, name: P4, words: [P4], response: 8h, resolution: 40h, clock: business, calendar: office }
calendars:
  - id: office
    timeZone: Europe/London
    weeklyHours: { mon: [["09:00","17:30"]], tue: [["09:00","17:30"]], wed: [["09:00","17:30"]], thu: [["09:00","17:30"]], fri: [["09:00","17:30"]] }
    holidays: [2026-04-03, 2026-04-06, 2026-05-04, 2026-05-25, 2026-08-31, 2026-12-25, 2026-12-28]
sources:
${src.join('\n')}
`;
  const file = path.join(dir, 'review.config.yaml');
  writeFileSync(file, yaml);
  return file;
}

/**
 * A rollups file (docs/rollups.md) of BENCH_SERVICES services × the 365 days of 2026 (UTC), as
 * `review export-rollups` would write a year of one check a minute from three probes: 4,320 checks
 * a day, a latency histogram of about 60 buckets, now and then an outage. Deterministic.
 */
export function writeRollupsCsv(dir: string, seed = 7): { file: string; rows: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const rand = rng(seed);
  const records: RollupRecord[] = [];
  for (let s = 0; s < BENCH_SERVICES; s++) {
    const centre = 200 + Math.floor(rand() * 60);
    for (let d = 0; d < 365; d++) {
      const start = BENCH_START_MS + d * 86_400_000;
      const down = rand() < 0.05 ? 60_000 * (1 + Math.floor(rand() * 30)) : 0;
      const at = start + Math.floor((rand() * (86_400_000 - down - 60_000)) / 60_000) * 60_000;
      const indices: number[] = [];
      const counts: number[] = [];
      let n = 0;
      for (let i = centre; i < centre + 60; i++) {
        const c = 20 + Math.floor(rand() * 100);
        indices.push(i);
        counts.push(c);
        n += c;
      }
      records.push({
        service: serviceId(s),
        date: new Date(start).toISOString().slice(0, 10),
        dayMs: 86_400_000,
        upMs: 86_400_000 - down,
        degradedMs: 0,
        downMs: down,
        noDataMs: 0,
        maintenanceMs: 0,
        checks: n + Math.round(down / 20_000),
        firstCheckMs: start,
        lastCheckMs: start + 86_340_000,
        latency: { count: n, zeroCount: 0, indices, counts },
        fastChecks: Math.floor(n * 0.9),
        outages: down > 0 ? [[at, at + down]] : [],
        probes: [...BENCH_PROBES],
      });
    }
  }
  const file = path.join(dir, 'rollups.csv');
  const text = rollupsCsv(records);
  writeFileSync(file, text);
  return { file, rows: records.length, bytes: Buffer.byteLength(text) };
}
