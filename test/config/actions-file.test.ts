/**
 * The actions register file (issue #18): every problem at once, each located as
 * `content/actions.yaml:LINE:COL field: message` (line and column of the value, counted by hand
 * from the texts below), checked against the config's services, priorities and survey scales.
 */
import { describe, expect, it } from 'vitest';
import { dueDateOf, isCalendarDate } from '../../src/lib/config/actions-schema.ts';
import { parseActions } from '../../src/lib/config/load-actions.ts';
import { ReviewError } from '../../src/lib/errors.ts';

const FILE = 'content/actions.yaml';
const config = {
  services: [
    { id: 'api', name: 'API', owner: 'Platform', target: 0.99, latencyThresholdMs: 200 },
    { id: 'desk', name: 'Desk', owner: 'Desk' }, // tickets only: not monitored
  ],
  priorities: [{ id: 'p1', name: 'P1' }],
  surveys: { csat: { min: 1, max: 5, satisfiedAtLeast: 4 }, ces: { min: 1, max: 7 } },
} as unknown as Parameters<typeof parseActions>[2];

function problems(text: string): { message: string; lines: string[] } {
  try {
    parseActions(text, FILE, config);
  } catch (e) {
    if (e instanceof ReviewError) return { message: e.message, lines: e.problems };
    throw e;
  }
  throw new Error('expected the register to be refused');
}

const good = `- id: A-1
  title: Fix the API
  owner: Platform
  opened: 2026-10
  due: 2026-11-30
  status: open
  moves: { metric: availability, service: api }
  expected: { effect: API back above target, target: 0.99 }
`;

describe('content/actions.yaml: reading', () => {
  it('a good register reads, with the file’s SHA-256', () => {
    const r = parseActions(good, FILE, config);
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0]?.moves).toEqual({ metric: 'availability', service: 'api' });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.locate([0, 'moves', 'service'])).toBe(`${FILE}:7:43`);
  });

  it('schema errors are all listed at once, each with line and column of its value', () => {
    const text = `- id: A-1
  title: ""
  owner: Platform
  opened: 2026-13
  due: 31/10/2026
  status: closed
  expected: { effect: x }
- id: A-2
  title: T
  owner: O
  opened: 2026-10
  due: 2026-10
  status: open
  moves: { metric: uptime }
  colour: red
`;
    const p = problems(text);
    expect(p.message).toBe(`${FILE}: 7 problems in the actions register`);
    expect(p.lines).toEqual([
      `${FILE}:2:10 title: expected some text, got ""`,
      `${FILE}:4:11 opened: expected a review month like 2026-08, got "2026-13"`,
      `${FILE}:5:8 due: expected a date like 2026-09-30 or a period like 2026-09, 2026-Q3 or 2026, got "31/10/2026"`,
      `${FILE}:6:11 status: Invalid option: expected one of "open"|"done"|"dropped", got "closed"`,
      `${FILE}:14:20 moves.metric: Invalid option: expected one of "availability"|"responseAttainment"|"resolutionAttainment"|"csat"|"nps"|"ces"|"recurring", got "uptime"`,
      // A missing field points at its entry; an unknown key at the entry that holds it.
      `${FILE}:8:3 expected: Invalid input: expected object (missing)`,
      `${FILE}:8:3 entry: unknown key "colour" (expected one of id, title, owner, opened, due, status, closed, moves, expected)`,
    ]);
  });

  it('a missing field names its entry’s line', () => {
    const p = problems(`- id: A-1\n  title: T\n  opened: 2026-10\n  due: 2026-10\n  status: open\n  expected: { effect: x }\n`);
    expect(p.lines).toEqual([`${FILE}:1:3 owner: Invalid input: expected string (missing)`]);
  });

  it('YAML that does not parse is located too', () => {
    const p = problems('- id: A-1\n  title: [unclosed\n');
    expect(p.message).toBe(`${FILE}: not valid YAML`);
    expect(p.lines[0]).toMatch(new RegExp(`^${FILE}:\\d+:\\d+ `));
  });

  it('unknown services, priorities and metrics’ fields fail with file and line, every one at once', () => {
    const text = `- id: A-1
  title: T
  owner: O
  opened: 2026-10
  due: 2026-10
  status: open
  moves: { metric: availability, service: payments }
  expected: { effect: x }
- id: A-2
  title: T
  owner: O
  opened: 2026-10
  due: 2026-10
  status: open
  moves: { metric: resolutionAttainment, priority: p9 }
  expected: { effect: x }
- id: A-3
  title: T
  owner: O
  opened: 2026-10
  due: 2026-10
  status: open
  moves: { metric: availability, service: desk }
  expected: { effect: x }
- id: A-3
  title: T
  owner: O
  opened: 2026-10
  due: 2026-10
  status: open
  moves: { metric: csat, service: api }
  expected: { effect: x, target: 80 }
- id: A-5
  title: T
  owner: O
  opened: 2026-10
  due: 2026-10
  status: open
  moves: { metric: ces }
  expected: { effect: x }
`;
    const p = problems(text);
    expect(p.lines).toEqual([
      `${FILE}:7:43 moves.service: unknown service "payments" (the config has api, desk)`,
      `${FILE}:15:52 moves.priority: unknown priority "p9" (the config has p1)`,
      `${FILE}:23:43 moves.service: "desk" is not monitored (no target and latencyThresholdMs): it has no availability`,
      `${FILE}:25:7 id: "A-3" is already the id of action 3`,
      `${FILE}:31:35 moves.service: csat takes no service`,
      `${FILE}:32:34 expected.target: a csat target lies in 0…1 (a share: 0.999 for 99.9 %), got 80`,
      `${FILE}:40:13 expected: ces needs direction (increase or decrease): whether a higher score is better depends on the survey`,
    ]);
  });

  it('status and closed agree; closed and due are not before opened', () => {
    const entry = (extra: string) => `- id: A-1\n  title: T\n  owner: O\n  opened: 2026-10\n  expected: { effect: x }\n${extra}`;
    expect(problems(entry('  due: 2026-10\n  status: done\n')).lines).toEqual([
      `${FILE}:7:11 status: a done action needs closed: the review month it was done in`,
    ]);
    expect(problems(entry('  due: 2026-10\n  status: open\n  closed: 2026-10\n')).lines).toEqual([
      `${FILE}:8:11 closed: an open action has no closed month: remove it, or set status done or dropped`,
    ]);
    expect(problems(entry('  due: 2026-09-30\n  status: dropped\n  closed: 2026-09\n')).lines).toEqual([
      `${FILE}:8:11 closed: closed 2026-09 is before opened 2026-10`,
      `${FILE}:6:8 due: due 2026-09-30 is before the month it was opened (2026-10)`,
    ]);
  });

  it('29 February is a date only in leap years; a bare year is a period', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    const at = (due: string) =>
      `- id: A-1\n  title: T\n  owner: O\n  opened: 2026-01\n  due: ${due}\n  status: open\n  expected: { effect: x }\n`;
    expect(problems(at('2026-02-29')).lines[0]).toBe(
      `${FILE}:5:8 due: expected a date like 2026-09-30 or a period like 2026-09, 2026-Q3 or 2026, got "2026-02-29"`,
    );
    expect(parseActions(at('2028-02-29'), FILE, config).actions[0]?.due).toBe('2028-02-29');
    expect(parseActions(at('2027'), FILE, config).actions[0]?.due).toBe('2027');
    // Hand-computed last days: a period is due on its last day.
    expect(dueDateOf('2028-02')).toBe('2028-02-29');
    expect(dueDateOf('2026-02')).toBe('2026-02-28');
    expect(dueDateOf('2026-Q3')).toBe('2026-09-30');
    expect(dueDateOf('2027')).toBe('2027-12-31');
    expect(dueDateOf('2026-10-15')).toBe('2026-10-15');
  });
});
