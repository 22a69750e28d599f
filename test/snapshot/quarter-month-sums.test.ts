/**
 * Every quarter and year built counts what its months count (spec Tickets: each ticket counts
 * toward the one period in which an outcome became known, so the counts of a period are the sums
 * of its months'): created, resolved, met and breached for first response and for resolution, and
 * the n of the times to first response and resolution, overall and per priority. Generated tickets
 * are sparse over January–June 2028 in London (GMT, then BST from 26 March), so many months have
 * no ticket created in them and only a deadline passing, a response or a resolution; the audit
 * found such a February built nowhere while its quarter counted its breach.
 * Two sources: desk records first responses (asOf 20 June), legacy does not (its horizon is its
 * latest time); levels on 24×7 and business clocks, one belonging to legacy's scheme alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import type { TicketFigures } from '../../src/lib/metrics/ticket-figures.ts';
import { buildSnapshots, type PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';
import { assertAsyncProperty } from '../helpers/property.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CONFIG = `review: { name: Sums, timeZone: Europe/London, firstPeriod: 2028-01, lastPeriod: 2028-06 }
services: [{ id: api, name: API, owner: P }]
calendars:
  - id: office
    timeZone: Europe/London
    weeklyHours: { mon: [["09:00", "17:30"]], tue: [["09:00", "17:30"]], wed: [["09:00", "17:30"]], thu: [["09:00", "17:30"]], fri: [["09:00", "17:30"]] }
    holidays: ["2028-04-14", "2028-04-17"]
priorities:
  - { id: p1, name: P1, words: [P1], response: 30m, resolution: 4h }
  - { id: p2, name: P2, words: [P2], response: 4h, resolution: 3d, clock: business, calendar: office }
  - { id: p3, name: Low, words: [Low], response: 2d, resolution: 20d, sources: [legacy] }
sources:
  - { id: desk, kind: tickets, files: desk.csv, asOf: "2028-06-20 00:00" }
  - { id: legacy, kind: tickets, files: legacy.csv }
`;
const START = Date.UTC(2028, 0, 1);
const DESK_AS_OF = Date.UTC(2028, 5, 19, 23); // 20 June 00:00 BST
const MIN = 60_000;
const DAY = 86_400_000;

interface GenTicket {
  priority: number;
  /** Created, minutes after 1 Jan 2028 00:00 UTC; a few days only, so most months have no creation. */
  createdDay: number;
  createdMinute: number;
  /** Minutes after creation, or null: never. */
  response: number | null;
  resolution: number | null;
}

const offset = fc.option(fc.oneof(fc.integer({ min: 0, max: 6 * 60 }), fc.integer({ min: 0, max: 80 * 24 * 60 })), { nil: null });
const gen = fc.record({
  priority: fc.nat(1),
  createdDay: fc.constantFrom(0, 30, 31, 58, 95, 120, 150),
  createdMinute: fc.nat(24 * 60 - 1),
  response: offset,
  resolution: offset,
});
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

/** A source's CSV: times at or after `asOfMs` have not happened when the export was taken, so they are left empty. */
function csv(tickets: GenTicket[], words: string[], withResponse: boolean, asOfMs: number, prefix: string): string {
  const lines = [withResponse ? 'id,created,first_response,resolved,priority' : 'id,created,resolved,priority'];
  tickets.forEach((t, k) => {
    const created = START + t.createdDay * DAY + t.createdMinute * MIN;
    const at = (m: number | null) => (m === null || created + m * MIN >= asOfMs ? '' : iso(created + m * MIN));
    // A resolution comes after the first response, as desks record them.
    const resolution = t.resolution === null ? null : Math.max(t.resolution, t.response ?? 0);
    const cells = [`${prefix}${k}`, iso(created), ...(withResponse ? [at(t.response)] : []), at(resolution), words[t.priority] as string];
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** The counts of a period's ticket figures (overall, or one level's; a level the period lacks counts 0). */
function counts(f: TicketFigures | undefined) {
  return {
    created: f?.created ?? 0,
    resolved: f?.resolved ?? 0,
    responseMet: f?.response?.met ?? 0,
    responseBreached: f?.response?.breached ?? 0,
    resolutionMet: f?.resolution.met ?? 0,
    resolutionBreached: f?.resolution.breached ?? 0,
    firstResponseN: f?.timeToFirstResponse?.n ?? 0,
    resolutionN: f?.timeToResolution.n ?? 0,
  };
}
type Counts = ReturnType<typeof counts>;
const add = (a: Counts, b: Counts): Counts =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof Counts]])) as Counts;
const ZERO = counts(undefined);

async function build(desk: GenTicket[], legacy: GenTicket[]): Promise<PeriodSnapshot[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-sums-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'review.config.yaml'), CONFIG);
  writeFileSync(path.join(dir, 'desk.csv'), csv(desk, ['P1', 'P2'], true, DESK_AS_OF, 'D-'));
  writeFileSync(path.join(dir, 'legacy.csv'), csv(legacy, ['P1', 'Low'], false, Number.POSITIVE_INFINITY, 'L-'));
  const config = loadConfig(path.join(dir, 'review.config.yaml'));
  const ingest = await ingestSources(config, dir, { info() {} });
  ingest.checks.close();
  // Every generated row is accepted: a rejected one would drop a ticket from every period alike and hide nothing.
  expect(ingest.files.map((f) => [f.file, f.rejected])).toEqual([
    ['desk.csv', 0],
    ['legacy.csv', 0],
  ]);
  const snaps = buildSnapshots(config, ingest, resolveRules(config), { toolVersion: 't', configSha256: 'x' });
  rmSync(dir, { recursive: true, force: true });
  return snaps;
}

describe('quarter and year ticket counts', () => {
  it('equal the sums over their months, overall and per priority (fixed seeds)', async () => {
    await assertAsyncProperty(
      fc.asyncProperty(fc.array(gen, { minLength: 1, maxLength: 6 }), fc.array(gen, { maxLength: 3 }), async (desk, legacy) => {
        const snaps = await build(desk, legacy);
        const months = new Map(snaps.filter((s) => s.period.kind === 'month').map((s) => [s.period.id, s]));
        for (const s of snaps) {
          if (s.period.kind === 'month') continue;
          const parts = s.period.months.map((m) => months.get(m) as PeriodSnapshot);
          expect(parts.every(Boolean), `${s.period.id}: every month it is built from is built`).toBe(true);
          const sum = (pick: (p: PeriodSnapshot) => TicketFigures | undefined) => parts.map((p) => counts(pick(p))).reduce(add, ZERO);
          expect(counts(s.tickets.overall), `${s.period.id} overall`).toEqual(sum((p) => p.tickets.overall));
          for (const id of ['p1', 'p2', 'p3']) {
            const level = (p: PeriodSnapshot) => p.tickets.levels.find((l) => l.levelId === id);
            expect(counts(level(s)), `${s.period.id} ${id}`).toEqual(sum(level));
          }
        }
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
