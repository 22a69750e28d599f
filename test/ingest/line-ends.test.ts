/**
 * Issue #13, line ends: CR LF and LF both end a line, mixed in one file. Before, the record
 * delimiter was decided on the header line: after a CR LF header, LF-only lines were merged in
 * pairs (valid rows rejected as "17 fields", and uncounted).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';

const CONFIG = {
  review: { name: 'Line ends', timeZone: 'UTC' },
  services: [{ id: 'api', name: 'API', owner: 'Ops', target: 0.99, latencyThresholdMs: 500 }],
  priorities: [{ id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' }],
  sources: [
    { id: 'mon', kind: 'checks', files: 'checks.csv', defaultService: 'api' },
    { id: 'desk', kind: 'tickets', files: 'tickets.csv', defaultService: 'api' },
  ],
};

async function read(checks: string, tickets: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'line-ends-'));
  writeFileSync(path.join(dir, 'checks.csv'), checks);
  writeFileSync(path.join(dir, 'tickets.csv'), tickets);
  return ingestSources(validateConfig(CONFIG), dir, { info: () => {} });
}

describe('line ends', () => {
  it('a CR LF header then LF rows: every row read, each at its own line', async () => {
    const checks =
      'time,status,latency_ms\r\n2026-09-01 00:00,up,10\n2026-09-01 00:10,up,11\n2026-09-01 00:20,down,\r\n2026-09-01 00:30,up,12\n';
    const tickets =
      'id,created,priority,title\r\nT-1,2026-09-01 10:00,P1,"two\nlines"\nT-2,2026-09-01 11:00,P1,x\r\nT-3,2026-09-01 12:00,P1,"a\r\nb"\nT-4,bad,P1,y\n';
    const r = await read(checks, tickets);
    const [c, t] = r.files;
    expect(c).toMatchObject({ rows: 4, accepted: 4, rejected: 0 });
    expect(t).toMatchObject({ rows: 4, accepted: 3, rejected: 1 });
    // Physical lines: header 1, T-1 2–3, T-2 4, T-3 5–6 (its CR LF inside quotes is one line end), T-4 7.
    // csv-parse counted that CR LF as two lines and named line 8.
    expect(t?.rejects[0]?.line).toBe(7);
    expect(r.tickets.map((x) => x.title)).toEqual(['two\nlines', 'x', 'a\r\nb']);
    r.checks.close();
  });
});
