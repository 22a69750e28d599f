/**
 * Issue #13, item 8: a seeded fuzz test of ingestion. Valid exports of each kind (checks,
 * tickets, surveys) get random byte-level mutations — bytes changed, inserted (quotes,
 * delimiters, CR, LF, NUL, invalid UTF-8, byte-order marks, digits), deleted, duplicated, the
 * file cut short — and are ingested whole, by the fast paths and (every third case) by the
 * general reader alone. Whatever the bytes:
 * - no crash and no stack trace: ingestion returns, or throws a ReviewError whose every problem
 *   is a one-line message naming the file;
 * - the accounting sums hold: accepted + rejected + duplicates = rows per file, and the rows
 *   are at most the file's non-blank lines after the header;
 * - no row is both accepted and rejected: rejected lines are distinct, and no more rows than lines;
 * - no period outside the data's range: every review month touches the accepted data.
 *
 * Seeded and reproducible: FUZZ_SEED (default below; the seed is printed) and FUZZ_CASES.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// The benchmark's seeded generator (mulberry32): a seed replays the same mutations anywhere.
import { rng } from '../../scripts/bench-data.ts';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { ReviewError } from '../../src/lib/errors.ts';
import type { FileAccount } from '../../src/lib/ingest/file-account.ts';
import { ExportsError, type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { reviewMonths } from '../../src/lib/snapshot/build-snapshots.ts';
import { sourceHorizons } from '../../src/lib/snapshot/source-horizons.ts';
import { monthOf } from '../../src/lib/time/periods.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
/** Cases; each mutates all three exports, so 800 cases are 2,400 mutated exports (about 15 s). */
const CASES = Number(process.env.FUZZ_CASES ?? 800);

const CONFIG = validateConfig({
  review: { name: 'Fuzz', timeZone: 'UTC' },
  services: [
    { id: 'api', name: 'Public API', owner: 'P', target: 0.99, latencyThresholdMs: 200, aliases: ['接口'] },
    { id: 'web', name: 'Web', owner: 'W', target: 0.99, latencyThresholdMs: 500 },
  ],
  priorities: [
    { id: 'p1', name: 'P1', words: ['P1', '紧急'], response: '15m', resolution: '4h' },
    { id: 'p2', name: 'P2', words: ['P2'], response: '1h', resolution: '8h' },
  ],
  surveys: { csat: { min: 1, max: 5, satisfiedAtLeast: 4 } },
  sources: [
    { id: 'mon', kind: 'checks', files: 'checks.csv' },
    { id: 'desk', kind: 'tickets', files: 'tickets.csv' },
    { id: 'survey', kind: 'surveys', files: 'surveys.csv' },
  ],
});

const pad = (n: number) => String(n).padStart(2, '0');
const at = (i: number) => `2026-${pad(9 + (i % 3))}-${pad(1 + (i % 28))} ${pad(i % 24)}:${pad((i * 7) % 60)}:00`;

/** Valid exports of each kind, 40 rows each, with quoted fields, Chinese text and CR LF in places. */
const VALID = {
  checks: `timestamp,service,probe,status,latency_ms\n${Array.from({ length: 40 }, (_, i) => `${at(i)}Z,${i % 5 === 0 ? '接口' : 'api'},eu,${i % 7 === 0 ? 'down' : 'up'},${100 + i}`).join('\n')}\n`,
  tickets: `id,created,resolved,priority,title,service\r\n${Array.from(
    { length: 40 },
    (_, i) =>
      `T${i},${at(i)},${i % 4 === 0 ? '' : at(i + 1).replace(/ 0?(\d+):/, (_m, h: string) => ` ${pad(Math.min(23, Number(h) + 1))}:`)},${i % 3 === 0 ? '紧急' : 'P2'},"Login, ""again"" ${i}",${i % 2 ? 'web' : 'api'}`,
  ).join('\r\n')}\r\n`,
  surveys: `response_id,submitted_at,service,csat,comment\n${Array.from({ length: 40 }, (_, i) => `R${i},${at(i)},api,${1 + (i % 5)},"无法登录\n第${i}行"`).join('\n')}\n`,
};

/** Bytes a mutation inserts: the ones CSV readers trip on. */
const INSERTS: number[][] = [
  [0x22],
  [0x2c],
  [0x0a],
  [0x0d],
  [0x0d, 0x0a],
  [0x00],
  [0xff],
  [0xe9],
  [0xe6, 0x8e],
  [0xef, 0xbb, 0xbf],
  [0x20],
  [0x39],
  [0x2d],
  [0x3a],
  [0x3b],
  [0x09],
];

function mutate(valid: Buffer, rnd: () => number): Buffer {
  let b = Buffer.from(valid);
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rnd() * (b.length + 1));
    const op = rnd();
    if (op < 0.3 && b.length > 0) {
      const j = Math.min(i, b.length - 1);
      b[j] = rnd() < 0.5 ? Math.floor(rnd() * 256) : ((INSERTS[Math.floor(rnd() * INSERTS.length)] as number[])[0] as number);
    } else if (op < 0.65) {
      const ins = Buffer.from(INSERTS[Math.floor(rnd() * INSERTS.length)] as number[]);
      b = Buffer.concat([b.subarray(0, i), ins, b.subarray(i)]);
    } else if (op < 0.8) {
      b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + Math.floor(rnd() * 40)))]);
    } else if (op < 0.93) {
      const len = Math.floor(rnd() * 60);
      b = Buffer.concat([b.subarray(0, i), b.subarray(i, i + len), b.subarray(i)]);
    } else b = b.subarray(0, i);
  }
  return b;
}

/** Non-blank lines after the first: the most rows a file can have. */
function dataLines(b: Buffer): number {
  const lines = b.toString('latin1').split('\n');
  return lines.slice(1).filter((l) => !/^\r?$/.test(l)).length;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** What is wrong with the accounting of these files, or [] when nothing is. */
function accountingOf(files: FileAccount[], bytes: Record<'checks' | 'tickets' | 'surveys', Buffer>): string[] {
  const wrong: string[] = [];
  for (const f of files) {
    if (f.accepted + f.rejected + f.duplicates !== f.rows) wrong.push(`${f.file}: ${f.accepted}+${f.rejected}+${f.duplicates} ≠ ${f.rows}`);
    const own = bytes[f.kind as keyof typeof bytes];
    if (own === undefined) wrong.push(`${f.file}: a ${f.kind} file the fuzz test did not write`);
    else if (f.rows > dataLines(own)) wrong.push(`${f.file}: ${f.rows} rows from ${dataLines(own)} lines`);
    const lines = f.rejects.map((x) => x.line);
    if (new Set(lines).size !== lines.length) wrong.push(`${f.file}: a line rejected twice (${lines.join(',')})`);
  }
  return wrong;
}

/** What is wrong with one ingest of these files, or [] when nothing is. */
function problemsOf(r: IngestResult, bytes: Record<'checks' | 'tickets' | 'surveys', Buffer>): string[] {
  const wrong = accountingOf(r.files, bytes);
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const f of r.files) {
    if (f.firstMs !== null && f.lastMs !== null) {
      firstMs = Math.min(firstMs, f.firstMs);
      lastMs = Math.max(lastMs, f.lastMs);
    }
  }
  const months = reviewMonths(CONFIG, r, sourceHorizons(CONFIG, r));
  if (months.length > 0 && firstMs <= lastMs) {
    const lo = monthOf(firstMs, 'UTC');
    const hi = monthOf(lastMs, 'UTC');
    for (const m of months) if (m < lo || m > hi) wrong.push(`period ${m} outside the data (${lo} … ${hi})`);
  } else if (months.length > 0) wrong.push(`periods ${months.join(',')} without accepted data`);
  return wrong;
}

describe(`fuzzed exports (seed ${SEED}, ${CASES} cases)`, () => {
  it('never crash, keep the accounting and give no period outside the data', async () => {
    console.log(`fuzz-exports: seed ${SEED} (FUZZ_SEED to replay), ${CASES} cases`);
    const rnd = rng(SEED);
    const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-'));
    dirs.push(dir);
    const kinds = ['checks', 'tickets', 'surveys'] as const;
    const seen = { ok: 0, failed: 0, rejected: 0 };
    for (let c = 0; c < CASES; c++) {
      const bytes: Record<(typeof kinds)[number], Buffer> = {
        checks: Buffer.from(VALID.checks),
        tickets: Buffer.from(VALID.tickets),
        surveys: Buffer.from(VALID.surveys),
      };
      for (const k of kinds) bytes[k] = mutate(bytes[k], rnd);
      for (const k of kinds) writeFileSync(path.join(dir, `${k}.csv`), bytes[k]);
      const fastPath = c % 3 !== 2;
      const where = `case ${c} (seed ${SEED}, fastPath ${fastPath})`;
      let r: IngestResult;
      try {
        r = await ingestSources(CONFIG, dir, { info() {} }, { cacheDir: null, toolVersion: 't', fastPath, workers: 0 });
      } catch (e) {
        if (!(e instanceof ReviewError)) throw new Error(`${where}: not a ReviewError: ${(e as Error)?.stack ?? String(e)}`);
        for (const p of [e.message, ...e.problems]) {
          expect(p, where).not.toMatch(/\n\s+at /);
          expect(p.includes('\n'), `${where}: ${p}`).toBe(false);
        }
        for (const p of e.problems) expect(p, where).toMatch(/^(checks|tickets|surveys)\.csv/);
        // The files that were read keep their accounting.
        if (e instanceof ExportsError) expect(accountingOf(e.files, bytes), where).toEqual([]);
        seen.failed++;
        continue;
      }
      try {
        expect(problemsOf(r, bytes), where).toEqual([]);
      } finally {
        r.checks.close();
      }
      seen.ok++;
      seen.rejected += r.files.reduce((a, f) => a + f.rejected, 0);
    }
    // The mutations must reach both verdicts: files read with rejects, and files refused.
    expect(seen.ok).toBeGreaterThan(CASES / 2);
    expect(seen.failed).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(CASES / 2);
  }, 120_000);
});
