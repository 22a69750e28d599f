/**
 * Whether first responses are recorded is decided per ticket source (ticket-response-sources.ts),
 * once per build, and a review with two ticket sources, one without a first-response column, is
 * built through the CLI with the hand-computed figures of test/metrics/ticket-response-sources.test.ts.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ticketResponseSources } from '../../src/lib/snapshot/ticket-response-sources.ts';
import { runCli } from '../helpers/run-cli.ts';
import { twoSourceReview } from '../helpers/two-ticket-sources.ts';

const file = (source: string, fields: string[], rows: number, kind = 'tickets' as const) => ({ kind, source, fields, rows });
const WITH = ['createdMs', 'firstResponseMs', 'id', 'priority', 'resolvedMs'];
const WITHOUT = ['createdMs', 'id', 'priority', 'resolvedMs'];

describe('ticketResponseSources', () => {
  it('decides per source, in the order of the files', () => {
    expect(ticketResponseSources([file('desk', WITH, 3), file('desk', WITH, 2), file('legacy', WITHOUT, 4)])).toEqual({
      recorded: ['desk'],
      without: ['legacy'],
    });
    expect(ticketResponseSources([file('legacy', WITHOUT, 4), file('desk', WITH, 3)])).toEqual({ recorded: ['desk'], without: ['legacy'] });
    // Other kinds of export are no ticket source.
    expect(ticketResponseSources([{ kind: 'surveys', source: 'csat', fields: ['firstResponseMs'], rows: 1 }])).toEqual({
      recorded: [],
      without: [],
    });
  });

  it('goes by the files with rows: a header-only file with the column does not make a source’s tickets answered', () => {
    // Ingest left the header-only file out of the column comparison (it reads nothing), so the source's rows have no first response.
    expect(ticketResponseSources([file('legacy', WITH, 0), file('legacy', WITHOUT, 5)])).toEqual({ recorded: [], without: ['legacy'] });
    // A source with no rows at all goes by its header, as the review did before it decided per source.
    expect(ticketResponseSources([file('desk', WITH, 0)])).toEqual({ recorded: ['desk'], without: [] });
    expect(ticketResponseSources([file('desk', WITHOUT, 0)])).toEqual({ recorded: [], without: ['desk'] });
  });
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const review = (sources: 'both' | 'desk') => {
  const config = twoSourceReview(sources);
  dirs.push(path.dirname(config));
  return config;
};

const november = async (config: string) => {
  const r = await runCli(['build', '--data-only', '--no-cache', '--config', config]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(path.join(path.dirname(config), 'snapshots/draft/2026-11.json'), 'utf8'));
};

describe('a review with a ticket source that records no first responses, built', () => {
  it('judges response on desk’s tickets only and says so in the snapshot', async () => {
    const s = await november(review('both'));
    // By hand (test/metrics/ticket-response-sources.test.ts): response met A1, breached A2; legacy's B1–B3 not judged
    // on response (as one review-wide decision they were: met 1, breached 3, pending 1, 25 %).
    expect(s.tickets.overall.response).toEqual({ attainment: 0.5, met: 1, breached: 1, pending: 0 });
    expect(s.tickets.overall.timeToFirstResponse).toEqual({ n: 2, medianSeconds: 2400, p90Seconds: 3600 });
    // Resolution over every ticket: met A1 A2 B1, breached B2, pending B3.
    expect(s.tickets.overall.resolution).toEqual({ attainment: 0.75, met: 3, breached: 1, pending: 1 });
    expect(s.headline.responseAttainment).toMatchObject({ value: 0.5, n: 2 });
    expect(s.tickets.responseCoverage).toEqual({ recorded: ['desk'], without: ['legacy'] });
    expect(s.drillDown.breached.map((b: { id: string; source: string; target: string }) => [b.id, b.source, b.target])).toEqual([
      ['A2', 'desk', 'response'],
      ['B2', 'legacy', 'resolution'],
    ]);
  });

  it('with desk alone, the response figures are the same and there is no coverage note', async () => {
    const s = await november(review('desk'));
    expect(s.tickets.overall.response).toEqual({ attainment: 0.5, met: 1, breached: 1, pending: 0 });
    expect(s.tickets.overall.timeToFirstResponse).toEqual({ n: 2, medianSeconds: 2400, p90Seconds: 3600 });
    expect('responseCoverage' in s.tickets).toBe(false);
  });
});
