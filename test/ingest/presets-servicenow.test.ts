/**
 * The servicenow-incident preset on the real UCI incident event log
 * (../shared/datasets/uci-incident-event-log), through the real ingestion and the same config
 * that docs/presets.md runs with `review -- check`.
 *
 * Expected figures were counted independently of this code, in Python over the CSV:
 *   rows: 25,373 data rows, 3,551 distinct `number`s (SOURCE.md agrees; `cut -d, -f1 | sort -u`).
 *   rejected: rows whose incident_state is Resolved or Closed while resolved_at is "?":
 *     [r for r in rows if r['incident_state'] in ('Resolved', 'Closed') and r['resolved_at'] == '?'] → 258
 *     (128 Resolved + 130 Closed rows, from the 129 incidents SOURCE.md lists with resolved_at "?").
 *   accepted: distinct numbers among the other rows → 3,424; duplicates: 25,373 − 258 − 3,424 = 21,691.
 * File order: every incident's rows are contiguous, and each incident's last row has both its
 * highest sys_mod_count and its latest sys_updated_at (checked for all 3,551), so "the later
 * row wins" takes the final state. The 4 incidents SOURCE.md names as out of sys_mod_count order
 * (INC0000130, INC0000134, INC0000135, INC0000164) only have a high count on their first row.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileAccount } from '../../src/lib/ingest/file-account.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { datasetConfig, datasets } from '../helpers/datasets.ts';

const { have, SKIPPED } = datasets('presets-servicenow', 'uci-incident-event-log');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const CONFIG = path.join(FIXTURES, 'servicenow-uci.config.yaml');

const ingest = (): Promise<IngestResult> => ingestSources(datasetConfig(CONFIG), FIXTURES, { info() {} });
const utc = (iso: string) => Date.parse(iso);

describe.skipIf(!have)(`servicenow-incident preset on the UCI incident event log${SKIPPED}`, () => {
  let result: IngestResult;
  let file: FileAccount | undefined;
  let byId: Map<string, TicketRecord>;
  beforeAll(async () => {
    result = await ingest();
    file = result.files[0];
    byId = new Map(result.tickets.map((t) => [t.id, t]));
  });

  it('accounts for every row: accepted + rejected + duplicates = rows', () => {
    expect(result.files).toHaveLength(1);
    expect(file?.file.endsWith('uci-incident-event-log/incident_event_log_subset.csv')).toBe(true);
    expect({ rows: file?.rows, accepted: file?.accepted, rejected: file?.rejected, duplicates: file?.duplicates }).toEqual({
      rows: 25_373,
      accepted: 3_424,
      rejected: 258,
      duplicates: 21_691,
    });
    expect(result.tickets).toHaveLength(3_424);
  });

  it('rejects closed events without a resolution time, and nothing else', () => {
    expect(file?.rejectsByReason).toEqual({ 'resolved_at: status "…" means resolved, but the resolved time is empty': 258 });
    // INC0000093 was created already Resolved: both its events carry resolved_at "?" (lines 175, 176).
    expect(file?.rejects.slice(0, 2)).toEqual([
      {
        line: 175,
        column: 35,
        field: 'resolved_at',
        value: '?',
        reason: 'status "Resolved" means resolved, but the resolved time is empty',
      },
      { line: 176, column: 35, field: 'resolved_at', value: '?', reason: 'status "Closed" means resolved, but the resolved time is empty' },
    ]);
    expect(byId.has('INC0000093')).toBe(false);
  });

  it('keeps each incident’s final state (the last event row)', () => {
    const states = new Map<string, number>();
    for (const t of result.tickets) states.set(t.status ?? '', (states.get(t.status ?? '') ?? 0) + 1);
    // 3,422 incidents end Closed; INC0003115 and INC0005100 were closed straight from New without a
    // resolved_at, so their Closed rows are rejected and their New row is what remains.
    expect(Object.fromEntries(states)).toEqual({ Closed: 3_422, New: 2 });
    expect(byId.get('INC0003115')).toMatchObject({ status: 'New', resolvedMs: null });
    // Priority on the final row (SOURCE.md: 3,204 / 238 / 76 / 33 over all 3,551 incidents; the
    // 127 incidents rejected whole were 117 Moderate and 10 Low).
    const byPriority = new Map<string, number>();
    for (const t of result.tickets) byPriority.set(t.priority, (byPriority.get(t.priority) ?? 0) + 1);
    expect(Object.fromEntries(byPriority)).toEqual({ p3: 3_087, p4: 228, p2: 76, p1: 33 });
  });

  it('reads day-first dates without a zone in the configured zone (UTC)', () => {
    // INC0000045, line 5 (final row): opened_at 29/2/2016 01:16, resolved_at 29/2/2016 11:29.
    expect(byId.get('INC0000045')).toEqual({
      source: 'uci-incidents',
      id: 'INC0000045',
      createdMs: utc('2016-02-29T01:16:00Z'),
      firstResponseMs: null,
      resolvedMs: utc('2016-02-29T11:29:00Z'),
      priority: 'p3',
      category: 'Category 55',
      service: 'it-service-desk',
      title: '',
      status: 'Closed',
      reopened: false,
      // made_sla "true" on line 5 (issue #15: the preset maps it as the system's own verdict).
      sourceOnTime: true,
      sourceDeadlineMs: null,
    });
    // INC0000102, line 221: opened 29/2/2016 09:06, resolved 17/3/2016 16:28 (day 17 proves day-first), reopen_count 1.
    expect(byId.get('INC0000102')).toMatchObject({
      createdMs: utc('2016-02-29T09:06:00Z'),
      resolvedMs: utc('2016-03-17T16:28:00Z'),
      reopened: true,
    });
    // INC0000062 was raised from 3 - Moderate to 2 - High after its first event: the final row's priority counts.
    expect(byId.get('INC0000062')?.priority).toBe('p2');
    // INC0000134 is one of the four out of sys_mod_count order (2, 1, 2, 3, 4); its last row (line 350) is Closed.
    expect(byId.get('INC0000134')).toMatchObject({ status: 'Closed', priority: 'p4', resolvedMs: utc('2016-03-03T08:21:00Z') });
  });

  it('takes opened_at for every incident from 2016-02-29 to 2016-03-10 (SOURCE.md range)', () => {
    expect(file?.firstMs).toBe(utc('2016-02-29T01:16:00Z'));
    expect(file?.lastMs).toBe(utc('2016-03-10T21:55:00Z'));
    expect(file?.fields).toEqual(['category', 'createdMs', 'id', 'priority', 'reopened', 'resolvedMs', 'sourceOnTime', 'status']);
  });
});
