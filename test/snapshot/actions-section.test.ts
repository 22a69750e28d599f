/**
 * The actions of a period (issue #18), pure: which actions a period lists (opened, due, overdue
 * at its end, closed), each as it stood at the period end, and "did it work?" — the linked figure
 * before and after with the verdict. Expected values are worked out by hand in the comments.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Action, ActionMoves } from '../../src/lib/config/actions-schema.ts';
import {
  actionOutcome,
  actionsRegisterView,
  actionsSection,
  actionVerdict,
  linkedFigure,
  periodFlags,
  unknownIssueProblems,
} from '../../src/lib/snapshot/actions-section.ts';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';
import { runCli } from '../helpers/run-cli.ts';

const action = (over: Partial<Action>): Action => ({
  id: 'A-1',
  title: 'T',
  owner: 'O',
  opened: '2026-08',
  due: '2026-09-30',
  status: 'open',
  expected: { effect: 'E' },
  ...over,
});
const none = { openedIn: false, dueIn: false, overdueAtEnd: false, closedIn: false };
const labels = { service: (id: string) => `svc ${id}`, priority: (id: string) => `prio ${id}`, issue: (k: string) => `issue ${k}` };

describe('which actions a period lists', () => {
  // Opened in August, due 30 September, done in October.
  const late = action({ status: 'done', closed: '2026-10' });

  it('opened, due, overdue at the end, closed: month by month and for a quarter', () => {
    expect(periodFlags(late, '2026-07', '2026-07')).toEqual(none);
    expect(periodFlags(late, '2026-08', '2026-08')).toEqual({ ...none, openedIn: true }); // due 30 Sep is after 31 Aug
    // Due 30 Sep ≤ 30 Sep, not closed by the end of September: due and overdue at once.
    expect(periodFlags(late, '2026-09', '2026-09')).toEqual({ ...none, dueIn: true, overdueAtEnd: true });
    // Closed in October: no longer overdue at its end.
    expect(periodFlags(late, '2026-10', '2026-10')).toEqual({ ...none, closedIn: true });
    // Q3 (July–September) holds the opening and the due day, and ends with it still open.
    expect(periodFlags(late, '2026-07', '2026-09')).toEqual({ openedIn: true, dueIn: true, overdueAtEnd: true, closedIn: false });
    // Q4 (October–December): closed in it; due before it.
    expect(periodFlags(late, '2026-10', '2026-12')).toEqual({ ...none, closedIn: true });
  });

  it('an action due on 29 February 2028 is due and overdue at the end of February, not of January', () => {
    const leap = action({ opened: '2028-01', due: '2028-02-29' });
    expect(periodFlags(leap, '2028-01', '2028-01')).toEqual({ ...none, openedIn: true });
    // 2028-02-29 is February's last day: due on it, and past due at the month's end.
    expect(periodFlags(leap, '2028-02', '2028-02')).toEqual({ ...none, dueIn: true, overdueAtEnd: true });
    // Due "2028-02" means its last day, the same 29 February.
    expect(periodFlags(action({ opened: '2028-01', due: '2028-02' }), '2028-02', '2028-02')).toEqual({
      ...none,
      dueIn: true,
      overdueAtEnd: true,
    });
    expect(periodFlags(leap, '2028-03', '2028-03')).toEqual({ ...none, overdueAtEnd: true });
  });

  it('a dropped action is never overdue once closed; one closed in the month it is due is not overdue', () => {
    const dropped = action({ due: '2026-09-15', status: 'dropped', closed: '2026-09' });
    expect(periodFlags(dropped, '2026-09', '2026-09')).toEqual({ ...none, dueIn: true, closedIn: true });
    expect(periodFlags(dropped, '2026-10', '2026-10')).toEqual(none);
  });

  it('each as it stood at the period end: closed later reads open, not yet opened is left out', () => {
    const actions = [
      action({ id: 'late', status: 'done', closed: '2026-10' }),
      action({ id: 'future', opened: '2026-10', due: '2026-09-30' }),
    ];
    const figureAt = () => 0.5;
    const sep = actionsSection(actions, ['2026-09'], labels, figureAt);
    expect(sep.items.map((i) => [i.id, i.status, i.closed, i.outcome])).toEqual([['late', 'open', null, null]]);
    const oct = actionsSection(actions, ['2026-10'], labels, figureAt);
    expect(oct.items.map((i) => [i.id, i.status, i.closed])).toEqual([
      ['late', 'done', '2026-10'],
      // Opened in October and due in September (the schema refuses that; the selection still reads it as overdue).
      ['future', 'open', null],
    ]);
  });
});

// Spec "Actions": "For a done action, before is the linked figure in the period it was opened and after the
// figure in the first full period after it was closed." The register closes an action in a month, so the first
// whole month after any day of it is the next month; no other month stands in for a missing value.
describe('did it work: before, after and the verdict', () => {
  // A month table of one figure; 2026-08 has no value (a month without checks, say); 2026-11 is not built.
  const table: Record<string, number | null> = { '2026-07': 0.999, '2026-08': null, '2026-09': 0.9995, '2026-10': 0.98 };
  const figureAt = (m: string) => table[m] ?? null;
  const moves: ActionMoves = { metric: 'availability', service: 'api' };

  it('before is the month opened, after the month after the month closed', () => {
    const a = action({ opened: '2026-07', status: 'done', closed: '2026-08', moves, expected: { effect: 'E', target: 0.999 } });
    // Before: July 0.999; closed in August, after: September 0.9995 ≥ 0.999 → met (August's own figure plays no part).
    expect(actionOutcome(a, figureAt)).toEqual({
      beforePeriod: '2026-07',
      before: 0.999,
      afterPeriod: '2026-09',
      after: 0.9995,
      verdict: 'met',
    });
    // Closed in September (on the 14th or the 30th alike): after is October's 0.98 < 0.999 → not met.
    expect(actionOutcome({ ...a, closed: '2026-09' }, figureAt)).toMatchObject({ afterPeriod: '2026-10', after: 0.98, verdict: 'not-met' });
    // Closed in December: after is January of the next year.
    expect(actionOutcome({ ...a, closed: '2026-12' }, figureAt)?.afterPeriod).toBe('2027-01');
  });

  it('no fallback: an opening month without a value, or a month after not built yet, gives no data', () => {
    // Opened in August (no value): before is null, not July's 0.999. With a target the verdict needs only after:
    // closed in September → October 0.98 < 0.999 → not met.
    const a = action({ status: 'done', closed: '2026-09', moves, expected: { effect: 'E', target: 0.999 } });
    expect(actionOutcome(a, figureAt)).toEqual({
      beforePeriod: '2026-08',
      before: null,
      afterPeriod: '2026-10',
      after: 0.98,
      verdict: 'not-met',
    });
    // Without a target the verdict needs before too: no data.
    expect(actionOutcome({ ...a, expected: { effect: 'E' } }, figureAt)?.verdict).toBe('no-data');
    // Closed in October: November is not built → after null → no data, whatever the target.
    expect(actionOutcome({ ...a, opened: '2026-09', closed: '2026-10' }, figureAt)).toEqual({
      beforePeriod: '2026-09',
      before: 0.9995,
      afterPeriod: '2026-11',
      after: null,
      verdict: 'no-data',
    });
  });

  it('without a target, met only when the figure moved the better way', () => {
    expect(actionVerdict(20, 14, null, 'decrease')).toBe('met'); // a recurring issue fell from 20 tickets to 14
    expect(actionVerdict(20, 20, null, 'decrease')).toBe('not-met'); // unchanged is not better
    expect(actionVerdict(0.8, 0.85, null, 'increase')).toBe('met');
    expect(actionVerdict(null, 0.85, null, 'increase')).toBe('no-data');
    // With a target, before is not needed; at the target counts as reached.
    expect(actionVerdict(null, 9, 9, 'decrease')).toBe('met');
    expect(actionVerdict(0.5, null, 0.9, 'increase')).toBe('no-data');
  });

  it('no linked figure, or no data for it: no outcome, or no data', () => {
    expect(actionOutcome(action({ status: 'done', closed: '2026-09' }), figureAt)).toBeNull();
    const a = action({ status: 'done', closed: '2026-09', moves: { metric: 'availability', service: 'gone' } });
    expect(actionOutcome(a, () => null)).toEqual({
      beforePeriod: '2026-08',
      before: null,
      afterPeriod: '2026-10',
      after: null,
      verdict: 'no-data',
    });
  });

  it('a dropped action shows its figures unjudged; an open one has no outcome', () => {
    const dropped = action({ opened: '2026-09', status: 'dropped', closed: '2026-09', moves });
    // Before: September 0.9995; after: October 0.98; not judged.
    expect(actionOutcome(dropped, figureAt)).toEqual({
      beforePeriod: '2026-09',
      before: 0.9995,
      afterPeriod: '2026-10',
      after: 0.98,
      verdict: null,
    });
    expect(actionOutcome(action({ moves }), figureAt)).toBeNull();
  });

  it('the figure read from a snapshot, per metric', () => {
    const snap = {
      services: [{ id: 'api', availability: 0.98 }],
      tickets: { levels: [{ levelId: 'p1', response: { attainment: 0.5 }, resolution: { attainment: 0.75 } }] },
      headline: {
        responseAttainment: { value: 0.6 },
        resolutionAttainment: { value: 0.7 },
        csat: { value: 0.8 },
        nps: { value: -10 },
        ces: { value: 3.2 },
      },
      recurring: { groups: [{ key: 'k', ticketCount: 4 }] },
    } as unknown as PeriodSnapshot;
    expect(linkedFigure(snap, { metric: 'availability', service: 'api' })).toBe(0.98);
    expect(linkedFigure(snap, { metric: 'availability', service: 'web' })).toBeNull(); // no checks that period
    expect(linkedFigure(snap, { metric: 'responseAttainment', priority: 'p1' })).toBe(0.5);
    expect(linkedFigure(snap, { metric: 'resolutionAttainment', priority: 'p1' })).toBe(0.75);
    expect(linkedFigure(snap, { metric: 'resolutionAttainment' })).toBe(0.7); // all priorities
    expect(linkedFigure(snap, { metric: 'resolutionAttainment', priority: 'p2' })).toBeNull();
    expect(linkedFigure(snap, { metric: 'csat' })).toBe(0.8);
    expect(linkedFigure(snap, { metric: 'nps' })).toBe(-10);
    expect(linkedFigure(snap, { metric: 'ces' })).toBe(3.2);
    expect(linkedFigure(snap, { metric: 'recurring', issue: 'k' })).toBe(4);
    expect(linkedFigure(snap, { metric: 'recurring', issue: 'quiet' })).toBe(0); // a known issue with no ticket that month
  });
});

describe('the live register and the issue keys', () => {
  it('overdue as of the last month built; counts by status now', () => {
    const actions = [
      action({ id: 'a', due: '2026-10-31' }), // open, due on October's last day: overdue at its end
      action({ id: 'b', due: '2026-11-01' }), // due after October: not yet
      action({ id: 'c', due: '2026-09-30', status: 'done', closed: '2026-12' }), // done (in a month not yet built): never overdue
    ];
    const view = actionsRegisterView({ file: 'content/actions.yaml', sha256: 'x', actions }, '2026-10', labels, () => null);
    expect(view.items.map((i) => [i.id, i.status, i.overdue])).toEqual([
      ['a', 'open', true],
      ['b', 'open', false],
      ['c', 'done', false],
    ]);
    expect(view.counts).toEqual({ open: 2, overdue: 1, done: 1, dropped: 0 });
  });

  it('an issue key the tickets do not give is a located problem', () => {
    const actions = [
      action({ moves: { metric: 'recurring', issue: 'login sso' } }),
      action({ moves: { metric: 'recurring', issue: 'nope' } }),
    ];
    expect(unknownIssueProblems(actions, new Set(['login sso']))).toEqual([
      { path: [1, 'moves', 'issue'], message: expect.stringContaining('no recurring issue has the key "nope"') },
    ]);
  });
});

describe('the sample’s register, built', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'sr-actions-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const ROOT = path.resolve(import.meta.dirname, '../..');

  it('September shows the sign-in action done with its before and after; October the overdue one', async () => {
    cpSync(path.join(ROOT, 'review.config.yaml'), path.join(work, 'review.config.yaml'));
    cpSync(path.join(ROOT, 'data'), path.join(work, 'data'), { recursive: true });
    cpSync(path.join(ROOT, 'content'), path.join(work, 'content'), { recursive: true });
    const r = await runCli(['build', '--data-only', '--no-cache', '--config', path.join(work, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    const snap = (id: string) => JSON.parse(readFileSync(path.join(work, 'snapshots/draft', `${id}.json`), 'utf8')) as PeriodSnapshot;
    const sep = snap('2026-09').actions?.items ?? [];
    const signIn = sep.find((i) => i.id === 'A-2026-08-1');
    // Opened in August: sign-in down 70 + 40 + 50 = 160 min of 31 × 1440 = 44,640 → 1 − 160/44640. Closed in September,
    // so after is October (the first whole month after it; spec "Actions"): no sign-in outage then (data/README.md) → 1.
    expect(signIn?.outcome).toEqual({ beforePeriod: '2026-08', before: 1 - 160 / 44640, afterPeriod: '2026-10', after: 1, verdict: 'met' });
    // A-2026-08-2, P2 resolution: October's 40 met of 42 with an outcome (counted from data/tickets/ by a separate script:
    // P2/High/高, created + 8 h against resolved, in the month the outcome became known) = 20/21 ≥ the 85 % target.
    expect(sep.find((i) => i.id === 'A-2026-08-2')?.outcome).toMatchObject({ afterPeriod: '2026-10', after: 20 / 21 });
    expect(sep.filter((i) => i.closedIn).map((i) => [i.id, i.outcome?.verdict])).toEqual([
      ['A-2026-08-1', 'met'],
      ['A-2026-08-2', 'met'],
    ]);
    const oct = snap('2026-10').actions?.items ?? [];
    expect(oct.filter((i) => i.overdueAtEnd).map((i) => i.id)).toEqual(['A-2026-08-3']);
    // Dropped in October: after would be November, not in the sample: no data, and not judged.
    expect(oct.find((i) => i.id === 'A-2026-09-2')?.outcome).toMatchObject({ afterPeriod: '2026-11', after: null, verdict: null });
    expect(oct.find((i) => i.id === 'A-2026-09-1')?.outcome).toBeNull(); // no linked figure
    const live = JSON.parse(readFileSync(path.join(work, 'snapshots/draft/actions.json'), 'utf8'));
    expect(live.lastPeriod).toBe('2026-10');
    expect(live.counts).toEqual({ open: 2, overdue: 1, done: 3, dropped: 1 });

    // An unknown issue key stops the build and check, located.
    const file = path.join(work, 'content/actions.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('issue: email password received reset', 'issue: reset mail'));
    for (const cmd of ['build', 'check']) {
      const bad = await runCli([cmd, ...(cmd === 'build' ? ['--data-only'] : []), '--config', path.join(work, 'review.config.yaml')]);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('content/actions.yaml: 1 unknown recurring issue');
      expect(bad.err).toMatch(/content\/actions\.yaml:31:\d+ moves\.issue: no recurring issue has the key "reset mail"/);
    }
  }, 60_000);
});
