/**
 * Golden whole-build cases: each folder of test/fixtures/golden/ is a review (config + exports)
 * built through the real CLI (`build --data-only`), and its snapshots must equal the folder's
 * `expected/` byte for byte. After a reviewed change, `UPDATE_GOLDEN=1 npx vitest run
 * test/build/golden-builds.test.ts` rewrites them. Each case also checks a few figures worked out
 * by hand (in the comments and in test/fixtures/golden/README.md), so a golden file that was
 * rewritten wrongly is caught too.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const GOLDEN = path.join(ROOT, 'test/fixtures/golden');

/** Builds a copy of a case in its own temp folder; returns the snapshots by file name. */
function build(name: string): { snapshots: Map<string, string>; stderr: string; status: number | null } {
  const work = mkdtempSync(path.join(tmpdir(), `sr-golden-${name}-`));
  cpSync(path.join(GOLDEN, name), work, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
  const r = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings=ExperimentalWarning',
      CLI,
      'build',
      '--data-only',
      '--no-cache',
      '--config',
      path.join(work, 'review.config.yaml'),
    ],
    // A machine zone far from every case's zone: nothing may depend on it.
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Pacific/Chatham' } },
  );
  const dir = path.join(work, 'snapshots/draft');
  const snapshots = new Map<string, string>();
  if (r.status === 0) for (const f of readdirSync(dir).sort()) snapshots.set(f, readFileSync(path.join(dir, f), 'utf8'));
  rmSync(work, { recursive: true, force: true });
  return { snapshots, stderr: r.stderr, status: r.status };
}

function matchesGolden(name: string, snapshots: Map<string, string>): void {
  const expectedDir = path.join(GOLDEN, name, 'expected');
  if (process.env.UPDATE_GOLDEN === '1') {
    rmSync(expectedDir, { recursive: true, force: true });
    mkdirSync(expectedDir, { recursive: true });
    for (const [f, text] of snapshots) writeFileSync(path.join(expectedDir, f), text);
  }
  const expected = readdirSync(expectedDir).sort();
  expect([...snapshots.keys()]).toEqual(expected);
  for (const f of expected) expect(snapshots.get(f), `${name}/${f}`).toBe(readFileSync(path.join(expectedDir, f), 'utf8'));
}

const parse = (snapshots: Map<string, string>, f: string) => JSON.parse(snapshots.get(f) as string);

describe('golden case tickets-only: two monthly exports, a business calendar with a bank holiday', () => {
  const r = build('tickets-only');

  it('builds with two rejected rows reported, no stack trace', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 2 rejected rows');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('matches test/fixtures/golden/tickets-only/expected', () => matchesGolden('tickets-only', r.snapshots));

  it('has the hand-computed ticket figures', () => {
    const sep = parse(r.snapshots, '2026-09.json');
    // A-5 (P3, London office hours, bank holiday Mon 31 Aug): created Fri 28 Aug 16:00 BST. Response 4 h:
    // Fri 16:00–17:30 (1.5 h) + Tue 1 Sep 09:00–11:30 (2.5 h) → due Tue 11:30, answered 10:00: met in September.
    // Resolution 16 h: 1.5 + Tue 8.5 + Wed 09:00–15:00 (6) → due Wed 2 Sep 15:00, resolved 15:30: breached in September.
    const p3 = sep.tickets.levels.find((l: { levelId: string }) => l.levelId === 'p3');
    expect(p3.response).toEqual({ attainment: 1, met: 2, breached: 0, pending: 1 });
    expect(p3.resolution).toEqual({ attainment: 0.5, met: 1, breached: 1, pending: 1 });
    // September resolution: met A-8, S-1, S-3, S-5; breached A-5 and S-2 (P1 open past 14:00); S-4 pending.
    expect(sep.tickets.overall.resolution).toEqual({ attainment: 4 / 6, met: 4, breached: 2, pending: 1 });
    // Backlog at the start: A-4 (resolved 3 Sep by the later file's row), A-5, A-8; at the end S-2 and S-4.
    expect([sep.tickets.overall.backlogAtStart, sep.tickets.overall.backlogAtEnd, sep.tickets.overall.openBreachedAtEnd]).toEqual([
      3, 2, 1,
    ]);
    const aug = parse(r.snapshots, '2026-08.json');
    // Resolved in August; A-7 reopened → 1 / 5.
    expect(aug.tickets.overall.reopen).toEqual({ rate: 0.2, reopened: 1, known: 5 });
    expect(aug.dataQuality).toMatchObject({ rows: 16, accepted: 13, rejected: 2, duplicates: 1 });
  });

  it('lists the tickets behind the breached counts (drill-down)', () => {
    const target = (b: { id: string; target: string; lateEventMs: number | null }) => [
      b.id,
      b.target,
      b.lateEventMs === null ? 'open' : 'late',
    ];
    // September: A-5's resolution (due Wed 2 Sep 15:00, resolved 15:30: late) and S-2's (P1 still open past its deadline),
    // the 2 of sep.tickets.overall.resolution.breached; no response breach in September (P3 response met: see above).
    const sep = parse(r.snapshots, '2026-09.json');
    expect(sep.drillDown.breached.map(target)).toEqual(expect.arrayContaining([['A-5', 'resolution', 'late']]));
    expect(sep.drillDown.breached.filter((b: { target: string }) => b.target === 'resolution')).toHaveLength(
      sep.tickets.overall.resolution.breached,
    );
    // August: A-4 (created in August, resolved 3 Sep) missed its resolution deadline in August and was still open then.
    const aug = parse(r.snapshots, '2026-08.json');
    expect(aug.drillDown.breached.map(target)).toContainEqual(['A-4', 'resolution', 'open']);
  });

  it('gives quarters and years their months, month by month, as the months give them', () => {
    const own = (file: string) => parse(r.snapshots, file).headline.trend.at(-1);
    const months = [own('2026-08.json'), own('2026-09.json')];
    expect(parse(r.snapshots, '2026-Q3.json').months).toEqual(months);
    expect(parse(r.snapshots, '2026.json').months).toEqual(months);
    // September's resolution attainment, 4 of 6 (above), is the quarter's September row.
    expect(parse(r.snapshots, '2026-Q3.json').months[1].resolutionAttainment).toBe(4 / 6);
    expect(parse(r.snapshots, '2026-09.json').months).toBeUndefined();
  });
});

describe('golden case checks-probes: three probes per service across the October clock change', () => {
  const r = build('checks-probes');

  it('builds, with the unknown status and service reported', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 2 rejected rows');
  });

  it('matches test/fixtures/golden/checks-probes/expected', () => matchesGolden('checks-probes', r.snapshots));

  it('has the hand-computed availability figures', () => {
    const oct = parse(r.snapshots, '2026-10.json');
    const [web, api] = oct.services;
    // Checks every 10 min from 24 Oct 00:00 BST (23 Oct 23:00Z) to 25 Oct 23:50Z; the last holds 10 min more
    // (max_gap 20 min, cut by the data's end): 49 h + 10 min = 177 000 s covered.
    // web: eu and us down 10:00–10:30Z on the 24th (2 of 3 probes: down); ap alone down 14:00–14:20Z (1 of 3: up);
    // eu and us degraded 08:00–09:00Z on the 25th → degraded 3 600 s within up time.
    expect([web.eligibleMs, web.downMs, web.degradedMs]).toEqual([177_000_000, 1_800_000, 3_600_000]);
    expect(web.availability).toBe(175_200 / 177_000);
    // api: all probes down 00:30–01:30Z on the 25th (across the 01:00Z change) = 3 600 s; during ap's gap
    // (18:10–22:00Z) eu alone down at 19:00Z is 1 of 2 covering probes: up; maintenance 12:00–13:00Z out.
    expect([api.eligibleMs, api.downMs, api.maintenanceMs]).toEqual([173_400_000, 3_600_000, 3_600_000]);
    expect(api.outages.list).toEqual([[Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]]);
    // The 25th is 25 hours long.
    expect(api.daily.find((d: { date: string }) => d.date === '2026-10-25').dayMs).toBe(25 * 3_600_000);
    // Coverage over the month (31 days + the extra hour, less the maintenance hour): low.
    expect(web.coverage).toBe(177_000 / (745 * 3600));
    expect(web.lowCoverage).toBe(true);
  });
});

describe('golden case gb18030-cn-calendar: a GB18030 export with Chinese headers and a Shanghai business calendar', () => {
  const r = build('gb18030-cn-calendar');

  it('builds, reading the file as GB18030', () => {
    expect(r.status, r.stderr).toBe(0);
    const sep = parse(r.snapshots, '2026-09.json');
    expect(sep.inputs[0]).toMatchObject({ rows: 8, accepted: 7, rejected: 1 });
    expect(sep.dataQuality.files[0].rejects[0]).toMatchObject({
      line: 9,
      field: '优先级',
      reason: 'unknown priority "最低"; add it to a level\'s words',
    });
  });

  it('matches test/fixtures/golden/gb18030-cn-calendar/expected', () => matchesGolden('gb18030-cn-calendar', r.snapshots));

  it('has the hand-computed business-time figures (National Day holidays, make-up days, lunch break)', () => {
    const oct = parse(r.snapshots, '2026-10.json');
    const level = (id: string) => oct.tickets.levels.find((l: { levelId: string }) => l.levelId === id);
    // C-1 (中, 16 h): created Wed 30 Sep 17:00; 1–7 Oct are holidays. Response due Thu 8 Oct 12:00, answered 11:00 after
    // 1 + 2 = 3 business hours; resolved Fri 9 Oct 16:00 after 1 + 8 + 3 + 3 = 15 h (due 17:00): both met, in October.
    // C-6 (中): 30 min and 2 h. Medians (1 800 + 10 800) / 2 = 6 300 s and (7 200 + 54 000) / 2 = 30 600 s.
    expect(level('p3').timeToFirstResponse).toEqual({ n: 2, medianSeconds: 6300, p90Seconds: 10_800 });
    expect(level('p3').timeToResolution).toEqual({ n: 2, medianSeconds: 30_600, p90Seconds: 54_000 });
    // C-2 (低, 8 h): created Fri 9 Oct 17:00; Sat 10 Oct is a make-up working day (Monday's hours): response due
    // Sat 17:00, answered Mon 12 Oct 09:30 (1 + 8 + 0.5 = 9.5 h): breached. Resolution 40 h due Thu 15 Oct 17:00,
    // resolved 10:00 after 1 + 8 + 8 + 8 + 8 + 1 = 34 h: met.
    expect(level('p4').response).toEqual({ attainment: 0.5, met: 1, breached: 1, pending: 0 });
    expect(level('p4').timeToResolution).toEqual({ n: 2, medianSeconds: 75_600, p90Seconds: 122_400 });
    // C-5 (中): created Sun 27 Sep 10:00, a make-up working day: response due 15:00 (10–12, 13–15), answered 14:00
    // (3 h, met); resolution due Tue 29 Sep 10:00, never resolved: breached in September, open and breached since.
    const sep = parse(r.snapshots, '2026-09.json');
    expect(sep.tickets.levels[2].response).toEqual({ attainment: 1, met: 1, breached: 0, pending: 1 });
    expect(sep.tickets.levels[2].resolution).toEqual({ attainment: 0, met: 0, breached: 1, pending: 1 });
    expect(oct.tickets.overall.openBreachedAtEnd).toBe(1);
    // The alias 支付服务 maps to pay; two 无法登录客户门户 tickets in October form one recurring group.
    expect(oct.recurring.groups[0]).toMatchObject({ name: '无法登录客户门户', ticketCount: 2, services: ['portal'] });
  });
});
