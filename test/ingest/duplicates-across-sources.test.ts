/**
 * A record's id is unique within its source, not across sources: two ticket systems side by side
 * (README, `priorities[].sources`) each number their tickets, so desk's 1001 and jira's 1001 are two
 * tickets. Before, ingestion keyed tickets, survey responses, incidents and changes by id alone: the
 * second source's 1001 replaced the first's and the first was counted a duplicate, so a ticket (and
 * its figures) vanished under "1 duplicates". Within one source, a repeated id is still a duplicate
 * and the later row wins.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const config = validateConfig({
  review: { name: 'Two desks', timeZone: 'UTC' },
  services: [{ id: 'api', name: 'API', owner: 'Ops', target: 0.99, latencyThresholdMs: 500 }],
  priorities: [{ id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' }],
  incidentLevels: [{ id: 'sev1', name: 'Sev1', words: ['Sev1'], detect: '5m', acknowledge: '5m', restore: '1h' }],
  sources: [
    { id: 'desk', kind: 'tickets', files: 'desk-*.csv', defaultService: 'api' },
    { id: 'jira', kind: 'tickets', files: 'jira-*.csv', defaultService: 'api' },
    { id: 'survey-a', kind: 'surveys', files: 'survey-a.csv', defaultService: 'api' },
    { id: 'survey-b', kind: 'surveys', files: 'survey-b.csv', defaultService: 'api' },
    { id: 'oncall-a', kind: 'incidents', files: 'incidents-a.csv', defaultService: 'api' },
    { id: 'oncall-b', kind: 'incidents', files: 'incidents-b.csv', defaultService: 'api' },
    { id: 'changes-a', kind: 'changes', files: 'changes-a.csv', defaultService: 'api' },
    { id: 'changes-b', kind: 'changes', files: 'changes-b.csv', defaultService: 'api' },
  ],
});

describe('duplicates are settled within a source, never across sources', () => {
  it('keeps the same id in two sources as two records, and still settles a repeat within one source', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dup-sources-'));
    dirs.push(dir);
    const files: Record<string, string> = {
      // desk: 1001 twice across its two files (the later row wins: one duplicate), and 1002.
      'desk-1.csv': 'id,created,priority\n1001,2026-09-01 09:00,P1\n1002,2026-09-01 10:00,P1\n',
      'desk-2.csv': 'id,created,priority\n1001,2026-09-02 09:00,P1\n',
      // jira: its own 1001 and 1003; neither is a duplicate of desk's.
      'jira-1.csv': 'id,created,priority\n1001,2026-09-03 09:00,P1\n1003,2026-09-03 10:00,P1\n',
      'survey-a.csv': 'id,submitted_at,csat\nR1,2026-09-01 09:00,5\n',
      'survey-b.csv': 'id,submitted_at,csat\nR1,2026-09-01 09:00,2\n',
      'incidents-a.csv': 'id,level,started\nI1,Sev1,2026-09-01 09:00\n',
      'incidents-b.csv': 'id,level,started\nI1,Sev1,2026-09-02 09:00\n',
      'changes-a.csv': 'id,type,planned_start\nC1,Normal,2026-09-01 09:00\n',
      'changes-b.csv': 'id,type,planned_start\nC1,Emergency,2026-09-02 09:00\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const r = await ingestSources(config, dir, { info() {} }, { cacheDir: null, toolVersion: 't', workers: 0 });
    r.checks.close();

    // Every file: rows = accepted + rejected + duplicates, and only desk-1.csv holds a duplicate (its 1001).
    const account = Object.fromEntries(r.files.map((f) => [f.file, [f.rows, f.accepted, f.rejected, f.duplicates]]));
    expect(account).toEqual({
      'desk-1.csv': [2, 1, 0, 1],
      'desk-2.csv': [1, 1, 0, 0],
      'jira-1.csv': [2, 2, 0, 0],
      'survey-a.csv': [1, 1, 0, 0],
      'survey-b.csv': [1, 1, 0, 0],
      'incidents-a.csv': [1, 1, 0, 0],
      'incidents-b.csv': [1, 1, 0, 0],
      'changes-a.csv': [1, 1, 0, 0],
      'changes-b.csv': [1, 1, 0, 0],
    });
    // Four tickets, in created order: desk's 1002 (09-01 10:00), desk's later 1001 (09-02), jira's 1001 and 1003 (09-03).
    expect(r.tickets.map((t) => [t.source, t.id, new Date(t.createdMs).toISOString()])).toEqual([
      ['desk', '1002', '2026-09-01T10:00:00.000Z'],
      ['desk', '1001', '2026-09-02T09:00:00.000Z'],
      ['jira', '1001', '2026-09-03T09:00:00.000Z'],
      ['jira', '1003', '2026-09-03T10:00:00.000Z'],
    ]);
    expect(r.surveys.map((s) => [s.id, s.csat])).toEqual([
      ['R1', 5],
      ['R1', 2],
    ]);
    expect(r.incidents.map((i) => [i.source, i.id])).toEqual([
      ['oncall-a', 'I1'],
      ['oncall-b', 'I1'],
    ]);
    expect(r.changes.map((c) => [c.source, c.id, c.type])).toEqual([
      ['changes-a', 'C1', 'normal'],
      ['changes-b', 'C1', 'emergency'],
    ]);
  });

  it('builds with one id in two sources at one created time, each ticket listed under its issue with its source', async () => {
    // Grouping orders tickets by created time, then id; two tickets alike in both were refused with a stack trace.
    const dir = mkdtempSync(path.join(tmpdir(), 'dup-sources-build-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'desk-1.csv'), 'id,created,priority,title\n1001,2026-09-01 09:00,P1,VPN down\n');
    writeFileSync(path.join(dir, 'jira-1.csv'), 'id,created,priority,title\n1001,2026-09-01 09:00,P1,VPN down again\n');
    writeFileSync(
      path.join(dir, 'review.config.yaml'),
      `review: { name: Two desks, timeZone: UTC }
services: [{ id: api, name: API, owner: Ops }]
priorities: [{ id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }]
sources:
  - { id: desk, kind: tickets, files: "desk-*.csv", defaultService: api }
  - { id: jira, kind: tickets, files: "jira-*.csv", defaultService: api }
`,
    );
    const r = await runCli(['build', '--data-only', '--config', path.join(dir, 'review.config.yaml')]);
    expect(r.code, r.err).toBe(0);
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'snapshots/draft/2026-09.json'), 'utf8'));
    // "VPN down" and "VPN down again": words {vpn} and {vpn, again}, J = 1/2, one issue; desk's first (config order).
    expect(
      snapshot.drillDown.recurring.map((g: { tickets: Array<{ source: string; id: string; title: string }> }) =>
        g.tickets.map((t) => [t.source, t.id, t.title]),
      ),
    ).toEqual([
      [
        ['desk', '1001', 'VPN down'],
        ['jira', '1001', 'VPN down again'],
      ],
    ]);
  });
});
