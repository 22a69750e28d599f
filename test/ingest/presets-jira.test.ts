/**
 * The jira-service-management preset on two small hand-written exports in
 * test/fixtures/presets/jira/ with the columns of Jira's "Export CSV (all fields)": repeated
 * headers for multi-value fields (Component/s, Labels), a multi-line quoted Description, and
 * dates in the yyyy-MM-dd HH:mm form (see docs/presets.md on Jira's default dd/MMM/yy format).
 * The second file is a later export that holds ITSD-103 again, now resolved.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const utc = (iso: string) => Date.parse(iso);

describe('jira-service-management preset on a hand-written Jira export', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestSources(loadConfig(path.join(FIXTURES, 'jira.config.yaml')), FIXTURES, { info() {} });
  });

  it('accounts for every row of both exports', () => {
    const accounts = result.files.map((f) => [f.file, f.rows, f.accepted, f.rejected, f.duplicates]);
    // First export: 7 rows; ITSD-104 and ITSD-107 rejected; ITSD-103 replaced by the later export.
    expect(accounts).toEqual([
      ['jira/jira-export-2026-11-05.csv', 7, 4, 2, 1],
      ['jira/jira-export-2026-11-06.csv', 2, 2, 0, 0],
    ]);
    expect(result.files[0]?.rejects).toEqual([
      // ITSD-104 (line 6; the multi-line description of ITSD-101 spans lines 2–3): Done, but no Resolved date.
      { line: 6, column: 17, field: 'Resolved', value: null, reason: 'status "Done" means resolved, but the resolved time is empty' },
      // ITSD-107: "Trivial" is a Jira priority this config has no level for.
      { line: 9, column: 9, field: 'Priority', value: 'Trivial', reason: 'unknown priority "Trivial"; add it to a level\'s words' },
    ]);
    expect(result.tickets.map((t) => t.id)).toEqual(['ITSD-101', 'ITSD-102', 'ITSD-103', 'ITSD-105', 'ITSD-106', 'ITSD-108']);
  });

  it('maps the columns, reading times in the source zone (Europe/Berlin, UTC+1 in November)', () => {
    const byId = new Map(result.tickets.map((t) => [t.id, t]));
    // ITSD-101: Created 2026-11-02 09:12, Resolved 2026-11-02 15:30 Berlin → 08:12Z and 14:30Z.
    expect(byId.get('ITSD-101')).toEqual({
      source: 'jira-itsd',
      id: 'ITSD-101',
      createdMs: utc('2026-11-02T08:12:00Z'),
      firstResponseMs: null,
      resolvedMs: utc('2026-11-02T14:30:00Z'),
      priority: 'p2',
      category: 'Report a system problem',
      service: 'network',
      title: 'VPN drops every 10 minutes',
      status: 'Resolved',
      reopened: null,
      sourceOnTime: null,
      sourceDeadlineMs: null,
    });
    // ITSD-102 has two components; the first Component/s column decides.
    expect(byId.get('ITSD-102')).toMatchObject({ priority: 'p1', service: 'customer-portal' });
    // ITSD-103: the later export's row wins (resolved 2026-11-06 09:45 Berlin).
    expect(byId.get('ITSD-103')).toMatchObject({ status: 'Resolved', resolvedMs: utc('2026-11-06T08:45:00Z') });
    // ITSD-105 names no component.
    expect(byId.get('ITSD-105')).toMatchObject({ service: null, resolvedMs: null, status: 'Waiting for support' });
  });
});
