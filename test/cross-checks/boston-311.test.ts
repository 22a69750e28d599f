/**
 * Cross-check: our resolution-SLA verdict (ticketSla, targets from OUR config) against Boston
 * 311's own OnTime_Status, on the real 2015 extract (../shared/datasets/boston-311-2015).
 * docs/cross-checks.md explains every figure; the config is test/fixtures/cross-checks/boston-311.config.yaml.
 *
 * Our side: one resolution target per request TYPE, inferred from the data (the most common
 * TARGET_DT − OPEN_DT of the type, on the clock that reproduces it): 24×7 days for Bed Bugs (120 d),
 * Heat (30 d), Rodent Activity (30 d), Sidewalk Repair (365 d), Traffic Signal Repair (180 d); business
 * days of 8h30m on the city's calendar (Mon–Fri 08:30–17:00 Boston, 13 holidays) for Pick up Dead
 * Animal and Tree Emergencies (1), PWD Graffiti (5) and Missing Sign (10); the three types without
 * any TARGET_DT keep a nominal 30 d. Verdicts as of 2017-01-01 00:00 Boston, after every TARGET_DT.
 *
 * Every expected count was computed a second time, independently of this code, by
 * test/cross-checks/independent/boston_311.py (Python, csv + zoneinfo, its own business-time code):
 *   python3 test/cross-checks/independent/boston_311.py ../shared/datasets
 * The sanity baseline (the city's own deadline against its own verdict) as a one-liner:
 *   python3 -c "import csv,glob;from datetime import datetime as D;p=lambda s:D.strptime(s,'%m/%d/%Y %I:%M:%S %p');
 *     r=[x for f in glob.glob('../shared/datasets/boston-311-2015/*.csv') for x in csv.DictReader(open(f))];
 *     c=[x for x in r if x['CLOSED_DT'] and x['TARGET_DT'] and x['OnTime_Status'] and p(x['CLOSED_DT'])>=p(x['OPEN_DT'])];
 *     print(len(c),sum((p(x['CLOSED_DT'])<=p(x['TARGET_DT']))==(x['OnTime_Status']=='ONTIME') for x in c))"   → 10020 10020
 * and the two classes the city decides without a deadline comparison:
 *   python3 -c "import csv,glob;r=[x for f in glob.glob('../shared/datasets/boston-311-2015/*.csv') for x in csv.DictReader(open(f))];
 *     print(sum(1 for x in r if not x['CLOSED_DT'] and x['TARGET_DT'] and x['OnTime_Status']=='ONTIME'),
 *     sum(1 for x in r if not x['TARGET_DT'] and x['OnTime_Status']=='ONTIME'))"   → 212 907
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewConfig } from '../../src/lib/config/config-schema.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { type SlaClock, slaClock, ticketSla } from '../../src/lib/metrics/index.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import type { PriorityRule } from '../../src/lib/model/rules.ts';
import { offsetMinutesAt } from '../../src/lib/time/zoned-time.ts';
import { datasetConfig, datasets } from '../helpers/datasets.ts';

const { have, SKIPPED } = datasets('cross-checks/boston-311', 'boston-311-2015');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cross-checks');
const CONFIG = path.join(FIXTURES, 'boston-311.config.yaml');

/** 2017-01-01 00:00 in Boston (EST): after every TARGET_DT of the extract (the last is 2016-12-14). */
const AS_OF = Date.parse('2017-01-01T05:00:00Z');
/**
 * 2016-01-13 00:00 in Boston: inside the window in which the city computed OVERDUE for its open
 * cases. The latest TARGET_DT of an open OVERDUE case is 2016-01-12 22:53:53, the earliest of an
 * open ONTIME case 2016-01-13 08:02:23 (Boston time), so the extract was taken between the two.
 */
const EXTRACTED = Date.parse('2016-01-13T05:00:00Z');
const TOLERANCE_MS = 120_000;
const ZONE = 'America/New_York';

/** How the city's deadline for a case relates to ours. */
type Relation = 'same instant' | '17:00 vs next 08:30' | 'DST hour' | 'other target';
/** Why our verdict and the city's differ. */
type DisagreementClass = 'no TARGET_DT' | 'open at extraction' | Relation;

const wallMs = (ms: number) => ms + offsetMinutesAt(ms, ZONE) * 60_000;

/**
 * The city's TARGET_DT against our deadline for the same case: the same instant (±2 min: the
 * city's deadline is up to 105 s later than ours, presumably counted from a creation time just after OPEN_DT); the same
 * business time but on the other side of a night (we end a working-time target at 17:00, where the
 * interval ends, the city at 08:30 the next working day); N days at the same Boston wall-clock time
 * where our 24×7 clock adds N × 24 h of elapsed time (an hour apart across a DST change); or
 * another target altogether (a per-case deadline).
 */
function relation(level: PriorityRule, clock: SlaClock, t: TicketRecord, deadlineMs: number): Relation {
  const target = t.sourceDeadlineMs as number;
  if (Math.abs(target - deadlineMs) <= TOLERANCE_MS) return 'same instant';
  if (clock.kind === 'business' && Math.abs(clock.elapsedSeconds(deadlineMs, target)) * 1000 <= TOLERANCE_MS) return '17:00 vs next 08:30';
  const days = level.resolutionSeconds * 1000;
  if (clock.kind === '24x7' && Math.abs(wallMs(target) - wallMs(t.createdMs) - days) <= TOLERANCE_MS) return 'DST hour';
  return 'other target';
}

/** The priority levels as the tool resolves them (the extract's config has no date-effective changes). */
const rulesOf = (config: ReviewConfig): PriorityRule[] => resolveRules(config).forMonth('2015-12').priorities;

interface Comparison {
  judged: number;
  agree: number;
  pending: number;
  /** Closed cases with a TARGET_DT (and a verdict): the only ones where both sides compare a close time with a deadline. */
  comparable: number;
  comparableAgree: number;
  perType: Record<string, [agree: number, judged: number, comparableAgree: number, comparable: number]>;
  /** `class|level id|our outcome` → count. */
  classes: Record<string, number>;
}

function compare(config: ReviewConfig, tickets: readonly TicketRecord[], asOfMs: number): Comparison {
  const priorities = rulesOf(config);
  const levels = new Map(priorities.map((l) => [l.id, l]));
  const clocks = new Map(priorities.map((l) => [l.id, slaClock(l.clock)]));
  const out: Comparison = { judged: 0, agree: 0, pending: 0, comparable: 0, comparableAgree: 0, perType: {}, classes: {} };
  for (const t of tickets) {
    if (t.sourceOnTime === null) continue;
    const level = levels.get(t.priority) as PriorityRule;
    const clock = clocks.get(t.priority) as SlaClock;
    const r = ticketSla(t, level, clock, asOfMs).resolution;
    if (r.outcome === 'pending') {
      out.pending++;
      continue;
    }
    const same = (r.outcome === 'met') === t.sourceOnTime;
    const comparable = t.resolvedMs !== null && t.sourceDeadlineMs !== null;
    const row = (out.perType[t.priority] ??= [0, 0, 0, 0]);
    out.judged++;
    row[1]++;
    if (same) {
      out.agree++;
      row[0]++;
    }
    if (comparable) {
      out.comparable++;
      row[3]++;
      if (same) {
        out.comparableAgree++;
        row[2]++;
      }
    }
    if (same) continue;
    const cls: DisagreementClass =
      t.sourceDeadlineMs === null ? 'no TARGET_DT' : t.resolvedMs === null ? 'open at extraction' : relation(level, clock, t, r.deadlineMs);
    const key = `${cls}|${t.priority}|${r.outcome}`;
    out.classes[key] = (out.classes[key] ?? 0) + 1;
  }
  return out;
}

describe.skipIf(!have)(`Boston 311: our resolution verdict against OnTime_Status${SKIPPED}`, () => {
  let config: ReviewConfig;
  let result: IngestResult;
  beforeAll(async () => {
    config = datasetConfig(CONFIG);
    result = await ingestSources(config, FIXTURES, { info() {} });
  });

  it('reads the extract as the preset does (12,907 accepted cases, 12,901 with a verdict)', () => {
    expect(result.tickets).toHaveLength(12_907);
    expect(result.tickets.filter((t) => t.sourceOnTime !== null)).toHaveLength(12_901);
  });

  it("baseline: the city's own CLOSED_DT <= TARGET_DT agrees with OnTime_Status on all 10,020 closed cases", () => {
    const judged = result.tickets.filter((t) => t.resolvedMs !== null && t.sourceDeadlineMs !== null && t.sourceOnTime !== null);
    expect(judged).toHaveLength(10_020);
    expect(judged.filter((t) => (t.resolvedMs as number) <= (t.sourceDeadlineMs as number) !== t.sourceOnTime)).toHaveLength(0);
    // No case closed exactly at its deadline, so the boundary (met at == deadline) decides nothing here.
    expect(judged.filter((t) => t.resolvedMs === t.sourceDeadlineMs)).toHaveLength(0);
  });

  it('our type-level targets reproduce most TARGET_DTs; the rest are per-case deadlines', () => {
    const priorities = rulesOf(config);
    const clocks = new Map(priorities.map((l) => [l.id, slaClock(l.clock)]));
    const levels = new Map(priorities.map((l) => [l.id, l]));
    const counts: Record<string, Partial<Record<Relation, number>>> = {};
    for (const t of result.tickets) {
      if (t.sourceDeadlineMs === null) continue;
      const level = levels.get(t.priority) as PriorityRule;
      const clock = clocks.get(t.priority) as SlaClock;
      const rel = relation(level, clock, t, ticketSla(t, level, clock, AS_OF).resolution.deadlineMs);
      const row = (counts[t.priority] ??= {});
      row[rel] = (row[rel] ?? 0) + 1;
    }
    expect(counts).toEqual({
      // 24×7 types: the city adds calendar days at the same Boston wall-clock time, so a window
      // across a DST change ends an hour away from our elapsed-time deadline.
      'bed-bugs': { 'same instant': 128, 'DST hour': 299 },
      heat: { 'same instant': 841, 'DST hour': 483 },
      rodent: { 'same instant': 1_914, 'DST hour': 257 },
      sidewalk: { 'same instant': 446, 'DST hour': 24 },
      // 1,021 + 622 at 180 days; 449 of the 453 others are 1 business day.
      'traffic-signal': { 'same instant': 622, 'DST hour': 1_021, 'other target': 453 },
      // Business-day types: a case opened after 17:00 gets its deadline at 08:30 of the working day
      // after the one on which our target ends at 17:00 (the same business time).
      'dead-animal': { 'same instant': 902, '17:00 vs next 08:30': 1_338, 'other target': 4 },
      'tree-emergency': { 'same instant': 458, '17:00 vs next 08:30': 324, 'other target': 3 },
      // 438 of the 446 others are the cases opened in January 2015, given 45 business days.
      graffiti: { 'same instant': 539, '17:00 vs next 08:30': 383, 'other target': 446 },
      // 111 of the 139 others have 2 business days.
      'missing-sign': { 'same instant': 806, '17:00 vs next 08:30': 170, 'other target': 139 },
    });
  });

  it('agrees with OnTime_Status on 12,045 of 12,901 cases (93.36 %); 9,823 of the 10,020 comparable ones (98.03 %)', () => {
    const c = compare(config, result.tickets, AS_OF);
    expect([c.judged, c.agree, c.pending]).toEqual([12_901, 12_045, 0]);
    expect([c.comparable, c.comparableAgree]).toEqual([10_020, 9_823]);
    // [agree, judged, agree among comparable, comparable] per type.
    expect(c.perType).toEqual({
      'animal-lost': [23, 220, 0, 0],
      'bed-bugs': [320, 427, 142, 142],
      heat: [1_265, 1_324, 398, 398],
      'idea-collection': [5, 63, 0, 0],
      'missing-sign': [1_064, 1_117, 1_038, 1_089],
      'needle-pickup': [432, 622, 0, 0],
      graffiti: [1_340, 1_368, 1_190, 1_218],
      'dead-animal': [2_230, 2_244, 2_180, 2_194],
      rodent: [2_136, 2_171, 1_744, 1_744],
      sidewalk: [470, 470, 470, 470],
      'traffic-signal': [1_989, 2_096, 1_902, 1_998],
      'tree-emergency': [771, 779, 759, 767],
    });
  });

  it('explains every one of the 856 disagreements', () => {
    const c = compare(config, result.tickets, AS_OF);
    expect(c.classes).toEqual({
      // 447: the city marks every case without a TARGET_DT ONTIME, whatever happened; our nominal
      // 30 days breaches the ones still open, or closed later than that.
      'no TARGET_DT|animal-lost|breached': 197,
      'no TARGET_DT|idea-collection|breached': 58,
      'no TARGET_DT|needle-pickup|breached': 190,
      'no TARGET_DT|missing-sign|breached': 2,
      // 212: still open; the city's verdict dates from the extraction (deadline not yet passed:
      // ONTIME), ours from 2017-01-01, when every deadline has passed.
      'open at extraction|bed-bugs|breached': 107,
      'open at extraction|heat|breached': 59,
      'open at extraction|rodent|breached': 35,
      'open at extraction|traffic-signal|breached': 11,
      // 177: a per-case deadline other than the type's (Traffic Signal 1 business day instead of
      // 180 days: closed in between → met for us, OVERDUE for the city; Graffiti's 45 business days
      // for January cases, Missing Sign's 2 business days, …).
      'other target|traffic-signal|met': 96,
      'other target|missing-sign|met': 47,
      'other target|missing-sign|breached': 4,
      'other target|graffiti|breached': 28,
      'other target|dead-animal|breached': 2,
      // 20: opened after hours and closed overnight, between our 17:00 deadline and the city's 08:30 one.
      '17:00 vs next 08:30|dead-animal|breached': 12,
      '17:00 vs next 08:30|tree-emergency|breached': 8,
    });
    // Never: the same deadline and a different verdict; nor the DST hour deciding a case.
    expect(Object.keys(c.classes).filter((k) => k.startsWith('same instant') || k.startsWith('DST hour'))).toEqual([]);
  });

  it('as of the extraction day the open-case class vanishes: 12,045 of 12,687 (94.94 %), 214 pending', () => {
    const c = compare(config, result.tickets, EXTRACTED);
    expect([c.judged, c.agree, c.pending]).toEqual([12_687, 12_045, 214]);
    expect(Object.keys(c.classes).filter((k) => k.startsWith('open at extraction'))).toEqual([]);
    const noTarget = Object.entries(c.classes)
      .filter(([k]) => k.startsWith('no TARGET_DT'))
      .reduce((n, [, v]) => n + v, 0);
    expect(noTarget).toBe(445);
  });
});
