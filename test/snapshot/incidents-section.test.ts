/**
 * Incidents end to end (issue #18): an incident export read with row accounting (bad rows
 * rejected with line, column and reason), the graded-response policy from the config, and the
 * period snapshot's incidents block. Expected values are worked by hand from the rows below.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import type { IncidentRecord } from '../../src/lib/model/records.ts';
import { buildSnapshots } from '../../src/lib/snapshot/build-snapshots.ts';
import { incidentsSection } from '../../src/lib/snapshot/incidents-section.ts';
import { periodSnapshotSchema } from '../../src/lib/snapshot/snapshot-schema.ts';
import { problemsOf } from '../helpers/config-problems.ts';
import { H, monthOfChecks, SEP_OUTAGE } from '../helpers/small-review.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CONFIG = `review:
  name: Incidents
  timeZone: UTC
services:
  - { id: api, name: API, owner: Platform, target: 0.99, latencyThresholdMs: 200 }
incidentLevels:
  - { id: major, name: Major, words: [Sev1, 重大], detect: 10m, acknowledge: 5m, restore: 2h }
  - { id: minor, name: Minor, words: [Sev2], detect: 30m, acknowledge: 30m, restore: 8h }
sources:
  - { id: mon, kind: checks, files: checks.csv }
  - { id: inc, kind: incidents, files: incidents.csv, asOf: "2026-10-01 00:00" }
`;

// Line numbers count the header as line 1.
const INCIDENTS = [
  'id,level,service,started,detected,acknowledged,restored,post_mortem,root_cause',
  // line 2: detect 7 m, acknowledge 3 m, restore 1 h 07 m; overlaps the 12:00–13:00 outage
  'INC-1,Sev1,api,2026-09-10 11:58,2026-09-10 12:05,2026-09-10 12:08,2026-09-10 13:05,https://wiki.example/pm/1,change',
  // line 3: detect 40 m (miss of 30 m), acknowledge 5 m, restore 1 h; no outage then
  'INC-2,Sev2,api,2026-09-20 09:00,2026-09-20 09:40,2026-09-20 09:45,2026-09-20 10:00,,capacity',
  // line 4: detect 0, no acknowledgement, still open at the horizon (5 days 15 h > 2 h: restore miss)
  'INC-3,重大,api,2026-09-25 09:00,2026-09-25 09:00,,,,',
  // line 5: detected before it started → rejected at column 5
  'INC-4,Sev1,api,2026-09-26 10:00,2026-09-26 09:00,,,,',
  // line 6: a level the policy lacks → rejected at column 2
  'INC-5,Sev9,api,2026-09-26 10:00,,,,,',
].join('\n');

async function build() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-incidents-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'review.config.yaml'), CONFIG);
  // Down from 12:00 to 12:50 on 10 September, up again at 13:00: one outage [12:00, 13:00).
  writeFileSync(
    path.join(dir, 'checks.csv'),
    monthOfChecks(2026, 9, (t) => t >= SEP_OUTAGE && t < SEP_OUTAGE + H),
  );
  writeFileSync(path.join(dir, 'incidents.csv'), `${INCIDENTS}\n`);
  const config = loadConfig(path.join(dir, 'review.config.yaml'));
  const ingest = await ingestSources(config, dir, { info() {} });
  const snaps = buildSnapshots(config, ingest, resolveRules(config), { toolVersion: 't', configSha256: 'x' });
  ingest.checks.close();
  return { ingest, snaps };
}

const m = 60_000;

describe('incidents', () => {
  it('accounts for every incident row, rejecting impossible ones with their place and reason', async () => {
    const { ingest } = await build();
    expect(ingest.incidents.map((i) => [i.id, i.level])).toEqual([
      ['INC-1', 'major'],
      ['INC-2', 'minor'],
      ['INC-3', 'major'],
    ]);
    const file = ingest.files.find((f) => f.source === 'inc');
    expect([file?.rows, file?.accepted, file?.rejected]).toEqual([5, 3, 2]);
    expect(file?.rejects.map((r) => [r.line, r.column, r.field, r.reason])).toEqual([
      [5, 5, 'detected', 'detected before the incident started'],
      [6, 2, 'level', 'unknown incident level "Sev9"; add it to an incident level\'s words'],
    ]);
  });

  it('judges the period by level against the graded-response targets and links outages both ways', async () => {
    const { snaps } = await build();
    const sep = snaps.find((s) => s.period.id === '2026-09');
    expect(periodSnapshotSchema.safeParse(sep).success).toBe(true);
    const inc = sep?.incidents;
    expect(inc?.levels.map((l) => [l.id, l.count, l.open, l.detectStage, l.acknowledgeStage, l.restoreStage])).toEqual([
      // major: INC-1 within on all three; INC-3 detect 0 (within), no ack (unmeasured), open past 2 h (miss)
      [
        'major',
        2,
        1,
        { measured: 2, withinTarget: 2, share: 1 },
        { measured: 1, withinTarget: 1, share: 1 },
        { measured: 2, withinTarget: 1, share: 0.5 },
      ],
      // minor: INC-2 detect 40 m > 30 m (miss), ack 5 m and restore 1 h within
      [
        'minor',
        1,
        0,
        { measured: 1, withinTarget: 0, share: 0 },
        { measured: 1, withinTarget: 1, share: 1 },
        { measured: 1, withinTarget: 1, share: 1 },
      ],
    ]);
    expect(inc?.outages).toEqual([{ service: 'api', startMs: SEP_OUTAGE, endMs: SEP_OUTAGE + H, incidents: ['INC-1'] }]);
    expect(inc?.list.map((i) => [i.id, i.outages])).toEqual([
      ['INC-1', [0]],
      ['INC-2', []],
      ['INC-3', []],
    ]);
    expect(inc?.list[0]?.startedMs).toBe(SEP_OUTAGE - 2 * m);
    expect(inc?.outagesWithoutIncident).toBe(0);
    expect(inc?.incidentsWithoutOutage).toEqual(['INC-2', 'INC-3']);
    // One month reviewed: capacity and change tie at 1 (by name), the unknown cause last.
    expect(inc?.rootCauses).toEqual({
      periods: ['2026-09'],
      rows: [
        { category: 'capacity', counts: [1], total: 1 },
        { category: 'change', counts: [1], total: 1 },
        { category: null, counts: [1], total: 1 },
      ],
    });
    // The quarter holds the same incidents.
    expect(snaps.find((s) => s.period.id === '2026-Q3')?.incidents?.levels.map((l) => l.count)).toEqual([2, 1]);
  });

  it('leaves the block out of reviews without incident levels or incidents', async () => {
    const { snaps } = await build();
    expect(snaps.every((s) => s.incidents !== undefined)).toBe(true);
    const mini = path.resolve('test/fixtures/mini');
    const config = loadConfig(path.join(mini, 'review.config.yaml'));
    const ingest = await ingestSources(config, mini, { info() {} });
    const miniSnaps = buildSnapshots(config, ingest, resolveRules(config), { toolVersion: 't', configSha256: 'x' });
    ingest.checks.close();
    expect(miniSnaps.length).toBeGreaterThan(0);
    expect(miniSnaps.every((s) => !('incidents' in s))).toBe(true);
  });

  it('refuses a word claimed by two incident levels, an incident source without levels and a bad target', () => {
    const base = {
      review: { name: 'R' },
      services: [{ id: 'api', name: 'API', owner: 'T' }],
      sources: [{ id: 'inc', kind: 'incidents', files: 'x.csv' }],
    };
    const level = { name: 'L', detect: '10m', acknowledge: '5m', restore: '2h' };
    expect(
      problemsOf({
        ...base,
        incidentLevels: [
          { ...level, id: 'major', words: ['Sev1'] },
          { ...level, id: 'minor', words: ['sev1', 'Sev2'] },
        ],
      }),
    ).toEqual([
      'incidentLevels[1].words[0]: incident level word "sev1" is also claimed by incidentLevels[0] (words); a word can mean one level only, got "sev1"',
    ]);
    expect(problemsOf(base)).toEqual([
      'sources[0].kind: incident source "inc" needs incident levels: add incidentLevels (the graded-response policy), got "incidents"',
    ]);
    expect(problemsOf({ ...base, incidentLevels: [{ ...level, id: 'major', words: ['Sev1'], restore: 'soon' }] })).toEqual([
      'incidentLevels[0].restore: expected a duration like 30m, 4h, 1h30m or 2d, got "soon"',
    ]);
  });
});

// Audit defect 10: a Confluence post-mortem link was published as `…viewpage.action?pageId=[number]`,
// a broken link. A URL's digits are kept (a page id, not a phone number); an e-mail in it is masked.
describe('incidentsSection: post-mortem links', () => {
  const incident = (postMortem: string): IncidentRecord => ({
    source: 'inc',
    id: 'INC-9',
    level: 'major',
    service: 'api',
    startedMs: Date.UTC(2026, 8, 10),
    detectedMs: null,
    acknowledgedMs: null,
    restoredMs: null,
    postMortem,
    rootCause: null,
  });
  const shown = (postMortem: string) =>
    incidentsSection(
      { config: { incidentLevels: [] }, incidents: [incident(postMortem)], zone: 'UTC', horizons: [] },
      { kind: 'month', bounds: { startMs: Date.UTC(2026, 8, 1), endMs: Date.UTC(2026, 9, 1) }, periodsUpTo: ['2026-09'] },
      [],
    )?.list[0]?.postMortem;

  it('keeps a link whose page id has 8 or more digits whole', () => {
    const link = 'https://wiki.example.com/pages/viewpage.action?pageId=123456789';
    expect(shown(link)).toBe(link);
  });

  it('masks an e-mail address inside a link, and a phone number outside one', () => {
    expect(shown('https://wiki.example.com/display/~jo.doe@example.com/PM?pageId=123456789')).toBe(
      'https://wiki.example.com/display/~[email]/PM?pageId=123456789',
    );
    expect(shown('https://crm.example.com/find?q=jo%40example.com&id=12345678')).toBe('https://crm.example.com/find?q=[email]&id=12345678');
    expect(shown('ask Jo on 07700 900123, notes at https://wiki.example.com/x/12345678')).toBe(
      'ask Jo on [phone], notes at https://wiki.example.com/x/12345678',
    );
  });
});
