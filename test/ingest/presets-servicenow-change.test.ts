/**
 * The servicenow-change-request preset on a small hand-written export in
 * test/fixtures/presets/servicenow-change/ with the columns of ServiceNow's change_request list
 * export (number, short_description, type, state, cmdb_ci, business_service, start_date, end_date,
 * work_start, work_end, close_code) and a custom u_caused_incident column. The instance writes
 * dd/MM/yyyy dates in Europe/London, without an offset.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const utc = (iso: string) => Date.parse(iso);

describe('servicenow-change-request preset on a hand-written change_request export', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestSources(loadConfig(path.join(FIXTURES, 'servicenow-change.config.yaml')), FIXTURES, { info() {} });
  });

  it('accounts for every row, rejecting impossible ones with their column', () => {
    const [f] = result.files;
    expect([f?.rows, f?.accepted, f?.rejected, f?.duplicates]).toEqual([7, 5, 2, 0]);
    expect(f?.rejects.map((r) => [r.line, r.column, r.field, r.value, r.reason])).toEqual([
      // CHG0030006: work_end 10:15 before work_start 10:30.
      [7, 12, 'work_end', '14/10/2026 10:15:00', 'actual end before the actual start'],
      // CHG0030007: "Expedited" is not a ServiceNow type the preset maps.
      [8, 3, 'type', 'Expedited', 'unknown change type "Expedited"; map it under values.type to normal, standard or emergency'],
    ]);
  });

  it('maps types, close codes, day-first dates in the instance zone and the service', () => {
    const byId = new Map(result.changes.map((c) => [c.id, c]));
    // CHG0030001: 06/10/2026 is 6 October (dd/MM); London is on BST (UTC+1) then: 22:00 → 21:00Z.
    expect(byId.get('CHG0030001')).toEqual({
      source: 'snow-changes',
      id: 'CHG0030001',
      service: 'payments',
      title: 'Upgrade payment gateway library',
      type: 'normal',
      outcome: 'successful',
      plannedStartMs: utc('2026-10-06T21:00:00Z'),
      plannedEndMs: utc('2026-10-06T22:00:00Z'),
      actualStartMs: utc('2026-10-06T21:05:00Z'),
      actualEndMs: utc('2026-10-06T21:50:00Z'),
      causedIncident: null,
      causedIncidentId: null,
    });
    // "Successful with issues" counts as successful (ITIL: the change delivered its outcome).
    expect(byId.get('CHG0030002')?.outcome).toBe('successful');
    expect(byId.get('CHG0030002')?.type).toBe('standard');
    // "Unsuccessful" is a failed change; the custom column names the incident it caused.
    expect([byId.get('CHG0030003')?.type, byId.get('CHG0030003')?.outcome, byId.get('CHG0030003')?.causedIncidentId]).toEqual([
      'emergency',
      'failed',
      'INC0010001',
    ]);
    // Cancelled: no close code, no work times: no outcome, judged on its plan.
    expect([byId.get('CHG0030004')?.outcome, byId.get('CHG0030004')?.actualStartMs]).toEqual([null, null]);
    // In progress (Implement): started, not ended, not closed.
    expect([byId.get('CHG0030005')?.actualStartMs, byId.get('CHG0030005')?.actualEndMs, byId.get('CHG0030005')?.outcome]).toEqual([
      utc('2026-10-30T20:10:00Z'),
      null,
      null,
    ]);
  });
});
