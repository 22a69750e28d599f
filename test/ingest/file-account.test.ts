/**
 * RowAccount (src/lib/ingest/file-account.ts), the only writer of a file's row counts: the
 * invariant accepted + rejected + duplicates = rows (the FileAccount doc), first/last accepted
 * times, the 200 rejects kept in full (MAX_REJECTS_KEPT) with the rest counted by reason, and a
 * worker block's part added with its lines shifted.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REJECTS_KEPT, newFileAccount, type RejectedRow, RowAccount } from '../../src/lib/ingest/file-account.ts';

const fresh = () => new RowAccount(newFileAccount({ file: 'f.csv', source: 's', kind: 'tickets', sha256: '', bytes: 0 }));
const reject = (line: number, value: string): RejectedRow => ({
  line,
  column: 2,
  field: 'priority',
  value,
  reason: `unknown priority "${value}"`,
});

describe('RowAccount', () => {
  it('keeps accepted + rejected + duplicates = rows', () => {
    const a = fresh();
    a.accept(30);
    a.accept(10);
    a.accept(20);
    a.reject(reject(5, 'P9'));
    a.duplicates();
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
    new RowAccount(a).reject({
      line: 2,
      column: 3,
      field: 'csat',
      value: 'jo.doe@example.com',
      reason: 'expected a score, got "jo.doe@example.com"',
    });
    expect(a.rejects[0]).toMatchObject({ value: '[email]', reason: 'expected a score, got "[email]"' });
    expect(JSON.stringify(a)).not.toContain('example.com');
  });
});

describe('RowAccount keeps the digits of a malformed date', () => {
  it('masks only e-mail addresses in a date-shaped value', () => {
    const a = newFileAccount({ file: 't.csv', source: 't', kind: 'tickets', sha256: '', bytes: 0 });
    new RowAccount(a).reject({
      line: 2,
      column: 2,
      field: 'created',
      value: '2026-08-32T09:15:00+01:00',
      reason: '"2026-08-32T09:15:00+01:00" is not a real date',
    });
    expect(a.rejects[0]).toMatchObject({ value: '2026-08-32T09:15:00+01:00' });
  });
});

// Issue #13: a rejected 11-digit epoch showed `"[phone]" has 11 digits`: masking took the
// timestamp for a Chinese mobile number (1 + 10 digits). The row mapper marks a timestamp cell.
describe('RowAccount keeps the digits of a rejected epoch timestamp', () => {
  it('in the value and in the reason, while a phone number in a score cell stays masked', () => {
    const a = newFileAccount({ file: 't.csv', source: 't', kind: 'tickets', sha256: '', bytes: 0 });
    const account = new RowAccount(a);
    const reason =
      '"17803456789" has 11 digits; epoch timestamps have 10 (seconds) or 13 (milliseconds); set epochUnit to read other lengths';
    account.reject({ line: 2, column: 2, field: 'created', value: '17803456789', reason, timestampCell: true });
    account.reject({ line: 3, column: 5, field: 'csat', value: '17803456789', reason: 'expected a number, got "17803456789"' });
    expect(a.rejects).toEqual([
      { line: 2, column: 2, field: 'created', value: '17803456789', reason },
      { line: 3, column: 5, field: 'csat', value: '[phone]', reason: 'expected a number, got "[phone]"' },
    ]);
  });
});
