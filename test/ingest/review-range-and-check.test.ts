/**
 * Issue #13: "no single row can create periods". Before, the review's period range ran from the
 * first to the last accepted timestamp, so one stray row (an epoch typo read as year 2537, a
 * far-future date) created every month up to it: one build wrote 8,687 periods. Now the range is
 * the bulk of the data (review-range.ts): rows far outside stay accepted, are reported by
 * `check`, and get no period. An 11-digit epoch is rejected outright (parse-timestamp.ts).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS } from '../../src/lib/ingest/field-limit.ts';
import { newFileAccount, RowAccount } from '../../src/lib/ingest/file-account.ts';
import { dataRange, rowsOutsideReview } from '../../src/lib/snapshot/review-range.ts';
import { monthOf, monthsBetween } from '../../src/lib/time/periods.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeReview } from '../helpers/small-review.ts';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

function fileWith(name: string, times: number[]) {
  const a = newFileAccount({ file: name, source: 's', kind: 'tickets', sha256: '', bytes: 0 });
  const acc = new RowAccount(a, 'UTC');
  for (const t of times) acc.accept(t);
  return a;
}

describe('the review range comes from the bulk of the data', () => {
  const bulk = Array.from({ length: 200 }, (_, i) => Date.UTC(2026, 8, 1) + i * 6 * 3_600_000);

  it('one far-future row does not move it, and is counted outside', () => {
    const stray = Date.UTC(2199, 5, 1);
    const ingest = { files: [fileWith('a.csv', [...bulk, stray])] };
    expect(dataRange(ingest)).toEqual({ firstMs: bulk[0], lastMs: bulk[bulk.length - 1] });
    const r = dataRange(ingest) as { firstMs: number; lastMs: number };
    const months = monthsBetween(monthOf(r.firstMs, 'UTC'), monthOf(r.lastMs, 'UTC'));
    expect(rowsOutsideReview(ingest, { months, last: { month: months[months.length - 1] as string, from: 'data' } })).toEqual([
      { file: 'a.csv', rows: 1, before: 0, after: 1, atHorizon: 0, noMonths: 0 },
    ]);
  });

  it('one far-past row in another file does not move it either', () => {
    const ingest = { files: [fileWith('a.csv', bulk), fileWith('b.csv', [Date.UTC(1971, 0, 1)])] };
    expect(dataRange(ingest)).toEqual({ firstMs: bulk[0], lastMs: bulk[bulk.length - 1] });
  });

  it('a quiet stretch shorter than about 90 days stays inside', () => {
    const later = Date.UTC(2027, 0, 15);
    expect(dataRange({ files: [fileWith('a.csv', [...bulk, later])] })).toEqual({ firstMs: bulk[0], lastMs: later });
  });

  it('is null without accepted rows', () => {
    expect(dataRange({ files: [fileWith('a.csv', [])] })).toBeNull();
  });
});

describe('through the CLI', () => {
  it('a far-future ticket and an 11-digit epoch leave the period list unchanged and are reported', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    appendFileSync(path.join(dir, 'data/tickets.csv'), 'T-2,2199-06-01 12:05,,,P1,typo\nT-3,17621577001,,,P1,epoch typo\n');
    const r = await runCli(['build', '--data-only', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const index = readJson(path.join(dir, 'snapshots/draft/index.json'));
    expect(index.periods.map((p: { id: string }) => p.id)).toEqual(['2026-09', '2026-10', '2026-Q3', '2026-Q4', '2026']);
    const check = await runCli(['check', '--config', config]);
    expect(check.out).toContain('review periods: 2026-09 … 2026-10 (2 months)');
    expect(check.out).toContain("1 accepted rows lie outside the review's periods");
    // The rejected 11-digit number is masked as a number (11 digits are a Chinese mobile number's length; it
    // was "[phone]", then kept whole), its digit count said, and check says how each file was decoded.
    expect(check.out).toContain('data/tickets.csv:4:2 created: "[number]" has 11 digits');
    expect(check.out).not.toContain('17621577001');
    expect(check.out).toContain('data/tickets.csv [desk, tickets, utf-8, ","]: 3 rows');
    expect(check.out).toContain('  encoding utf-8: ASCII in the first 64 KiB, read as UTF-8');
    const json = await runCli(['check', '--json', '--config', config]);
    const { files } = JSON.parse(json.out) as {
      files: Array<{
        file: string;
        outsideReview: number;
        rows: number;
        accepted: number;
        rejected: number;
        duplicates: number;
        encodingReason: string;
        truncated: number;
      }>;
    };
    const tickets = files.find((f) => f.file.endsWith('tickets.csv'));
    expect(tickets).toMatchObject({
      rows: 3,
      accepted: 2,
      rejected: 1,
      outsideReview: 1,
      encodingReason: 'ASCII in the first 64 KiB, read as UTF-8',
      truncated: 0,
    });
  });
});

// Issue #13: before, a 2 MiB comment was published whole (page, CSV, JSON); now a field over the limit is cut and counted.
describe('a field over the length limit', () => {
  it('is cut, counted by check (text and --json) and in the snapshot data-quality figures', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    appendFileSync(path.join(dir, 'data/tickets.csv'), `T-9,2026-10-10 12:05,,,P1,"${'x'.repeat(MAX_FIELD_CHARS + 1)}"\n`);
    const check = await runCli(['check', '--config', config]);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain(`  1 field longer than ${MAX_FIELD_CHARS} characters cut there`);
    const json = (
      JSON.parse((await runCli(['check', '--json', '--config', config])).out) as { files: Array<{ file: string; truncated: number }> }
    ).files;
    expect(json.find((f) => f.file.endsWith('tickets.csv'))?.truncated).toBe(1);
    expect(json.filter((f) => !f.file.endsWith('tickets.csv')).every((f) => f.truncated === 0)).toBe(true);
    const r = await runCli(['build', '--data-only', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const october = readJson(path.join(dir, 'snapshots/draft/2026-10.json'));
    expect(october.dataQuality.truncated).toBe(1);
    expect(october.dataQuality.files.find((f: { file: string }) => f.file.endsWith('tickets.csv')).truncated).toBe(1);
  });
});

// Issue #13: before, a file with a header and no rows passed check silently with exit 0.
describe('a header-only file', () => {
  it('is a warning, and an error under --strict', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    writeFileSync(path.join(dir, 'data/tickets.csv'), 'id,created,first_response,resolved,priority,title\n');
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: data/tickets.csv: a header and no rows');
    const strict = await runCli(['check', '--strict', '--config', config]);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('--strict: 1 file has a header and no rows');
    const json = JSON.parse((await runCli(['check', '--json', '--config', config])).out) as { warnings: unknown[] };
    expect(json.warnings).toEqual([{ kind: 'header-only', file: 'data/tickets.csv', message: 'a header and no rows' }]);
  });
});

// Issue #16: a commentary file for a language the review does not build was left out of every page without a word.
describe('commentary no page shows', () => {
  it('is listed by check (text and --json) as a warning, an error under --strict', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    mkdirSync(path.join(dir, 'content/reviews'), { recursive: true });
    // The review builds English only (the default): the Chinese translation and a second English file are shown nowhere.
    for (const name of ['2026-10.mdx', '2026-10.zh-CN.mdx', '2026-10.en.mdx', '2026-09.mdx'])
      writeFileSync(path.join(dir, 'content/reviews', name), `---\nperiod: "${name.slice(0, 7)}"\nauthor: A\nsummary: S\n---\nText.\n`);
    const r = await runCli(['check', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(
      "warning: content/reviews/2026-10.zh-CN.mdx: commentary no page shows: zh-CN is not one of the review's locales (en)",
    );
    expect(r.err).toContain(
      "warning: content/reviews/2026-10.en.mdx: commentary no page shows: a second en commentary: the file without a locale is already in en, the review's first locale",
    );
    // 2026-09.mdx and 2026-10.mdx are shown: not listed.
    expect(r.err.match(/commentary no page shows/g)).toHaveLength(2);
    const json = JSON.parse((await runCli(['check', '--json', '--config', config])).out) as {
      warnings: Array<{ kind: string; file: string }>;
      commentary: string[];
    };
    expect(json.warnings.map((w) => [w.kind, w.file])).toEqual([
      ['unused-commentary', 'content/reviews/2026-10.en.mdx'],
      ['unused-commentary', 'content/reviews/2026-10.zh-CN.mdx'],
    ]);
    expect(json.commentary).toEqual([]);
    const strict = await runCli(['check', '--strict', '--config', config]);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('--strict: 2 commentary files no page shows');
  });

  it('is not listed once the review builds that language', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^review:\n/m, 'review:\n  locales: [en, zh-CN]\n'));
    mkdirSync(path.join(dir, 'content/reviews'), { recursive: true });
    for (const name of ['2026-10.mdx', '2026-10.zh-CN.mdx'])
      writeFileSync(path.join(dir, 'content/reviews', name), '---\nperiod: "2026-10"\nauthor: A\nsummary: S\n---\nText.\n');
    const r = await runCli(['check', '--strict', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('commentary');
  });
});

// Issue #13: before, check --json printed nothing when one file failed, hiding every other file's accounting.
describe('check --json', () => {
  it('reports every file when one cannot be read, the failed one with its error', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    writeFileSync(path.join(dir, 'data/tickets.csv'), 'id,created,priority,title,Priority\nT-1,2026-09-10 12:05,P1,x,P2\n');
    const r = await runCli(['check', '--json', '--config', config]);
    expect(r.code).toBe(1);
    const { files } = JSON.parse(r.out) as { files: Array<{ file: string; rows: number; error: string | null }> };
    expect(files.map((f) => f.file).sort()).toEqual(['data/checks-2026-09.csv', 'data/checks-2026-10.csv', 'data/tickets.csv']);
    expect(files.find((f) => f.file === 'data/checks-2026-09.csv')).toMatchObject({ rows: 4320, error: null });
    expect(files.find((f) => f.file === 'data/tickets.csv')?.error).toBe(
      'data/tickets.csv: the header names a column twice: "priority" (priority) is both column 3 and column 5; rename or remove one',
    );
  });
});
