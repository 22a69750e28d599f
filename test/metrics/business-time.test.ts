import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMs,
  addBusinessSeconds,
  businessMsBetween,
  businessSecondsBetween,
  clock24x7,
  clockCache,
  compileCalendar,
  slaClock,
} from '../../src/lib/metrics/index.ts';
import { formatDate, nextDate, startOfLocalDay } from '../../src/lib/time/zoned-time.ts';
import { assertProperty } from '../helpers/property.ts';
import { CN_CALENDAR, calendarRules, UK_CALENDAR } from '../helpers/rules.ts';

const H = 3600;
const utc = Date.UTC;

const calendar = calendarRules;

const officeDay: [string, string][] = [['09:00', '17:30']];
const allDay: [string, string][] = [['00:00', '24:00']];

/** London office: Mon–Fri 09:00–17:30, Christmas 2026 holidays (25 Dec Fri, 28 Dec Mon substitute for Boxing Day). */
const ukRules = calendar(UK_CALENDAR);
const uk = compileCalendar(ukRules);

/** Shanghai office with lunch break; golden-week holidays and a make-up Saturday, 2026-10-10. */
const cn = compileCalendar(calendar(CN_CALENDAR));

/** Every hour of every day, in London: business time equals real elapsed time. */
const always = compileCalendar(
  calendar({
    id: 'always',
    timeZone: 'Europe/London',
    weeklyHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  }),
);

/** London, Mon–Sun 09:00–17:30 (a Sunday-working calendar for the DST Sundays). */
const sevenDays = compileCalendar(
  calendar({
    id: 'seven',
    timeZone: 'Europe/London',
    weeklyHours: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay, sat: officeDay, sun: officeDay },
  }),
);

describe('compileCalendar', () => {
  it('places wall-clock hours at the right instants in winter and summer', () => {
    // 2026-11-02 is a Monday in GMT (UTC+0); 2026-10-23 a Friday in BST (UTC+1).
    expect(uk.intervalsOn('2026-11-02')).toEqual([[utc(2026, 10, 2, 9), utc(2026, 10, 2, 17, 30)]]);
    expect(uk.intervalsOn('2026-10-23')).toEqual([[utc(2026, 9, 23, 8), utc(2026, 9, 23, 16, 30)]]);
  });

  it('has no hours on weekends and holidays', () => {
    expect(uk.intervalsOn('2026-11-07')).toEqual([]); // Saturday
    expect(uk.intervalsOn('2026-12-25')).toEqual([]); // holiday, a Friday
  });

  it('gives a make-up Saturday the hours of Monday (extraDayHoursFrom default), lunch break included', () => {
    // Asia/Shanghai is UTC+8: 09:00 → 01:00 UTC, 12:00 → 04:00, 13:00 → 05:00, 18:00 → 10:00.
    expect(cn.intervalsOn('2026-10-10')).toEqual([
      [utc(2026, 9, 10, 1), utc(2026, 9, 10, 4)],
      [utc(2026, 9, 10, 5), utc(2026, 9, 10, 10)],
    ]);
    expect(cn.intervalsOn('2026-10-17')).toEqual([]); // an ordinary Saturday
  });

  it('uses extraDayHoursFrom for make-up days', () => {
    const shortFriday = compileCalendar(
      calendar({
        id: 'short-friday',
        timeZone: 'UTC',
        weeklyHours: { mon: officeDay, fri: [['09:00', '12:00']] },
        extraWorkingDays: ['2026-10-10'],
        extraDayHoursFrom: 'fri',
      }),
    );
    expect(shortFriday.intervalsOn('2026-10-10')).toEqual([[utc(2026, 9, 10, 9), utc(2026, 9, 10, 12)]]);
  });

  it('lets a holiday win over the same date listed as a make-up day', () => {
    const both = compileCalendar(
      calendar({
        id: 'both',
        timeZone: 'UTC',
        weeklyHours: { mon: officeDay },
        holidays: ['2026-10-10'],
        extraWorkingDays: ['2026-10-10'],
      }),
    );
    expect(both.intervalsOn('2026-10-10')).toEqual([]);
  });

  it('merges overlapping intervals of a day', () => {
    const overlapping = compileCalendar(
      calendar({
        id: 'overlap',
        timeZone: 'UTC',
        weeklyHours: {
          mon: [
            ['13:00', '15:00'],
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      }),
    );
    expect(overlapping.intervalsOn('2026-11-02')).toEqual([[utc(2026, 10, 2, 9), utc(2026, 10, 2, 15)]]);
  });

  it('refuses a calendar without any hours (the config check reports it first: test/config/load-config.test.ts)', () => {
    expect(() => compileCalendar(calendar({ id: 'none', timeZone: 'UTC', weeklyHours: {} }))).toThrow(
      'calendar "none" needs working hours on at least one weekday',
    );
  });
});

describe('DST days: wall-clock hours, real elapsed time', () => {
  it('October change, London 2026-10-25 (25 h day): 24×7 across the day is 90000 s', () => {
    // 00:00 BST = 2026-10-24 23:00 UTC; next midnight 00:00 GMT = 2026-10-26 00:00 UTC: 25 h = 90000 s.
    expect(always.intervalsOn('2026-10-25')).toEqual([[utc(2026, 9, 24, 23), utc(2026, 9, 26)]]);
    expect(businessSecondsBetween(utc(2026, 9, 24, 23), utc(2026, 9, 26), always)).toBe(90_000);
  });

  it('October change: a 09:00–17:30 Sunday is still 8.5 h, after the change, in GMT', () => {
    // Clocks go back at 02:00 BST (01:00 UTC); 09:00 GMT = 09:00 UTC.
    expect(sevenDays.intervalsOn('2026-10-25')).toEqual([[utc(2026, 9, 25, 9), utc(2026, 9, 25, 17, 30)]]);
    // Saturday 17:00 BST (16:00 UTC) → Monday 10:00 GMT: Sat 0.5 h + Sun 8.5 h + Mon 1 h = 10 h.
    expect(businessSecondsBetween(utc(2026, 9, 24, 16), utc(2026, 9, 26, 10), sevenDays)).toBe(10 * H);
  });

  it('October change: 00:00–12:00 on the 25-hour day lasts 13 h; a repeated wall hour counts twice', () => {
    const cal = compileCalendar(
      calendar({
        id: 'oct-sun',
        timeZone: 'Europe/London',
        weeklyHours: { mon: officeDay, sun: [['00:00', '12:00']] },
      }),
    );
    // 00:00 BST = 24 Oct 23:00 UTC → 12:00 GMT = 25 Oct 12:00 UTC: 13 h.
    expect(businessSecondsBetween(utc(2026, 9, 24, 23), utc(2026, 9, 25, 12), cal)).toBe(13 * H);
    const repeated = compileCalendar(
      calendar({ id: 'one-am', timeZone: 'Europe/London', weeklyHours: { mon: officeDay, sun: [['01:00', '02:00']] } }),
    );
    // 01:00–02:00 happens as 00:00–01:00 UTC (BST) and again as 01:00–02:00 UTC (GMT): 2 h in one piece.
    expect(repeated.intervalsOn('2026-10-25')).toEqual([[utc(2026, 9, 25, 0), utc(2026, 9, 25, 2)]]);
  });

  it('March change, London 2026-03-29 (23 h day)', () => {
    // 00:00 GMT = 00:00 UTC; next midnight 00:00 BST = 29 Mar 23:00 UTC: 23 h = 82800 s.
    expect(businessSecondsBetween(utc(2026, 2, 29), utc(2026, 2, 29, 23), always)).toBe(82_800);
    // 09:00–17:30 BST = 08:00–16:30 UTC, still 8.5 h.
    expect(sevenDays.intervalsOn('2026-03-29')).toEqual([[utc(2026, 2, 29, 8), utc(2026, 2, 29, 16, 30)]]);
    const cal = compileCalendar(
      calendar({
        id: 'mar-sun',
        timeZone: 'Europe/London',
        weeklyHours: { mon: officeDay, sun: [['00:00', '12:00']] },
      }),
    );
    // 00:00 GMT = 00:00 UTC → 12:00 BST = 11:00 UTC: 11 h.
    expect(businessSecondsBetween(utc(2026, 2, 29), utc(2026, 2, 30), cal)).toBe(11 * H);
  });

  it('March change: a wall hour in the gap never happens', () => {
    const gap = compileCalendar(
      calendar({ id: 'gap', timeZone: 'Europe/London', weeklyHours: { mon: officeDay, sun: [['01:00', '02:00']] } }),
    );
    expect(gap.intervalsOn('2026-03-29')).toEqual([]);
    const straddle = compileCalendar(
      calendar({ id: 'straddle', timeZone: 'Europe/London', weeklyHours: { mon: officeDay, sun: [['01:30', '03:00']] } }),
    );
    // At 01:00 GMT the clocks jump to 02:00 BST: wall 01:30–02:00 never occurs, 02:00–03:00 BST (01:00–02:00 UTC) does: 1 h.
    expect(straddle.intervalsOn('2026-03-29')).toEqual([[utc(2026, 2, 29, 1), utc(2026, 2, 29, 2)]]);
  });
});

describe('businessSecondsBetween', () => {
  it('skips the weekend: Friday 17:00 → Monday 09:30 is 1 h', () => {
    // Fri 6 Nov 2026 17:00–17:30 (0.5 h) + Mon 9 Nov 09:00–09:30 (0.5 h) = 3600 s.
    expect(businessSecondsBetween(utc(2026, 10, 6, 17), utc(2026, 10, 9, 9, 30), uk)).toBe(3600);
  });

  it('counts nothing outside hours and is zero for an empty span', () => {
    expect(businessSecondsBetween(utc(2026, 10, 7, 10), utc(2026, 10, 8, 20), uk)).toBe(0); // Sat → Sun
    expect(businessSecondsBetween(utc(2026, 10, 9, 10), utc(2026, 10, 9, 10), uk)).toBe(0);
  });

  it('is negative when the end comes first', () => {
    expect(businessSecondsBetween(utc(2026, 10, 9, 9, 30), utc(2026, 10, 6, 17), uk)).toBe(-3600);
  });

  it('skips holidays: 24 Dec 16:00 → 29 Dec 11:30 is 4 h', () => {
    // Thu 24 Dec 16:00–17:30 (1.5 h); 25 Dec holiday; 26–27 weekend; 28 Dec holiday; Tue 29 Dec 09:00–11:30 (2.5 h).
    expect(businessSecondsBetween(utc(2026, 11, 24, 16), utc(2026, 11, 29, 11, 30), uk)).toBe(4 * H);
  });

  it('counts the lunch break out', () => {
    // Mon 2026-11-02 Shanghai 11:30 (03:30 UTC) → 13:30 (05:30 UTC): 11:30–12:00 + 13:00–13:30 = 1 h.
    expect(businessSecondsBetween(utc(2026, 10, 2, 3, 30), utc(2026, 10, 2, 5, 30), cn)).toBe(H);
  });

  it('counts the make-up Saturday and skips the golden-week holidays', () => {
    // From Wed 30 Sep 17:00 CST to Fri 9 Oct 10:00 CST: 30 Sep 17–18 (1 h); 1–2 Oct holidays; 3–4 weekend;
    // 5–7 holidays; Thu 8 Oct 8 h; Fri 9 Oct 09–10 (1 h) = 10 h.
    expect(businessSecondsBetween(utc(2026, 8, 30, 9), utc(2026, 9, 9, 2), cn)).toBe(10 * H);
    // The make-up Saturday 10 Oct is a full 8 h day: Fri 9 Oct 18:00 CST → Mon 12 Oct 09:00 CST = 8 h.
    expect(businessSecondsBetween(utc(2026, 9, 9, 10), utc(2026, 9, 12, 1), cn)).toBe(8 * H);
  });

  it('handles the leap day 2028-02-29 (a Tuesday) as an ordinary working day', () => {
    // Mon 28 Feb 00:00 → Wed 1 Mar 00:00 (GMT): two 8.5 h days = 61200 s.
    expect(businessSecondsBetween(utc(2028, 1, 28), utc(2028, 2, 1), uk)).toBe(61_200);
    expect(businessSecondsBetween(utc(2028, 1, 29), utc(2028, 1, 29, 23, 59, 59), uk)).toBe(8.5 * H);
  });

  it('is exact over a year: 52 weeks of 5 × 8.5 h', () => {
    const noHolidays = compileCalendar(
      calendar({
        id: 'uk-plain',
        timeZone: 'Europe/London',
        weeklyHours: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay },
      }),
    );
    // Mon 4 Jan 2027 00:00 GMT → Mon 3 Jan 2028 00:00 GMT = 364 days = 52 weeks; 52 × 42.5 h = 2210 h.
    expect(businessSecondsBetween(utc(2027, 0, 4), utc(2028, 0, 3), noHolidays)).toBe(2210 * H);
  });

  it('truncates sub-second remainders toward zero; businessMsBetween is exact', () => {
    expect(businessMsBetween(utc(2026, 10, 9, 9), utc(2026, 10, 9, 9, 0, 1, 999), uk)).toBe(1999);
    expect(businessSecondsBetween(utc(2026, 10, 9, 9), utc(2026, 10, 9, 9, 0, 1, 999), uk)).toBe(1);
    expect(businessSecondsBetween(utc(2026, 10, 9, 9, 0, 1, 999), utc(2026, 10, 9, 9), uk)).toBe(-1);
  });

  it('gives the same answers whatever order the cache was filled in', () => {
    const fresh = () =>
      compileCalendar(
        calendar({
          id: 'order',
          timeZone: 'Europe/London',
          weeklyHours: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay },
        }),
      );
    const a = fresh();
    // Fill from 2030 backwards to 2020 (growing the cache downwards), then compare with a fresh calendar per query.
    const queries: Array<[number, number]> = [
      [utc(2030, 5, 1), utc(2030, 6, 1)],
      [utc(2020, 0, 1), utc(2020, 3, 1)],
      [utc(2024, 1, 28, 12), utc(2031, 0, 1)],
    ];
    const first = queries.map(([s, e]) => businessSecondsBetween(s, e, a));
    const second = queries.map(([s, e]) => businessSecondsBetween(s, e, fresh()));
    expect(first).toEqual(second);
  });
});

describe('addBusinessSeconds', () => {
  it('starts counting at the next working interval (Friday 17:00, weekend skipped)', () => {
    // 1 h from Fri 6 Nov 17:00: 17:00–17:30 (0.5 h), then Mon 9 Nov 09:00–09:30.
    expect(addBusinessSeconds(utc(2026, 10, 6, 17), H, uk)).toBe(utc(2026, 10, 9, 9, 30));
    // Created Saturday: the clock starts Monday 09:00; 4 h → 13:00.
    expect(addBusinessSeconds(utc(2026, 10, 7, 11), 4 * H, uk)).toBe(utc(2026, 10, 9, 13));
  });

  it('returns the end of an interval when the time runs out exactly there', () => {
    // 30 min from Fri 17:00 ends at Fri 17:30, not Monday 09:00.
    expect(addBusinessSeconds(utc(2026, 10, 6, 17), 1800, uk)).toBe(utc(2026, 10, 6, 17, 30));
  });

  it('returns the start itself for zero seconds, even outside hours', () => {
    expect(addBusinessSeconds(utc(2026, 10, 7, 11), 0, uk)).toBe(utc(2026, 10, 7, 11));
  });

  it('skips Christmas holidays: 24 Dec 16:00 + 4 h = 29 Dec 11:30', () => {
    // 24 Dec 16:00–17:30 = 1.5 h; 25 holiday, 26–27 weekend, 28 holiday; 29 Dec 09:00 + 2.5 h = 11:30 GMT.
    expect(addBusinessSeconds(utc(2026, 11, 24, 16), 4 * H, uk)).toBe(utc(2026, 11, 29, 11, 30));
  });

  it('works through a make-up Saturday with its lunch break', () => {
    // Created Sat 10 Oct 2026 11:00 CST (03:00 UTC), 4 h: 11:00–12:00 (1 h), 13:00–16:00 (3 h) → 16:00 CST = 08:00 UTC.
    expect(addBusinessSeconds(utc(2026, 9, 10, 3), 4 * H, cn)).toBe(utc(2026, 9, 10, 8));
    // The same on an ordinary Saturday (17 Oct) waits for Mon 19 Oct: 09:00–12:00 (3 h), 13:00–14:00 → 14:00 CST = 06:00 UTC.
    expect(addBusinessSeconds(utc(2026, 9, 17, 3), 4 * H, cn)).toBe(utc(2026, 9, 19, 6));
  });

  it('crosses the lunch break', () => {
    // Mon 2 Nov 2026 11:30 CST + 1 h: 11:30–12:00, 13:00–13:30 → 13:30 CST = 05:30 UTC.
    expect(addBusinessSeconds(utc(2026, 10, 2, 3, 30), H, cn)).toBe(utc(2026, 10, 2, 5, 30));
  });

  it('crosses the leap day', () => {
    // Mon 28 Feb 2028 17:00 + 17 h: Mon 0.5 h, Tue 29 Feb 8.5 h, Wed 1 Mar 8 h → 17:00 GMT.
    expect(addBusinessSeconds(utc(2028, 1, 28, 17), 17 * H, uk)).toBe(utc(2028, 2, 1, 17));
  });

  it('uses real elapsed time on the 25-hour day (24×7 calendar)', () => {
    // 24 h from 25 Oct 00:00 BST (24 Oct 23:00 UTC) ends at 23:00 GMT on the 25th, before local midnight.
    expect(addBusinessSeconds(utc(2026, 9, 24, 23), 24 * H, always)).toBe(utc(2026, 9, 25, 23));
  });

  it('finds far deadlines (a year of business time)', () => {
    // 2210 h from Mon 4 Jan 2027 00:00 GMT = 52 weeks of 42.5 h; the last hour ends on Fri 31 Dec 2027 17:30 GMT.
    const noHolidays = compileCalendar(
      calendar({
        id: 'uk-plain-2',
        timeZone: 'Europe/London',
        weeklyHours: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay },
      }),
    );
    expect(addBusinessSeconds(utc(2027, 0, 4), 2210 * H, noHolidays)).toBe(utc(2027, 11, 31, 17, 30));
  });

  it('rejects negative durations', () => {
    expect(() => addBusinessSeconds(0, -1, uk)).toThrow('addBusinessSeconds requires a non-negative duration, got -1');
    expect(() => addBusinessMs(0, Number.NaN, uk)).toThrow('addBusinessMs requires a non-negative duration, got NaN');
  });
});

describe('slaClock', () => {
  it('24×7: plain elapsed time, 90000 s across the 25-hour London day', () => {
    const clock = slaClock({ kind: '24x7' });
    expect(clock).toBe(clock24x7);
    expect(clock.kind).toBe('24x7');
    expect(clock.calendarId).toBeNull();
    expect(clock.elapsedSeconds(utc(2026, 9, 24, 23), utc(2026, 9, 26))).toBe(90_000);
    expect(clock.deadline(utc(2026, 9, 24, 23), 90_000)).toBe(utc(2026, 9, 26));
  });

  it('business: the calendar of the rule', () => {
    const clock = slaClock({ kind: 'business', calendar: ukRules });
    expect(clock.kind).toBe('business');
    expect(clock.calendarId).toBe('uk');
    expect(clock.elapsedSeconds(utc(2026, 10, 6, 17), utc(2026, 10, 9, 9, 30))).toBe(3600);
    expect(clock.deadline(utc(2026, 10, 6, 17), 3600)).toBe(utc(2026, 10, 9, 9, 30));
  });

  it('clockCache makes one clock per calendar (by its rules), so its day table is built once', () => {
    const clockOf = clockCache();
    expect(clockOf({ kind: '24x7' })).toBe(clock24x7);
    const a = clockOf({ kind: 'business', calendar: ukRules });
    // The same rules resolved again (a later month with no change) give the same clock.
    expect(clockOf({ kind: 'business', calendar: calendar(UK_CALENDAR) })).toBe(a);
    expect(clockOf({ kind: 'business', calendar: calendar({ ...UK_CALENDAR, holidays: [] }) })).not.toBe(a);
  });
});

describe('properties', () => {
  // Whole seconds from 2025 to 2029, so DST days, holidays and the leap day are all in range.
  const instant = fc.integer({ min: utc(2025, 0, 1) / 1000, max: utc(2029, 0, 1) / 1000 }).map((s) => s * 1000);
  const cals = [uk, cn, always, sevenDays];
  const cal = fc.constantFrom(...cals);

  it('is additive: (a, c) = (a, b) + (b, c)', () => {
    assertProperty(
      fc.property(cal, instant, instant, instant, (c, x, y, z) => {
        const [a, b, d] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(businessSecondsBetween(a, d, c)).toBe(businessSecondsBetween(a, b, c) + businessSecondsBetween(b, d, c));
      }),
      { numRuns: 500 },
    );
  });

  it('is additive in ms for any instants, in any order', () => {
    const anyMs = fc.integer({ min: utc(2025, 0, 1), max: utc(2029, 0, 1) });
    assertProperty(
      fc.property(cal, anyMs, anyMs, anyMs, (c, a, b, d) => {
        expect(businessMsBetween(a, d, c)).toBe(businessMsBetween(a, b, c) + businessMsBetween(b, d, c));
      }),
      { numRuns: 300 },
    );
  });

  it('never exceeds real elapsed time, and equals it on the 24×7 calendar', () => {
    assertProperty(
      fc.property(cal, instant, instant, (c, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const s = businessSecondsBetween(a, b, c);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual((b - a) / 1000);
        expect(businessSecondsBetween(a, b, always)).toBe((b - a) / 1000);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips: businessSecondsBetween(a, addBusinessSeconds(a, s)) = s, and no earlier instant reaches s', () => {
    assertProperty(
      fc.property(cal, instant, fc.integer({ min: 0, max: 2_000 * H }), (c, a, s) => {
        const deadline = addBusinessSeconds(a, s, c);
        expect(deadline).toBeGreaterThanOrEqual(a);
        expect(businessSecondsBetween(a, deadline, c)).toBe(s);
        if (s > 0) expect(businessMsBetween(a, deadline - 1, c)).toBeLessThan(s * 1000);
      }),
      { numRuns: 500 },
    );
  });

  it('a 00:00–24:00 day is exactly [start of day, start of next day) in zones with midnight and half-hour DST changes', () => {
    const zones = ['Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'America/New_York', 'Asia/Shanghai'];
    const allWeek = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    // Calendars primed at a far date first, so the asked day is reached by growing the cache down or up.
    const primed = zones.map((zone) => {
      const cal = compileCalendar(calendar({ id: 'all', timeZone: zone, weeklyHours: allWeek }));
      cal.intervalsOn('2027-06-15');
      return cal;
    });
    const date = fc
      .record({ y: fc.integer({ min: 2024, max: 2029 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => formatDate(y, m, d));
    assertProperty(
      fc.property(fc.integer({ min: 0, max: zones.length - 1 }), date, (k, day) => {
        const zone = zones[k] as string;
        const expected = [[startOfLocalDay(day, zone), startOfLocalDay(nextDate(day), zone)]];
        expect(primed[k]?.intervalsOn(day)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('deadlines are monotonic in the duration', () => {
    assertProperty(
      fc.property(cal, instant, fc.nat(500 * H), fc.nat(500 * H), (c, a, s1, s2) => {
        const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(addBusinessSeconds(a, lo, c)).toBeLessThanOrEqual(addBusinessSeconds(a, hi, c));
      }),
      { numRuns: 300 },
    );
  });
});
