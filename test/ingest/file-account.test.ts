/**
 * RowAccount (src/lib/ingest/file-account.ts), the only writer of a file's row counts: the
 * invariant accepted + rejected + duplicates = rows (the FileAccount doc), first/last accepted
 * times, the 200 rejects kept in full (MAX_REJECTS_KEPT) with the rest counted by reason, and a
 * worker block's part added with its lines shifted.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REJECTS_KEPT, newFileAccount, type Rejection, RowAccount, shownRejected } from '../../src/lib/ingest/file-account.ts';
import { quoted, reason, words } from '../../src/lib/util/reason.ts';

const fresh = () => new RowAccount(newFileAccount({ file: 'f.csv', source: 's', kind: 'tickets', sha256: '', bytes: 0 }), 'UTC');
const reject = (line: number, value: string): Rejection => ({
  line,
  column: 2,
  field: 'priority',
  value,
  reason: reason`unknown priority ${quoted(value)}`,
});

describe('RowAccount', () => {
  it('keeps accepted + rejected + duplicates = rows', () => {
    const a = fresh();
    a.accept(30);
    a.accept(10);
    a.accept(20);
    a.reject(reject(5, 'P9'));
    a.duplicates(30);
    const f = a.file;
    expect([f.rows, f.accepted, f.rejected, f.duplicates]).toEqual([4, 2, 1, 1]);
    expect(f.accepted + f.rejected + f.duplicates).toBe(f.rows);
    expect([f.firstMs, f.lastMs]).toEqual([10, 30]);
  });

  it('keeps the first rejects in full and counts every one by its reason class', () => {
    const a = fresh();
    for (let i = 0; i < MAX_REJECTS_KEPT + 5; i++) a.reject(reject(i + 2, `P${i}`));
    expect(a.file.rejects).toHaveLength(MAX_REJECTS_KEPT);
    expect(a.file.rejected).toBe(MAX_REJECTS_KEPT + 5);
    expect(a.file.rejectsByReason).toEqual({ 'priority: unknown priority "…"': MAX_REJECTS_KEPT + 5 });
  });

  it('adds a part read elsewhere with its reject lines shifted', () => {
    const a = fresh();
    a.accept(100);
    const part = fresh();
    part.accept(50);
    part.reject(reject(3, 'x'));
    a.add(part.file, 40);
    expect(a.file).toMatchObject({ rows: 3, accepted: 2, rejected: 1, firstMs: 50, lastMs: 100 });
    expect(a.file.rejects.map((r) => r.line)).toEqual([43]);
  });
});

// Issue #13: before, rejected values were kept and published unmasked (an e-mail typed into a score cell).
describe('RowAccount masks rejected values', () => {
  it('masks the value and the reason quoting it', () => {
    const a = newFileAccount({ file: 's.csv', source: 's', kind: 'surveys', sha256: '', bytes: 0 });
    new RowAccount(a, 'UTC').reject({
      line: 2,
      column: 3,
      field: 'csat',
      value: 'jo.doe@example.com',
      reason: reason`expected a score, got ${quoted('jo.doe@example.com')}`,
    });
    expect(a.rejects[0]).toMatchObject({ value: '[email]', reason: 'expected a score, got "[email]"' });
    expect(JSON.stringify(a)).not.toContain('example.com');
  });

  // Audit defect 9: the whole reason was masked, so the tool's own numbers were too.
  it("masks the texts a reason quotes, never the tool's words", () => {
    const a = newFileAccount({ file: 'c.csv', source: 'c', kind: 'checks', sha256: '', bytes: 0 });
    const account = new RowAccount(a, 'UTC');
    account.reject({
      line: 2,
      column: 3,
      field: 'response_ms',
      value: '-5',
      reason: reason`expected a value from ${0} to ${Number.MAX_SAFE_INTEGER}, got ${quoted('-5')}`,
    });
    account.reject({
      line: 3,
      column: 1,
      field: 'time',
      value: '0000-00-00 00:00',
      reason: reason`${quoted('0000-00-00 00:00')} is out of range: year 0 (expected ${1970}–${2199})`,
      timestampCell: true,
    });
    expect(a.rejects.map((r) => r.reason)).toEqual([
      'expected a value from 0 to 9007199254740991, got "-5"',
      '"0000-00-00 00:00" is out of range: year 0 (expected 1970–2199)',
    ]);
    // The reason class takes the quoted values out, not the tool's numbers.
    expect(Object.keys(a.rejectsByReason)).toEqual([
      'response_ms: expected a value from 0 to 9007199254740991, got "…"',
      'time: "…" is out of range: year 0 (expected 1970–2199)',
    ]);
  });

  it('masks a value before cutting it to 80 characters, and quotes it in the reason cut alike (clip-value.ts)', () => {
    const a = newFileAccount({ file: 't.csv', source: 't', kind: 'tickets', sha256: '', bytes: 0 });
    const value = `${'x'.repeat(52)} jo.doe@example.com and then some more words to pass eighty`;
    new RowAccount(a, 'UTC').reject({ line: 2, column: 3, field: 'priority', value, reason: reason`unknown priority ${quoted(value)}` });
    expect(a.rejects[0]).toEqual({
      line: 2,
      column: 3,
      field: 'priority',
      value: `${'x'.repeat(52)} [email] and then some mo…`,
      reason: `unknown priority "${'x'.repeat(52)} [email] and then some mo…"`,
    });
  });
});

// Audit defect 7: any value starting with a date kept its digits (DATE_SHAPED was anchored at the start only).
describe('shownRejected: only a value wholly shaped like a timestamp, in a timestamp column, keeps its digits', () => {
  // The forms parse-timestamp.ts reads (its doc comment), each malformed: kept in a timestamp column.
  it.each([
    '2026-08-32T09:15:00+01:00',
    '31/02/2026',
    '02/31/2026 10:00',
    '0000-00-00 00:00',
    '2026-10-01 24:00:00',
    '11/03/2026 13:00 PM',
    '02/Nov/26 9:12 AM',
    '2 November 2026',
    '2026-10-01T10:00:00+25:00',
    // Epoch seconds (10 digits) and milliseconds (13) before 2100 (4102444800 s is 2100-01-01T00:00Z:
    // 47,482 days of 86,400 s), fractions too; short numbers (a spreadsheet serial), which the mask keeps anyway.
    '1762157700',
    '1762157700.5',
    '1762157700000',
    '4102444799',
    '4102444799999',
    '46000',
  ])('%s', (value) => {
    expect(shownRejected(value, true)).toBe(value);
  });

  it.each([
    ['2026-10-01 call me 07700 900123', '2026-10-01 call me [phone]'],
    ['2026-10-01 ring +44 7700 900123', '2026-10-01 ring [phone]'],
    ['2026-10-01 jo@example.com', '2026-10-01 [email]'],
    ['07700 900123', '[phone]'],
    ['+447700900123', '[phone]'],
    // Leak audit: any bare number kept its digits here. Epoch milliseconds have 13 digits (a typo 14,
    // kept above and below); 15 to 19 are a payment card (ISO/IEC 7812: 4111111111111111 is Visa's test
    // number, 6222… a UnionPay one) or a Chinese resident id (GB 11643: 18 digits), never a date.
    ['4111111111111111', '[number]'],
    ['6222021234567890123', '[number]'],
    ['110105194912310021', '[number]'],
    ['1762157700000000', '[number]'],
    // Audit of session 27: any bare number of up to 14 digits kept them, publishing a Chinese mobile number
    // (11 digits, 1[3-9]…; MIIT numbering plan), an Aadhaar (12 digits, UIDAI: not starting 0 or 1), an
    // Indian mobile (10 digits from 6: as epoch seconds, 9876543210 is 2282-12-22) whole. Only epoch seconds
    // and milliseconds before 2100 keep their digits; the rest are `[number]`, in a timestamp column never
    // `[phone]` (issue #13: the label guessed). The reason keeps the digit count and the year in its own words.
    ['13800138000', '[number]'],
    ['17803456789', '[number]'],
    ['234567890123', '[number]'],
    ['9876543210', '[number]'],
    ['4102444800', '[number]'],
    ['9999999999999', '[number]'],
    ['17621577000001', '[number]'],
    ['13800138000.5', '[number]'],
    // 8 and 9 digits: no epoch either (and 8 is a phone number's length in Denmark, Hong Kong, Singapore)
    ['20261103', '[number]'],
    ['176215770', '[number]'],
  ])('%s in a timestamp column → %s', (value, shown) => {
    expect(shownRejected(value, true)).toBe(shown);
  });

  it('outside a timestamp column everything is masked as text (a real date stays, by the mask’s own rule)', () => {
    expect(shownRejected('17803456789', false)).toBe('[phone]');
    expect(shownRejected('2026-10-01 call me 07700 900123', false)).toBe('2026-10-01 call me [phone]');
    expect(shownRejected('2026-10-01 10:00', false)).toBe('2026-10-01 10:00');
  });
});

// Issue #13: a rejected 11-digit epoch showed `"[phone]" has 11 digits`: masking took the
// timestamp for a Chinese mobile number (1 + 10 digits). The row mapper marks a timestamp cell.
// Session 27: 11 digits are masked again (they are a Chinese mobile number's length), as `[number]`;
// the reason's words keep the digit count, and an epoch out of range its unit and year.
describe('RowAccount keeps the digits of a rejected epoch timestamp, and only those', () => {
  it('in the value and in the reason, while another bare number there and a phone number in a score cell are masked', () => {
    const a = newFileAccount({ file: 't.csv', source: 't', kind: 'tickets', sha256: '', bytes: 0 });
    const account = new RowAccount(a, 'UTC');
    const why = reason`${quoted('17803456789')} has 11 digits; epoch timestamps have 10 (seconds) or 13 (milliseconds); set epochUnit to read other lengths`;
    account.reject({ line: 2, column: 2, field: 'created', value: '17803456789', reason: why, timestampCell: true });
    account.reject({
      line: 3,
      column: 5,
      field: 'csat',
      value: '17803456789',
      reason: reason`expected a number, got ${quoted('17803456789')}`,
    });
    // 9999999999 s is 2286-11-20T17:46:39Z (new Date(9999999999e3)): an epoch second, out of range, and
    // 1762157700 s is 2025-11-03T08:15:00Z, after an export taken before it: both read as epochs.
    const late = reason`${quoted('9999999999')} read as ${'epoch seconds'} is out of range: year 2286 (expected 1970–2199); check epochUnit`;
    account.reject({ line: 4, column: 2, field: 'created', value: '9999999999', reason: late, timestampCell: true });
    account.reject({
      line: 5,
      column: 2,
      field: 'created',
      value: '1762157700',
      reason: words('created after the export was taken'),
      timestampCell: true,
    });
    expect(a.rejects).toEqual([
      {
        line: 2,
        column: 2,
        field: 'created',
        value: '[number]',
        reason: '"[number]" has 11 digits; epoch timestamps have 10 (seconds) or 13 (milliseconds); set epochUnit to read other lengths',
      },
      { line: 3, column: 5, field: 'csat', value: '[phone]', reason: 'expected a number, got "[phone]"' },
      {
        line: 4,
        column: 2,
        field: 'created',
        value: '[number]',
        reason: '"[number]" read as epoch seconds is out of range: year 2286 (expected 1970–2199); check epochUnit',
      },
      { line: 5, column: 2, field: 'created', value: '1762157700', reason: 'created after the export was taken' },
    ]);
  });
});
