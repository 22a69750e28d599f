/**
 * Data horizons through the CLI on the small review of test/helpers/small-review.ts (checks to
 * 31 Oct 2026 23:50 UTC, one ticket on 10 Sep): a source's `asOf` makes the periods after it
 * incomplete for that source; months after every horizon are not reviewed, whatever lastPeriod
 * says; `check` shows each horizon.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * One far-future resolved time (the audit: the sample's first 50 October tickets plus one resolved
 * 2027-10-02 10:00 moved `data until` from 2026-10-16T05:52Z back to 2026-10-05T15:23Z, the last
 * creation). README "Data horizons": without asOf the horizon is the latest timestamp, and a stray row
 * past the bulk of the data does not move it; nor may it pull it back.
 *
 * P1: 15 m response, 4 h resolution, 24×7. Hand-worked:
 *   T-1 created 1 Oct 09:00, resolved 1 Oct 12:00: met (3 h).
 *   T-2 created 5 Oct 15:23 (the last creation), resolved 16 Oct 05:52 (the latest real time): breached.
 *   T-3 created 2 Oct 10:00, resolved 2027-10-02 10:00, more than 120 days (4 empty 30-day bins) past the
 *       last creation: a stray, not the horizon. Its deadline, 2 Oct 14:00, is before the horizon: breached.
 * Horizon 16 Oct 05:52 → resolution 1 met, 2 breached, 0 pending. The old horizon, 5 Oct 15:23, left T-2
 * pending (deadline 5 Oct 19:23 after it).
 */
describe('a stray far-future time', () => {
  const review = (asOf: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-horizon-'));
    writeFileSync(
      path.join(dir, 'review.config.yaml'),
      `review: { name: Horizon, timeZone: UTC }
services: [{ id: api, name: API, owner: P }]
priorities: [{ id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }]
sources:
  - { id: desk, kind: tickets, files: tickets.csv${asOf} }
`,
    );
    writeFileSync(
      path.join(dir, 'tickets.csv'),
      [
        'id,created,first_response,resolved,priority',
        'T-1,2026-10-01 09:00,2026-10-01 09:05,2026-10-01 12:00,P1',
        'T-2,2026-10-05 15:23,2026-10-05 15:30,2026-10-16 05:52,P1',
        'T-3,2026-10-02 10:00,2026-10-02 10:05,2027-10-02 10:00,P1',
        '',
      ].join('\n'),
    );
    return path.join(dir, 'review.config.yaml');
  };

  it('does not pull the data horizon back to the last creation, and check names it', async () => {
    const config = review('');
    const check = await runCli(['check', '--config', config]);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain(
      'source desk (tickets): data until 2026-10-16T05:52:00Z (its latest timestamp); ' +
        '1 later time left out, far past the rest of its data (ticket T-3 resolved 2027-10-02T10:00:00Z): set asOf to reject such times',
    );
    const r = await runCli(['build', '--data-only', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const oct = readJson(path.join(path.dirname(config), 'snapshots/draft/2026-10.json'));
    expect(oct.horizons).toEqual([{ source: 'desk', kind: 'tickets', asOfMs: Date.UTC(2026, 9, 16, 5, 52), from: 'data' }]);
    expect(oct.tickets.overall.resolution).toMatchObject({ met: 1, breached: 2, pending: 0 });
  });

  it('is rejected when the source says when its export was taken', async () => {
    const config = review(', asOf: "2026-10-20 00:00"');
    const check = await runCli(['check', '--config', config]);
    expect(check.out).toContain('tickets.csv:4:4 resolved: resolved after the export was taken (asOf 2026-10-20 00:00)');
  });
});
