/**
 * The byte-level cell readers of the checks fast path (src/lib/ingest/byte-cells.ts) against the
 * readers they stand in for: isoTimeFromBytes against parseTimestamp, readNumber against the
 * row mapper's number rule (row-mappers.ts: NUMBER_RE, then Number, then the range 0 …
 * MAX_SAFE_INTEGER). A fast reader may give up (NaN, −1) on anything, since the row mapper then
 * judges the cell; but a value it gives must be exactly the reference's, and the reference must
 * accept that cell.
 *
 * The audit of ingest-bytes found isoTimeFromBytes reading `2026-10-01T 9:05:00Z` as
 * 2026-09-30T23:05Z: a non-digit made its two-digit reader return −1, which passed `hour <= 23`.
 * So the generators here are mostly malformed: every position of a well-formed ISO timestamp
 * replaced by a non-digit, a space, a sign or a multi-byte character, parts deleted or doubled,
 * and fields out of range (hour 24, minute 60, 29 February in 2026 and 2028, offsets past 18 h).
 *
 * Seeded: each property runs under the 50 fixed seeds of test/helpers/property.ts, and a failure
 * names its seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HourCache, isoTimeFromBytes, readNumber } from '../../src/lib/ingest/byte-cells.ts';
import { parseTimestamp, type TimestampOptions } from '../../src/lib/time/parse-timestamp.ts';
import { reasonText } from '../../src/lib/util/reason.ts';
import { applyEdits } from '../helpers/cell-edits.ts';
import { assertProperty } from '../helpers/property.ts';

const OPTS: TimestampOptions = { timeZone: 'UTC', dateOrder: 'ymd', ambiguous: 'reject', epochUnit: 'auto' };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An ISO timestamp with an offset, its fields sometimes out of range. */
const isoCell: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2024, max: 2028 }) }, fc.constantFrom(1969, 1970, 2199, 2200)),
    month: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) }, fc.constantFrom(0, 2, 13)),
    day: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 28 }) }, fc.constantFrom(0, 29, 30, 31, 32)),
    hour: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 23 }) }, fc.constantFrom(24, 25, 99)),
    minute: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 59 }) }, fc.constantFrom(60, 99)),
    second: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 59 }) }, fc.constantFrom(60, 99)),
    t: fc.constantFrom('T', ' ', 't'),
    fraction: fc.constantFrom('', '', '.5', '.25', '.123', '.123456', ',5', '.'),
    offset: fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+02:00', '-05:30', '+18:59', '+19:00', '+02:60', '+0800', '+08', ' Z', ''),
  })
  .map(
    (f) => `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${f.t}${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${f.fraction}${f.offset}`,
  );

/** What may stand where a digit or separator should: non-digits of every kind, and digits. */
const intruder = fc.constantFrom(' ', '\t', 'a', 'Z', 'T', '-', '+', ':', '.', ',', '/', '0', '9', '\u00e9', '\u0660', '\uff11', '\u0000');

/** A well-formed or out-of-range ISO cell, then sometimes broken at one or two positions. */
const timestampCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: isoCell },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        isoCell,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), intruder), { minLength: 1, maxLength: 2 }),
      )
      .map(([cell, edits]) => applyEdits(cell, edits)),
  },
  // The audit's cells, and edges the generator reaches only rarely.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2026-10-01T 9:05:00Z',
      '2026-10-01 ab:cd:efZ',
      '2026-10-01T09: 5:00Z',
      '2026-10-01T09:05: 0Z',
      '2026-10-01T-1:05:00Z',
      '2026-10-01T09:-5:00Z',
      '2026-10-01T24:00:00Z',
      '2026-02-29T00:00:00Z',
      '2028-02-29T00:00:00Z',
      '2026-10-01T09:05:00+-1:00',
      '2026-10-01T09:05:00+01:-1',
      '2026-10-01T09:05:00+ 1:00',
      '2026-10-01T09:05:00.Z',
      '2026-10-01T09:05:00.1234567890123Z',
      '+026-10-01T09:05:00Z',
      '2026-+1-01T09:05:00Z',
    ),
  },
);

describe('isoTimeFromBytes gives what parseTimestamp gives, or gives up', () => {
  it('on the audit’s malformed cells: gives up, and parseTimestamp rejects them', () => {
    for (const cell of ['2026-10-01T 9:05:00Z', '2026-10-01 ab:cd:efZ', '2026-10-01T09: 5:00Z', '2026-10-01T09:05: 0Z']) {
      const buf = Buffer.from(cell);
      expect(isoTimeFromBytes(buf, 0, buf.length, { key: -1, ms: 0 }), cell).toBeNaN();
      // The reason the general path gives (parse-timestamp.ts, `expected`).
      const r = parseTimestamp(cell, OPTS);
      expect(r.ok, cell).toBe(false);
      if (!r.ok) expect(reasonText(r.reason), cell).toBe(`expected a date like 2026-11-03 08:15, got "${cell}"`);
    }
  });

  it('on well-formed, out-of-range and broken ISO cells (50 fixed seeds)', () => {
    // One cache across all cells, as the fast path keeps one across rows: a stale hour must never leak.
    const cache: HourCache = { key: -1, ms: 0 };
    const seen = { fast: 0, deferredValid: 0, invalid: 0 };
    assertProperty(
      fc.property(timestampCell, (cell) => {
        const buf = Buffer.from(cell);
        // Inside a larger buffer, as the fast path reads it.
        const line = Buffer.concat([Buffer.from('x,'), buf, Buffer.from(',y')]);
        const fast = isoTimeFromBytes(line, 2, 2 + buf.length, cache);
        const ref = parseTimestamp(cell, OPTS);
        if (!ref.ok) seen.invalid++;
        if (Number.isNaN(fast)) {
          if (ref.ok) seen.deferredValid++;
          return;
        }
        seen.fast++;
        expect(ref, cell).toEqual({ ok: true, ms: fast });
      }),
      { numRuns: 2000 },
    );
    // The generator reaches all three outcomes.
    for (const n of Object.values(seen)) expect(n, JSON.stringify(seen)).toBeGreaterThan(100);
  });
});

/** The row mapper's rule for a latency cell (row-mappers.ts, `num`): the number, or null when it rejects the cell. */
const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
function mapperNumber(cell: string): number | null {
  const v = cell.trim();
  if (!NUMBER_RE.test(v)) return null;
  const n = Number(v);
  return n >= 0 && n <= Number.MAX_SAFE_INTEGER ? n : null;
}

describe('readNumber gives what the row mapper reads, or gives up', () => {
  const numberCell = fc.oneof(
    fc.stringMatching(/^[0-9]{0,18}(\.[0-9]{0,6})?$/),
    fc
      .array(fc.constantFrom('0', '1', '7', '9', '.', '-', '+', 'e', 'E', ' ', ',', 'x', '\u0660', '\uff11'), { maxLength: 20 })
      .map((c) => c.join('')),
  );

  it('on plain decimals and on cells with signs, exponents, spaces and other characters (50 fixed seeds)', () => {
    const seen = { fast: 0, rejected: 0 };
    assertProperty(
      fc.property(
        numberCell.filter((c) => c.length > 0),
        (cell) => {
          const buf = Buffer.from(`,${cell},`);
          const fast = readNumber(buf, 1, buf.length - 1);
          const ref = mapperNumber(cell);
          if (ref === null) seen.rejected++;
          if (fast < 0) return;
          seen.fast++;
          expect(ref, cell).toBe(fast);
        },
      ),
      { numRuns: 2000 },
    );
    for (const n of Object.values(seen)) expect(n, JSON.stringify(seen)).toBeGreaterThan(100);
  });
});
