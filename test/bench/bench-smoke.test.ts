/**
 * A small-N run of the benchmark (`npm run bench`), so its code path keeps working: it
 * generates the synthetic exports, runs every contender in its own process (ours with worker
 * threads over small blocks, ours on one thread, ours through csv-parse, DuckDB), and the
 * bench itself asserts that the readers agree: every row accounted, the planted bad rows
 * rejected, and per service and day the same check counts, latency populations and
 * histogram buckets as DuckDB. Timings are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REFERENCE_RESULT, referenceWork } from '../../scripts/cpu-reference.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  ok: boolean;
  machine: { cpuReferenceMs: number; cpuReferenceAfterMs: number };
  checks: { rows: number; checks: Array<{ check: string; ok: boolean }>; table: Array<{ contender: string }> };
  tickets: { tickets: number; extra: { tickets: number; periods: number } };
}

describe('the CPU reference', () => {
  it('does the same work on every run (its result is fixed, so the timing is of that work)', () => {
    // 38,277,780 worked out by hand in cpu-reference.ts (REFERENCE_RESULT's comment).
    expect(REFERENCE_RESULT).toBe(38_277_780);
    expect(referenceWork()).toBe(REFERENCE_RESULT);
  });
});

describe('benchmark, small N', () => {
  it('runs every contender and the results agree with DuckDB and with each other', () => {
    const json = path.join(dir, 'report.json');
    const r = spawnSync(
      process.execPath,
      [
        '--experimental-strip-types',
        '--no-warnings=ExperimentalWarning',
        path.join(ROOT, 'scripts/bench.ts'),
        '--rows',
        '20000',
        '--tickets',
        '2000',
        '--suite',
        'checks,tickets',
        '--small-blocks',
        '--dir',
        dir,
        '--json',
        json,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.ok).toBe(true);
    // The machine's speed is recorded before and after the run (scripts/cpu-reference.ts), in whole milliseconds.
    expect(Number.isInteger(report.machine.cpuReferenceMs) && report.machine.cpuReferenceMs > 0).toBe(true);
    expect(Number.isInteger(report.machine.cpuReferenceAfterMs) && report.machine.cpuReferenceAfterMs > 0).toBe(true);
    expect(r.stdout).toMatch(/CPU reference \(scripts\/cpu-reference\.ts; lower is faster\): \d+ ms before, \d+ ms after/);
    expect(report.checks.rows).toBe(20_000);
    expect(report.checks.table.map((t) => t.contender)).toEqual(['ours (fast)', 'ours (fast-1t)', 'ours (csv-parse)', 'DuckDB']);
    const failed = report.checks.checks.filter((c) => !c.ok);
    expect(failed).toEqual([]);
    expect(report.checks.checks.map((c) => c.check)).toContain('every reader of ours gives byte-identical day rollups');
    expect(report.tickets.extra.tickets).toBe(2000);
    expect(report.tickets.extra.periods).toBeGreaterThan(0);
  });
});
