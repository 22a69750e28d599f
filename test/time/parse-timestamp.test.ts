import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, type TimestampOptions } from '../../src/lib/time/parse-timestamp.ts';
import { resolveLocal, zonedParts } from '../../src/lib/time/zoned-time.ts';
import { reasonText } from '../../src/lib/util/reason.ts';
import { assertProperty } from '../helpers/property.ts';

const UTC: TimestampOptions = Object.freeze({ timeZone: 'UTC', dateOrder: 'ymd', ambiguous: 'reject', epochUnit: 'auto' });
const LONDON: TimestampOptions = Object.freeze({ ...UTC, timeZone: 'Europe/London' });
const SHANGHAI: TimestampOptions = Object.freeze({ ...UTC, timeZone: 'Asia/Shanghai' });

/** The instant as an ISO string, or the failure, so a mismatch shows both readably. */
function iso(text: string, opts: TimestampOptions = UTC): string | { reason: string; empty: boolean } {
  const r = parseTimestamp(text, opts);
  return r.ok ? new Date(r.ms).toISOString() : { reason: reasonText(r.reason), empty: r.empty };
}

function reason(text: string, opts: TimestampOptions = UTC): string {
  const r = parseTimestamp(text, opts);
  if (r.ok) throw new Error(`expected "${text}" to be rejected, got ${new Date(r.ms).toISOString()}`);
  return reasonText(r.reason);
}

describe('parseTimestamp: ISO 8601', () => {
  // Expected instants worked by hand: local time minus the offset.
  it.each([
    ['2026-11-03T08:15:00+08:00', '2026-11-03T00:15:00.000Z'],
    ['2026-11-03T08:15:00.123Z', '2026-11-03T08:15:00.123Z'],
    ['2026-11-03T08:15:00z', '2026-11-03T08:15:00.000Z'],
    ['2026-11-03T08:15:00.1Z', '2026-11-03T08:15:00.100Z'],
    ['2026-11-03T08:15:00.12Z', '2026-11-03T08:15:00.120Z'],
    // Digits past milliseconds are truncated, never rounded into the next second.
    ['2026-11-03T08:15:59.999999Z', '2026-11-03T08:15:59.999Z'],
    ['2026-11-03T08:15:00,5Z', '2026-11-03T08:15:00.500Z'],
    ['2026-11-03T08:15+0800', '2026-11-03T00:15:00.000Z'],
    ['2026-11-03T08:15:00+08', '2026-11-03T00:15:00.000Z'],
    ['2026-11-03T08:15:00-05:00', '2026-11-03T13:15:00.000Z'],
    ['2026-11-03T08:15:00+05:45', '2026-11-03T02:30:00.000Z'],
    ['2026-11-03 08:15:00 +08:00', '2026-11-03T00:15:00.000Z'],
    ['2026-11-03 08:15:00 UTC', '2026-11-03T08:15:00.000Z'],
    ['2026-11-03 08:15:00Z', '2026-11-03T08:15:00.000Z'],
    ['2026-11-03 08:15', '2026-11-03T08:15:00.000Z'],
    ['2026-11-03 08:15:00', '2026-11-03T08:15:00.000Z'],
    ['2026-11-03T08:15', '2026-11-03T08:15:00.000Z'],
    ['2026-11-03', '2026-11-03T00:00:00.000Z'],
    ['  2026-11-03 08:15  ', '2026-11-03T08:15:00.000Z'],
    ['2028-02-29 12:00', '2028-02-29T12:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31 23:59:59', '2026-12-31T23:59:59.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads a naive time in the source zone', () => {
    expect(iso('2026-11-03 08:15', SHANGHAI)).toBe('2026-11-03T00:15:00.000Z');
    expect(iso('2026-11-03', SHANGHAI)).toBe('2026-11-02T16:00:00.000Z');
    expect(iso('2026-07-01 09:00', LONDON)).toBe('2026-07-01T08:00:00.000Z'); // BST, +01:00
    expect(iso('2026-12-01 09:00', LONDON)).toBe('2026-12-01T09:00:00.000Z'); // GMT
  });

  it('ignores the source zone when the text has an offset', () => {
    expect(iso('2026-11-03T08:15:00Z', SHANGHAI)).toBe('2026-11-03T08:15:00.000Z');
    expect(iso('2026-11-03T08:15:00+08:00', LONDON)).toBe('2026-11-03T00:15:00.000Z');
  });
});

describe('parseTimestamp: the common form YYYY-MM-DD HH:MM:SS, read at fixed positions', () => {
  // Hand-worked: London is GMT+1 (BST) on 1 Oct 2026 and GMT on 3 Nov; Shanghai is always +8.
  it.each([
    ['2026-10-01 08:00:00', UTC, '2026-10-01T08:00:00.000Z'],
    ['2026-10-01T08:00:00', UTC, '2026-10-01T08:00:00.000Z'],
    ['2026-10-01 08:00:00Z', LONDON, '2026-10-01T08:00:00.000Z'],
    ['2026-10-01 08:00:00', LONDON, '2026-10-01T07:00:00.000Z'],
    ['2026-11-03 08:00:00', LONDON, '2026-11-03T08:00:00.000Z'],
    ['2026-11-03 08:00:00', SHANGHAI, '2026-11-03T00:00:00.000Z'],
    // Day 29 to 31 pass the exact calendar check of the general reading.
    ['2026-10-31 23:59:59', UTC, '2026-10-31T23:59:59.000Z'],
    ['2024-02-29 12:00:00', UTC, '2024-02-29T12:00:00.000Z'],
  ])('%s (%s)', (text, opts, expected) => {
    expect(iso(text, opts)).toBe(expected);
  });

  it('leaves the DST hours and impossible fields to the general reading', () => {
    expect(reason('2026-03-29 01:30:00', LONDON)).toContain('does not exist in Europe/London');
    expect(reason('2026-10-25 01:30:00', LONDON)).toContain('is ambiguous');
    expect(reason('2026-02-29 12:00:00')).toContain('February 2026 has 28 days');
    expect(reason('2026-10-01 24:00:00')).toContain('24:00 is not a time of day');
    expect(reason('0999-10-01 08:00:00')).toContain('year 999');
  });

  it('reads every such text as the general reading does (which a leading space sends it to)', () => {
    const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 990, max: 2100 }).map((y) => String(y).padStart(4, '0')),
        two(0, 13),
        two(0, 32),
        fc.constantFrom(' ', 'T'),
        two(0, 24),
        two(0, 60),
        two(0, 60),
        fc.constantFrom('', 'Z', 'z'),
      )
      .map(([y, mo, d, sep, h, mi, se, z]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${se}${z}`);
    assertProperty(
      fc.property(text, fc.constantFrom(UTC, LONDON, SHANGHAI), (t, opts) => {
        expect(parseTimestamp(t, opts)).toEqual(parseTimestamp(` ${t}`, opts));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseTimestamp: spreadsheet forms', () => {
  const DMY: TimestampOptions = { ...UTC, dateOrder: 'dmy' };
  const MDY: TimestampOptions = { ...UTC, dateOrder: 'mdy' };

  it.each([
    ['2026/11/03 8:15', UTC, '2026-11-03T08:15:00.000Z'],
    ['2026/11/3 08:15:30', UTC, '2026-11-03T08:15:30.000Z'],
    ['2026-11-3 8:05', UTC, '2026-11-03T08:05:00.000Z'],
    ['2026/11/03', UTC, '2026-11-03T00:00:00.000Z'],
    ['11/03/2026 08:15', MDY, '2026-11-03T08:15:00.000Z'],
    ['3/11/2026 8:15', DMY, '2026-11-03T08:15:00.000Z'],
    ['03-11-2026 08:15', DMY, '2026-11-03T08:15:00.000Z'],
    ['03.11.2026 08:15', DMY, '2026-11-03T08:15:00.000Z'],
    ['03.11.26 08:15', DMY, '2026-11-03T08:15:00.000Z'],
    // Two-digit years are 20yy: exports with them are recent.
    ['9/8/18 15:29', DMY, '2018-08-09T15:29:00.000Z'],
    ['9/8/18 15:29', MDY, '2018-09-08T15:29:00.000Z'],
    // Year-first dates are unambiguous whatever dateOrder says.
    ['2026-11-03 08:15', DMY, '2026-11-03T08:15:00.000Z'],
    ['2026/11/03 08:15', MDY, '2026-11-03T08:15:00.000Z'],
  ])('%s (%o) → %s', (text, opts, expected) => {
    expect(iso(text, opts)).toBe(expected);
  });

  it.each([
    ['11/03/2026 08:15:00 PM', '2026-11-03T20:15:00.000Z'],
    ['11/03/2026 08:15:00 AM', '2026-11-03T08:15:00.000Z'],
    ['11/03/2026 8:15 pm', '2026-11-03T20:15:00.000Z'],
    ['11/03/2026 08:15PM', '2026-11-03T20:15:00.000Z'],
    // 12 AM is midnight, 12 PM noon.
    ['11/03/2026 12:05 AM', '2026-11-03T00:05:00.000Z'],
    ['11/03/2026 12:30 PM', '2026-11-03T12:30:00.000Z'],
    ['11/03/2026 12:00:00 AM', '2026-11-03T00:00:00.000Z'],
    ['11/03/2026 11:59:59 PM', '2026-11-03T23:59:59.000Z'],
  ])('12-hour clock %s → %s', (text, expected) => {
    expect(iso(text, MDY)).toBe(expected);
  });

  it('rejects hours a 12-hour clock does not have', () => {
    expect(reason('11/03/2026 13:00 PM', MDY)).toBe('"11/03/2026 13:00 PM" has hour 13 with PM; a 12-hour clock runs 1–12');
    expect(reason('11/03/2026 00:30 AM', MDY)).toBe('"11/03/2026 00:30 AM" has hour 0 with AM; a 12-hour clock runs 1–12');
  });

  it('rejects day- or month-first dates under the default ymd order, saying which setting fixes it', () => {
    expect(reason('11/03/2026 08:15')).toBe(
      'expected a date like 2026-11-03 08:15, got "11/03/2026 08:15"; for day- or month-first dates set dateOrder: dmy or mdy',
    );
  });

  it('rejects dotted dates unless day-first, and two-digit years in dash forms', () => {
    expect(reason('03.11.2026 08:15', MDY)).toBe('expected a date like 2026-11-03 08:15 or 11/03/2026 08:15, got "03.11.2026 08:15"');
    expect(reason('2026.11.03')).toMatch(/^expected a date like/);
    expect(reason('03-11-26 08:15', DMY)).toMatch(/^expected a date like/);
  });

  it('rejects impossible slash dates with the calendar fact', () => {
    expect(reason('31/02/2026', DMY)).toBe('"31/02/2026" is not a real date: February 2026 has 28 days');
    expect(reason('02/31/2026 10:00', MDY)).toBe('"02/31/2026 10:00" is not a real date: February 2026 has 28 days');
    expect(reason('31/02/2026')).toBe(
      'expected a date like 2026-11-03 08:15, got "31/02/2026"; for day- or month-first dates set dateOrder: dmy or mdy',
    );
  });
});

describe('parseTimestamp: DST in Europe/London', () => {
  it('rejects a time in the skipped hour by default', () => {
    expect(reason('2026-03-29 01:30', LONDON)).toBe(
      '"2026-03-29 01:30" does not exist in Europe/London (clocks go forward); set ambiguous: earlier or later to read it',
    );
    expect(reason('2026-03-29 01:00', LONDON)).toMatch(/does not exist/);
  });

  // Issue #13: before, a time in the gap was rejected even under ambiguous: earlier or later.
  it('reads a time in the skipped hour as Temporal does when the source says earlier or later', () => {
    // 01:30 does not exist; earlier = 00:30 GMT (moved back by the gap), later = 02:30 BST.
    expect(iso('2026-03-29 01:30', { ...LONDON, ambiguous: 'earlier' })).toBe('2026-03-29T00:30:00.000Z');
    expect(iso('2026-03-29 01:30', { ...LONDON, ambiguous: 'later' })).toBe('2026-03-29T01:30:00.000Z');
    const ny = { ...LONDON, timeZone: 'America/New_York' };
    // 02:30 EST/EDT gap: earlier = 01:30 EST = 06:30Z, later = 03:30 EDT = 07:30Z.
    expect(iso('2026-03-08 02:30', { ...ny, ambiguous: 'earlier' })).toBe('2026-03-08T06:30:00.000Z');
    expect(iso('2026-03-08 02:30', { ...ny, ambiguous: 'later' })).toBe('2026-03-08T07:30:00.000Z');
  });

  it('reads the minutes either side of the gap', () => {
    expect(iso('2026-03-29 00:59:59', LONDON)).toBe('2026-03-29T00:59:59.000Z');
    expect(iso('2026-03-29 02:00', LONDON)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('rejects a time in the repeated hour unless told which one', () => {
    expect(reason('2026-10-25 01:30', LONDON)).toBe(
      '"2026-10-25 01:30" is ambiguous in Europe/London (repeated hour when clocks go back); set ambiguous: earlier or later',
    );
    // earlier = still BST (+01:00), later = GMT.
    expect(iso('2026-10-25 01:30', { ...LONDON, ambiguous: 'earlier' })).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-10-25 01:30', { ...LONDON, ambiguous: 'later' })).toBe('2026-10-25T01:30:00.000Z');
  });

  it('reads an offset-bearing time in the repeated hour without asking', () => {
    expect(iso('2026-10-25T01:30:00+01:00', LONDON)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-10-25T01:30:00Z', LONDON)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('agrees with resolveLocal minute by minute across both change days (the per-hour cache is exact)', () => {
    for (const date of ['2026-03-28', '2026-03-29', '2026-10-25', '2026-10-26']) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      for (let minute = 0; minute < 24 * 60; minute += 1) {
        const hour = Math.floor(minute / 60);
        const min = minute % 60;
        const text = `${date} ${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
        const want = resolveLocal({ year: y, month: m, day: d, hour, minute: min, second: 0, millisecond: 0 }, 'Europe/London');
        const got = parseTimestamp(text, { ...LONDON, ambiguous: 'later' });
        expect(got).toEqual({ ok: true, ms: want.kind === 'ok' ? want.ms : want.laterMs });
      }
    }
  });
});

describe('parseTimestamp: round trip through wall-clock time', () => {
  // Zones with a DST gap, a 30-minute DST shift, a 45-minute offset and a southern-hemisphere DST.
  const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago'];

  it('reads back every instant from its local wall time (one of earlier/later when repeated)', () => {
    assertProperty(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }),
        fc.constantFrom(...zones),
        (seconds, zone) => {
          const ms = seconds * 1000;
          const p = zonedParts(ms, zone);
          const pad = (v: number) => String(v).padStart(2, '0');
          const text = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
          const opts: TimestampOptions = { ...UTC, timeZone: zone };
          const earlier = parseTimestamp(text, { ...opts, ambiguous: 'earlier' });
          const later = parseTimestamp(text, { ...opts, ambiguous: 'later' });
          expect(earlier.ok && later.ok).toBe(true);
          expect([earlier.ok && earlier.ms, later.ok && later.ms]).toContain(ms);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads back every instant from its ISO string', () => {
    assertProperty(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2199, 11, 31, 23, 59, 59, 999) }), (ms) => {
        expect(parseTimestamp(new Date(ms).toISOString(), UTC)).toEqual({ ok: true, ms });
      }),
    );
  });
});

describe('parseTimestamp: epoch numbers', () => {
  it('reads 9–10 digits as seconds and 12–13 as milliseconds', () => {
    expect(iso('999999999')).toBe('2001-09-09T01:46:39.000Z');
    expect(iso('100000000000')).toBe('1973-03-03T09:46:40.000Z');
    expect(iso('1762157700')).toBe('2025-11-03T08:15:00.000Z');
    expect(iso('1762157700123')).toBe('2025-11-03T08:15:00.123Z');
  });

  // Issue #13: before, the 11-digit typo read as seconds in year 2537 (and '0' as 1970); each
  // such row then stretched the review over hundreds of empty periods.
  it('never guesses a unit for other digit counts', () => {
    expect(reason('17621577001')).toBe(
      '"17621577001" has 11 digits; epoch timestamps have 10 (seconds) or 13 (milliseconds); set epochUnit to read other lengths',
    );
    expect(reason('99999999999')).toMatch(/has 11 digits/);
    expect(reason('17621577001234')).toMatch(/has 14 digits.*epochUnit/);
    expect(reason('0')).toMatch(/has 1 digits.*excel-serial/);
  });

  // Issue #13: before, '46308.3333' (a spreadsheet serial) read as seconds after 1970 and
  // fractional epochs were rounded silently.
  it('rejects fractions and spreadsheet serials unless the source names the unit', () => {
    expect(reason('46308.3333')).toMatch(/^"46308.3333" is a fractional number.*epochUnit: excel-serial$/);
    expect(reason('1762157700.5')).toMatch(/is a fractional number/);
    expect(iso('1762157700.5', { ...UTC, epochUnit: 's' })).toBe('2025-11-03T08:15:00.500Z');
    expect(iso('1762157700.1234', { ...UTC, epochUnit: 's' })).toBe('2025-11-03T08:15:00.123Z');
    expect(iso('1762157700123.6', { ...UTC, epochUnit: 'ms' })).toBe('2025-11-03T08:15:00.124Z');
  });

  it('reads spreadsheet serial dates in the source zone under epochUnit: excel-serial', () => {
    expect(iso('46308.3333333333', { ...UTC, epochUnit: 'excel-serial' })).toBe('2026-10-13T08:00:00.000Z');
    expect(iso('46308', { ...SHANGHAI, epochUnit: 'excel-serial' })).toBe('2026-10-12T16:00:00.000Z');
    expect(reason('4630800', { ...UTC, epochUnit: 'excel-serial' })).toMatch(/out of range/);
  });

  it('follows a configured unit within the sane range of years', () => {
    expect(iso('1762157700123', { ...UTC, epochUnit: 'ms' })).toBe('2025-11-03T08:15:00.123Z');
    expect(iso('1762157700', { ...UTC, epochUnit: 'ms' })).toBe('1970-01-21T09:29:17.700Z');
    expect(reason('100000000000', { ...UTC, epochUnit: 's' })).toBe(
      '"100000000000" read as epoch seconds is out of range: year 5138 (expected 1970–2199); check epochUnit',
    );
    expect(reason('1762157700123', { ...UTC, epochUnit: 's' })).toMatch(/out of range: year 57810/);
  });

  it('is not confused by the source zone', () => {
    expect(iso('1762157700', SHANGHAI)).toBe('2025-11-03T08:15:00.000Z');
  });

  it('rejects signs, exponents and separators', () => {
    for (const t of ['-1762157700', '+1762157700', '1.7e9', '1 762 157 700', '1762157700.', '.5'])
      expect(reason(t)).toMatch(/^expected a date like/);
  });
});

describe('parseTimestamp: rejects', () => {
  it.each([
    ['2026-02-29', '"2026-02-29" is not a real date: February 2026 has 28 days'],
    ['2026-09-31 10:00', '"2026-09-31 10:00" is not a real date: September 2026 has 30 days'],
    ['2026-13-01', '"2026-13-01" is not a real date: there is no month 13'],
    ['2026-00-10', '"2026-00-10" is not a real date: there is no month 0'],
    ['2026-11-00', '"2026-11-00" is not a real date: November 2026 has 30 days'],
    ['2026-11-03 25:00', '"2026-11-03 25:00" is not a real time: there is no hour 25'],
    ['2026-11-03 24:00', '"2026-11-03 24:00" is not a real time: 24:00 is not a time of day, write 00:00 of the next day'],
    ['2026-11-03 08:60', '"2026-11-03 08:60" is not a real time: there is no minute 60'],
    ['2026-11-03 08:15:60', '"2026-11-03 08:15:60" is not a real time: there is no second 60'],
    ['0001-01-01 00:00', '"0001-01-01 00:00" is out of range: year 1 (expected 1970–2199)'],
    // Issue #13: before, years 1000–9999 were all accepted and one typo stretched the review.
    ['2537-01-01 00:00', '"2537-01-01 00:00" is out of range: year 2537 (expected 1970–2199)'],
    ['1969-12-31 23:59:59', '"1969-12-31 23:59:59" is out of range: year 1969 (expected 1970–2199)'],
    ['2026-11-03T08:15:00+19:00', '"2026-11-03T08:15:00+19:00" has an impossible UTC offset'],
    ['2026-11-03T08:15:00+08:60', '"2026-11-03T08:15:00+08:60" has an impossible UTC offset'],
    ['31/02/2026', 'expected a date like 2026-11-03 08:15, got "31/02/2026"; for day- or month-first dates set dateOrder: dmy or mdy'],
  ])('%s', (text, expected) => {
    expect(reason(text, UTC)).toBe(expected);
  });

  it.each([
    '2026-11-03x',
    '2026-11-03 08:15 extra',
    '2026-11-03T',
    '2026-11-03T08',
    '2026-11-03 8:5',
    '2026-11-03 08:15:5',
    '2026-11-03T08:15:00.Z',
    '2026-11-03T08:15:00+8',
    '2026-11-03T08:15:00+08:',
    '2026-11-03Z',
    '2026-11/03',
    '26-11-03',
    '20261-11-03',
    'yesterday',
    'NaN',
    '2026-11-03T08:15:00 EST',
  ])('rejects %j as not a date', (text) => {
    expect(reason(text)).toBe(`expected a date like 2026-11-03 08:15, got "${text}"`);
  });

  it('marks an empty cell so optional fields can accept it', () => {
    expect(iso('', UTC)).toEqual({ empty: true, reason: 'the value is empty' });
    expect(iso('  \t', UTC)).toEqual({ empty: true, reason: 'the value is empty' });
    expect(parseTimestamp('x', UTC)).toMatchObject({ ok: false, empty: false });
  });

  // Clipped as the reject's value column is (src/lib/util/clip-value.ts: 77 characters and "…"), so the reason contains the value shown.
  it('clips a long value in the reason', () => {
    const r = reason(`2026-11-03 ${'x'.repeat(200)}`);
    expect(r).toBe(`expected a date like 2026-11-03 08:15, got "2026-11-03 ${'x'.repeat(66)}…"`);
  });

  it('names the accepted forms of the configured order', () => {
    expect(reason('x', { ...UTC, dateOrder: 'dmy' })).toBe('expected a date like 2026-11-03 08:15 or 03/11/2026 08:15, got "x"');
    expect(reason('x', { ...UTC, dateOrder: 'mdy' })).toBe('expected a date like 2026-11-03 08:15 or 11/03/2026 08:15, got "x"');
  });
});

describe('month names (Jira and spreadsheet exports)', () => {
  const o = { timeZone: 'UTC', dateOrder: 'ymd' as const, ambiguous: 'reject' as const, epochUnit: 'auto' as const };
  it('reads day-first dates with an English month, whatever dateOrder says', () => {
    // Jira's default "dd/MMM/yy h:mm a": 02/Nov/26 9:12 AM = 2026-11-02T09:12Z in UTC
    expect(parseTimestamp('02/Nov/26 9:12 AM', o)).toEqual({ ok: true, ms: Date.UTC(2026, 10, 2, 9, 12) });
    expect(parseTimestamp('02/Nov/26 9:12 PM', { ...o, dateOrder: 'mdy' })).toEqual({ ok: true, ms: Date.UTC(2026, 10, 2, 21, 12) });
    expect(parseTimestamp('2-Nov-2026', o)).toEqual({ ok: true, ms: Date.UTC(2026, 10, 2) });
    expect(parseTimestamp('2 November 2026 08:15', o)).toEqual({ ok: true, ms: Date.UTC(2026, 10, 2, 8, 15) });
    expect(parseTimestamp('29/Sept/2026 23:59', o)).toEqual({ ok: true, ms: Date.UTC(2026, 8, 29, 23, 59) });
  });
  it('rejects impossible or unknown ones', () => {
    expect(reason('29/Feb/26 10:00', o)).toBe('"29/Feb/26 10:00" is not a real date: February 2026 has 28 days');
    expect(parseTimestamp('02/Noz/26 9:12', o)).toMatchObject({ ok: false });
    expect(parseTimestamp('2026 Nov 02', o)).toMatchObject({ ok: false });
    expect(parseTimestamp('12 34', o)).toMatchObject({ ok: false });
  });
});
