/**
 * Data horizons through the CLI on the small review of test/helpers/small-review.ts (checks to
 * 31 Oct 2026 23:50 UTC, one ticket on 10 Sep): a source's `asOf` makes the periods after it
 * incomplete for that source; months after every horizon are not reviewed, whatever lastPeriod
 * says; `check` shows each horizon.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { makeReview } from '../helpers/small-review.ts';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('data horizons', () => {
  it('asOf of a source marks later periods incomplete for it; months after every horizon get no snapshot', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    const text = readFileSync(config, 'utf8')
      .replace('  timeZone: UTC\n', '  timeZone: UTC\n  lastPeriod: 2026-12\n')
      .replace('files: data/tickets.csv }', 'files: data/tickets.csv, asOf: "2026-10-15 00:00" }');
    writeFileSync(config, text);
    const r = await runCli(['build', '--data-only', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const index = readJson(path.join(dir, 'snapshots/draft/index.json'));
    // November and December start after every horizon (checks end 31 Oct 23:50 + 10 min holding): not reviewed.
    expect(index.periods.map((p: { id: string }) => p.id)).toEqual(['2026-09', '2026-10', '2026-Q3', '2026-Q4', '2026']);
    const oct = readJson(path.join(dir, 'snapshots/draft/2026-10.json'));
    expect(oct.period).toMatchObject({ complete: false, incompleteSources: ['desk'] });
    expect(oct.horizons).toEqual([
      { source: 'mon', kind: 'checks', asOfMs: Date.UTC(2026, 9, 31, 23, 50), from: 'data' },
      { source: 'desk', kind: 'tickets', asOfMs: Date.UTC(2026, 9, 15), from: 'config' },
    ]);
    const sep = readJson(path.join(dir, 'snapshots/draft/2026-09.json'));
    expect(sep.period).toMatchObject({ complete: true, incompleteSources: [] });
    const check = await runCli(['check', '--config', config]);
    expect(check.out).toContain('source desk (tickets): data until 2026-10-15T00:00:00Z (asOf in the config)');
    expect(check.out).toContain('source mon (checks): data until 2026-10-31T23:50:00Z (its latest timestamp)');
  });

  it('an asOf that is not a real instant is a config problem with its path', async () => {
    const dir = makeReview();
    const config = path.join(dir, 'review.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('files: data/tickets.csv }', 'files: data/tickets.csv, asOf: "yesterday" }'),
    );
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('sources[1].asOf: expected a date like 2026-11-03 08:15, got "yesterday"');
  });
});
