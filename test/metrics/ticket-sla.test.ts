import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clock24x7, slaClock, slaTargetOutcome, ticketSla } from '../../src/lib/metrics/index.ts';
import { assertProperty } from '../helpers/property.ts';
import { CN_CALENDAR, deepFreeze, priorityRules, UK_CALENDAR } from '../helpers/rules.ts';

const H = 3600;
const utc = Date.UTC;

/** A level made by the config resolver: P2 High, response 4 h, resolution 17 h, on the clock the input names. */
function level(input: Record<string, unknown>) {
  const [rule] = priorityRules(
    [{ id: 'p2', name: 'P2 High', words: ['P2'], response: '4h', resolution: '17h', ...input }],
    [UK_CALENDAR, CN_CALENDAR],
  );
  return rule as NonNullable<typeof rule>;
}

/** P2 on the London office calendar: response 4 business hours, resolution 17 (two 8.5 h days). */
const p2 = level({ clock: 'business', calendar: 'uk' });
const p2Clock = slaClock(p2.clock);

describe('slaTargetOutcome (24×7, 1 h target, created 10:00)', () => {
  const created = utc(2026, 10, 3, 10);
  const deadline = utc(2026, 10, 3, 11);
  const asOf = utc(2026, 10, 3, 12);

  it('met: event before the deadline, known at the event', () => {
    // 10:00 → 10:45 = 2700 s ≤ 3600 s.
    expect(slaTargetOutcome(created, utc(2026, 10, 3, 10, 45), H, clock24x7, asOf)).toEqual({
      deadlineMs: deadline,
      outcome: 'met',
      knownAtMs: utc(2026, 10, 3, 10, 45),
      elapsedSeconds: 2700,
    });
  });

  it('met: event exactly at the deadline', () => {
    expect(slaTargetOutcome(created, deadline, H, clock24x7, asOf)).toMatchObject({
      outcome: 'met',
      knownAtMs: deadline,
      elapsedSeconds: 3600,
    });
  });

  it('breached: event 1 ms after the deadline, known at the deadline', () => {
    // 3600.001 s, truncated to 3600.
    expect(slaTargetOutcome(created, deadline + 1, H, clock24x7, asOf)).toEqual({
      deadlineMs: deadline,
      outcome: 'breached',
      knownAtMs: deadline,
      elapsedSeconds: 3600,
    });
  });

  it('breached: no event and the deadline has passed', () => {
    expect(slaTargetOutcome(created, null, H, clock24x7, asOf)).toEqual({
      deadlineMs: deadline,
      outcome: 'breached',
      knownAtMs: deadline,
      elapsedSeconds: null,
    });
  });

  it('breached: the late event comes after asOf, so only the breach is known', () => {
    expect(slaTargetOutcome(created, utc(2026, 10, 3, 13), H, clock24x7, asOf)).toEqual({
      deadlineMs: deadline,
      outcome: 'breached',
      knownAtMs: deadline,
      elapsedSeconds: null,
    });
  });

  it('pending: no event yet and the deadline not before asOf (asOf is exclusive)', () => {
    expect(slaTargetOutcome(created, null, H, clock24x7, utc(2026, 10, 3, 10, 30))).toEqual({
      deadlineMs: deadline,
      outcome: 'pending',
      knownAtMs: null,
      elapsedSeconds: null,
    });
    // A deadline at asOf itself is not yet passed: the breach belongs to the next period.
    expect(slaTargetOutcome(created, null, H, clock24x7, deadline).outcome).toBe('pending');
    // An event at asOf itself has not happened yet either.
    expect(slaTargetOutcome(created, utc(2026, 10, 3, 10, 30), H, clock24x7, utc(2026, 10, 3, 10, 30)).outcome).toBe('pending');
  });

  it('treats an event recorded before creation as at creation', () => {
    expect(slaTargetOutcome(created, created - 5000, H, clock24x7, asOf)).toEqual({
      deadlineMs: deadline,
      outcome: 'met',
      knownAtMs: created,
      elapsedSeconds: 0,
    });
  });
});

describe('ticketSla on business time', () => {
  // Created Friday 2026-11-06 17:00 GMT.
  // Response deadline, 4 h: Fri 17:00–17:30 (0.5 h) + Mon 9 Nov 09:00–12:30 (3.5 h) → Mon 12:30.
  // Resolution deadline, 17 h: Fri 0.5 h + Mon 8.5 h + Tue 10 Nov 09:00–17:00 (8 h) → Tue 17:00.
  const ticket = deepFreeze({
    createdMs: utc(2026, 10, 6, 17),
    firstResponseMs: utc(2026, 10, 9, 9, 15),
    resolvedMs: utc(2026, 10, 11, 10),
  });

  it('response met, resolution breached (created Friday 17:00, weekend skipped)', () => {
    expect(ticketSla(ticket, p2, p2Clock, utc(2026, 11, 1))).toEqual({
      // Fri 0.5 h + Mon 09:00–09:15 = 0.75 h = 2700 s.
      response: { deadlineMs: utc(2026, 10, 9, 12, 30), outcome: 'met', knownAtMs: utc(2026, 10, 9, 9, 15), elapsedSeconds: 2700 },
      // Fri 0.5 + Mon 8.5 + Tue 8.5 + Wed 09:00–10:00 1 = 18.5 h = 66600 s.
      resolution: { deadlineMs: utc(2026, 10, 10, 17), outcome: 'breached', knownAtMs: utc(2026, 10, 10, 17), elapsedSeconds: 66_600 },
    });
  });

  it('as of Tuesday noon the resolution is still pending', () => {
    expect(ticketSla(ticket, p2, p2Clock, utc(2026, 10, 10, 12)).resolution).toEqual({
      deadlineMs: utc(2026, 10, 10, 17),
      outcome: 'pending',
      knownAtMs: null,
      elapsedSeconds: null,
    });
  });

  it('as of Monday 09:00, before the response, both are pending', () => {
    const r = ticketSla(ticket, p2, p2Clock, utc(2026, 10, 9, 9));
    expect([r.response.outcome, r.resolution.outcome]).toEqual(['pending', 'pending']);
  });

  it('holiday eve: created 24 Dec 16:00, response due 29 Dec 11:30', () => {
    // Thu 24 Dec 16:00–17:30 (1.5 h); 25 Dec holiday; weekend; 28 Dec holiday; Tue 29 Dec 09:00 + 2.5 h = 11:30.
    // Responded 29 Dec 11:00: 1.5 h + 2 h = 3.5 h = 12600 s.
    const r = ticketSla(
      { createdMs: utc(2026, 11, 24, 16), firstResponseMs: utc(2026, 11, 29, 11), resolvedMs: null },
      p2,
      p2Clock,
      utc(2027, 0, 1),
    );
    expect(r.response).toEqual({
      deadlineMs: utc(2026, 11, 29, 11, 30),
      outcome: 'met',
      knownAtMs: utc(2026, 11, 29, 11),
      elapsedSeconds: 12_600,
    });
  });

  it('make-up Saturday in Shanghai: the clock runs on 2026-10-10', () => {
    const cnLevel = level({ id: 'p2-cn', clock: 'business', calendar: 'cn' });
    // Created Sat 10 Oct 11:00 CST (03:00 UTC): 11:00–12:00 (1 h) + 13:00–16:00 (3 h) → 16:00 CST = 08:00 UTC.
    // No response by Monday: breached, known at the deadline.
    const r = ticketSla(
      { createdMs: utc(2026, 9, 10, 3), firstResponseMs: null, resolvedMs: null },
      cnLevel,
      slaClock(cnLevel.clock),
      utc(2026, 9, 12),
    );
    expect(r.response).toEqual({
      deadlineMs: utc(2026, 9, 10, 8),
      outcome: 'breached',
      knownAtMs: utc(2026, 9, 10, 8),
      elapsedSeconds: null,
    });
  });

  it('24×7 across the 25-hour day: a 1d target ends 24 h of real time later', () => {
    const daily = level({ id: 'p3', response: '1d', resolution: '2d' });
    // Created 25 Oct 00:00 BST (24 Oct 23:00 UTC): +24 h = 25 Oct 23:00 UTC, which is 23:00 GMT, before local midnight.
    const r = ticketSla(
      { createdMs: utc(2026, 9, 24, 23), firstResponseMs: null, resolvedMs: null },
      daily,
      slaClock(daily.clock),
      utc(2026, 10, 1),
    );
    expect(r.response.deadlineMs).toBe(utc(2026, 9, 25, 23));
    expect(r.resolution.deadlineMs).toBe(utc(2026, 9, 26, 23));
  });
});

describe('level targets', () => {
  it('come from the config resolver in seconds (30m → 1800, 1d → 86400, 1h30m → 5400, 2d → 172800)', () => {
    expect(level({ response: '30m', resolution: '1d' })).toMatchObject({ responseSeconds: 1800, resolutionSeconds: 86_400 });
    expect(level({ response: '1h30m', resolution: '2d' })).toMatchObject({ responseSeconds: 5400, resolutionSeconds: 172_800 });
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: utc(2026, 9, 1), max: utc(2027, 0, 31) });
  const clock = fc.constantFrom(clock24x7, p2Clock);
  const target = fc.integer({ min: 60, max: 40 * H });

  it('outcome rules: known iff before asOf; met ⇒ event ≤ deadline; breached ⇒ deadline < asOf', () => {
    assertProperty(
      fc.property(clock, instant, fc.option(instant), target, instant, (c, created, event, seconds, asOf) => {
        const r = slaTargetOutcome(created, event, seconds, c, asOf);
        expect(r.deadlineMs).toBeGreaterThanOrEqual(created);
        if (r.outcome === 'pending') expect(r.knownAtMs).toBeNull();
        else expect(r.knownAtMs).toBeLessThan(asOf);
        if (r.outcome === 'met') expect(Math.max(event as number, created)).toBeLessThanOrEqual(r.deadlineMs);
        if (r.outcome === 'breached') expect(r.knownAtMs).toBe(r.deadlineMs);
        expect(r.elapsedSeconds === null).toBe(event === null || Math.max(event, created) >= asOf);
      }),
      { numRuns: 500 },
    );
  });

  it('once known, an outcome never changes with a later asOf', () => {
    assertProperty(
      fc.property(clock, instant, fc.option(instant), target, instant, instant, (c, created, event, seconds, x, y) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        const a = slaTargetOutcome(created, event, seconds, c, early);
        const b = slaTargetOutcome(created, event, seconds, c, late);
        if (a.outcome !== 'pending') expect([b.outcome, b.knownAtMs]).toEqual([a.outcome, a.knownAtMs]);
        else if (b.knownAtMs !== null) expect(b.knownAtMs).toBeGreaterThanOrEqual(early);
      }),
      { numRuns: 500 },
    );
  });
});
