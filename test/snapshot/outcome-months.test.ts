/**
 * A month is a data month when something its figures count happened in it (spec Tickets, "a ticket
 * counts toward the period in which its SLA outcome became known"; issue #15 for months without
 * data): a ticket's deadline passing unmet, a first response, a resolution, an incident or a change
 * starting. The audit case: a P2 ticket created 31 Jan 2028 23:00 London and never resolved, due
 * 1 Feb 07:00, export taken 25 Mar; February had no other data, was listed as empty, and the
 * quarter showed the breach that none of its months did. Figures below are worked by hand.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Builds a review (snapshots only) from its config and files; returns a reader of its snapshots. */
async function build(config: string, files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-outcome-months-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'review.config.yaml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const r = await runCli(['build', '--data-only', '--config', path.join(dir, 'review.config.yaml')]);
  expect(r.code, r.err).toBe(0);
  return (name: string) => JSON.parse(readFileSync(path.join(dir, 'snapshots/draft', `${name}.json`), 'utf8'));
}

const REVIEW = 'review: { name: Outcome months, timeZone: Europe/London, firstPeriod: 2028-01, lastPeriod: 2028-03 }';
const SLA = (s: { met: number; breached: number; pending: number }) => ({ ...s });

describe('a ticket counts in the month its outcome became known', () => {
  // 2028-01-31 is a Monday; London is on GMT until 26 March 2028. Both clocks put the deadlines on 1 February:
  //   24×7, response 4 h, resolution 8 h: T-1 due 03:00 and 07:00; T-2 (Fri 10 Mar 09:00) due 13:00 and 17:00.
  //   business (Mon–Fri 06:00–18:00), response 30 m, resolution 1 h: T-1, created after hours, counts from
  //   Tue 1 Feb 06:00: due 06:30 and 07:00; T-2 due 09:30 and 10:00.
  // T-1 is never answered or resolved: both targets breached at their deadlines, in February (before asOf 25 Mar).
  // T-2 is answered 09:20 and resolved 09:50: both met, in March.
  it.each([
    ['24x7', 'response: 4h, resolution: 8h }'],
    ['business', 'response: 30m, resolution: 1h, clock: business, calendar: office }'],
  ])('builds February for a breach known only there, so the quarter is the sum of its months (%s)', async (_, targets) => {
    const read = await build(
      `${REVIEW}
services: [{ id: api, name: API, owner: P }]
calendars:
  - id: office
    timeZone: Europe/London
    weeklyHours: { mon: [["06:00", "18:00"]], tue: [["06:00", "18:00"]], wed: [["06:00", "18:00"]], thu: [["06:00", "18:00"]], fri: [["06:00", "18:00"]] }
priorities: [{ id: p2, name: P2, words: [P2], ${targets}]
sources:
  - { id: desk, kind: tickets, files: tickets.csv, asOf: "2028-03-25 12:00" }
`,
      {
        'tickets.csv': [
          'id,created,first_response,resolved,priority',
          'T-1,2028-01-31 23:00,,,P2',
          'T-2,2028-03-10 09:00,2028-03-10 09:20,2028-03-10 09:50,P2',
          '',
        ].join('\n'),
      },
    );
    const index = read('index');
    expect(index.periods.map((p: { id: string }) => p.id)).toEqual(['2028-01', '2028-02', '2028-03', '2028-Q1', '2028']);
    expect(index.emptyMonths).toEqual([]);
    const figures = (id: string) => {
      const t = read(id).tickets;
      return {
        levels: t.levels.map((l: { levelId: string }) => l.levelId),
        response: t.overall.response,
        resolution: t.overall.resolution,
      };
    };
    const expected = {
      // January: T-1 created, nothing known yet at its end: pending.
      '2028-01': { response: SLA({ met: 0, breached: 0, pending: 1 }), resolution: SLA({ met: 0, breached: 0, pending: 1 }) },
      // February: both of T-1's deadlines pass unmet (the audit's figure: resolution breached 1).
      '2028-02': { response: SLA({ met: 0, breached: 1, pending: 0 }), resolution: SLA({ met: 0, breached: 1, pending: 0 }) },
      // March: T-2 met both.
      '2028-03': { response: SLA({ met: 1, breached: 0, pending: 0 }), resolution: SLA({ met: 1, breached: 0, pending: 0 }) },
      // The quarter: 1 met + 1 breached per target, the sum of its months.
      '2028-Q1': { response: SLA({ met: 1, breached: 1, pending: 0 }), resolution: SLA({ met: 1, breached: 1, pending: 0 }) },
    };
    for (const [id, { response, resolution }] of Object.entries(expected))
      expect(figures(id), id).toEqual({
        levels: ['p2'],
        response: {
          ...response,
          attainment: response.met + response.breached === 0 ? null : response.met / (response.met + response.breached),
        },
        resolution: {
          ...resolution,
          attainment: resolution.met + resolution.breached === 0 ? null : resolution.met / (resolution.met + resolution.breached),
        },
      });
  });

  it("applies a source's levels in a month where only its older tickets count, and leaves a month they merely span empty", async () => {
    // One source, one ticket: created Mon 10 Jan 09:00, answered 10:00 (due 13:00: met in January), resolved
    // Fri 10 Mar 09:00 (90 days 24×7: due 9 Apr 09:00, met in March). Its file's rows span January alone, which
    // alone used to decide the source's levels: March had the resolution but no level, so 0 met and 0 resolved
    // while the quarter had 1 of each. February: open across it, nothing known in it (issue #15's pin): empty.
    const read = await build(
      `${REVIEW}
services: [{ id: api, name: API, owner: P }]
priorities: [{ id: p2, name: P2, words: [P2], response: 4h, resolution: 90d }]
sources:
  - { id: desk, kind: tickets, files: tickets.csv, asOf: "2028-03-25 12:00" }
`,
      { 'tickets.csv': 'id,created,first_response,resolved,priority\nT-1,2028-01-10 09:00,2028-01-10 10:00,2028-03-10 09:00,P2\n' },
    );
    expect(read('index').emptyMonths).toEqual(['2028-02']);
    const mar = read('2028-03').tickets;
    expect(mar.levels.map((l: { levelId: string }) => l.levelId)).toEqual(['p2']);
    expect(mar.overall).toMatchObject({ created: 0, resolved: 1, resolution: { met: 1, breached: 0, pending: 0 } });
    expect(mar.overall.timeToResolution.n).toBe(1);
    const q1 = read('2028-Q1').tickets.overall;
    expect(q1).toMatchObject({ created: 1, resolved: 1, response: { met: 1, breached: 0 }, resolution: { met: 1, breached: 0 } });
  });
});

describe('incidents and changes count in the month they started', () => {
  // Tickets in January and March only; February has one incident (started 10 Feb, restored in March) and one
  // change (actual start 20 Feb; planned 1 Mar). Each counts in the month it started (incidentsSection,
  // changesSection), which was not built: the quarter listed them, no month did.
  it('builds a month whose only records are an incident and a change', async () => {
    const read = await build(
      `${REVIEW}
services: [{ id: api, name: API, owner: P }]
priorities: [{ id: p2, name: P2, words: [P2], response: 4h, resolution: 8h }]
incidentLevels: [{ id: major, name: Major, words: [Sev1], detect: 10m, acknowledge: 5m, restore: 2h }]
sources:
  - { id: desk, kind: tickets, files: tickets.csv, asOf: "2028-03-25 12:00" }
  - { id: inc, kind: incidents, files: incidents.csv, asOf: "2028-03-25 12:00" }
  - { id: chg, kind: changes, files: changes.csv }
`,
      {
        'tickets.csv': [
          'id,created,first_response,resolved,priority',
          'T-1,2028-01-10 09:00,2028-01-10 09:30,2028-01-10 10:00,P2',
          'T-2,2028-03-10 09:00,2028-03-10 09:30,2028-03-10 10:00,P2',
          '',
        ].join('\n'),
        'incidents.csv': [
          'id,level,service,started,detected,acknowledged,restored,post_mortem,root_cause',
          'INC-1,Sev1,api,2028-02-10 10:00,2028-02-10 10:05,2028-02-10 10:08,2028-03-02 10:00,,',
          '',
        ].join('\n'),
        'changes.csv': [
          'id,service,type,outcome,planned_start,planned_end,actual_start,actual_end,incident_caused,title',
          'CHG-1,api,normal,successful,2028-03-01 10:00,2028-03-01 11:00,2028-02-20 10:00,2028-02-20 11:00,,Early',
          '',
        ].join('\n'),
      },
    );
    expect(read('index').emptyMonths).toEqual([]);
    const feb = read('2028-02');
    expect(feb.incidents.list.map((i: { id: string }) => i.id)).toEqual(['INC-1']);
    expect(feb.incidents.levels[0].count).toBe(1);
    expect(feb.changes.list.map((c: { id: string }) => c.id)).toEqual(['CHG-1']);
    const q1 = read('2028-Q1');
    expect(q1.period.months).toEqual(['2028-01', '2028-02', '2028-03']);
    expect([q1.incidents.levels[0].count, q1.changes.list.length]).toEqual([1, 1]);
  });
});
