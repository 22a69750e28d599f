/**
 * The preset catalogue as data, and the generic mapper capabilities the presets rely on
 * (value maps that resolve through the config, Likert words, missing words, resolved statuses,
 * minutes after creation, known words that are rejected), row by row through rowMapperFor.
 */
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/lib/config/config-schema.ts';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { PRESETS } from '../../src/lib/config/presets.ts';
import { resolveSource, resolveSourceOptions } from '../../src/lib/ingest/resolve-source.ts';
import { rowMapperFor } from '../../src/lib/ingest/row-mappers.ts';
import { CANONICAL_FIELDS } from '../../src/lib/model/canonical-fields.ts';
import { VALUE_MAP_FIELDS } from '../../src/lib/model/value-maps.ts';
import { reasonText } from '../../src/lib/util/reason.ts';

const config = (source: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  validateConfig({
    review: { name: 'Preset mapping test' },
    services: [{ id: 'desk', name: 'Service desk', owner: 'Desk', target: 0.99, latencyThresholdMs: 500 }],
    priorities: [
      { id: 'p1', name: 'P1', words: ['Critical'], response: '15m', resolution: '4h' },
      { id: 'p3', name: 'P3', words: ['Moderate'], response: '4h', resolution: '3d' },
    ],
    sources: [{ id: 's', files: 'x.csv', ...source }],
    ...extra,
  });

/** A mapper over `header` for the config's only source, resolved as ingestion resolves it; a reject's reason as text (unmasked). */
function mapper(source: Record<string, unknown>, header: string[], extra: Record<string, unknown> = {}) {
  const cfg = config(source, extra);
  const resolved = resolveSource(resolveSourceOptions(cfg.sources[0] as SourceConfig, cfg).options, header);
  if ('missing' in resolved) throw new Error(`missing columns: ${resolved.missing.join('; ')}`);
  if ('duplicates' in resolved) throw new Error(resolved.duplicates.join('; '));
  const map = rowMapperFor(resolved);
  return (fields: string[], line: number) => {
    const out = map(fields, line);
    return 'reason' in out ? { ...out, reason: reasonText(out.reason) } : out;
  };
}

describe('the preset catalogue', () => {
  it('has unique ids, names only canonical fields of its kind and maps only fields that take value maps', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const known = Object.keys(CANONICAL_FIELDS[p.kind]);
      for (const f of [...Object.keys(p.columns), ...Object.keys(p.values), ...Object.keys(p.rejectWords ?? {})])
        expect(known, `${p.id}: ${f}`).toContain(f);
      // and maps words only of fields the row mapper reads a map for (as the config demands of a source's own)
      const mapped: readonly string[] = VALUE_MAP_FIELDS[p.kind];
      for (const f of Object.keys(p.values)) expect(mapped, `${p.id}: values.${f}`).toContain(f);
      if (p.resolvedStatuses || p.minutesAfterCreated) expect(p.kind, p.id).toBe('tickets');
    }
    expect(PRESETS.map((p) => p.id)).toEqual([
      'servicenow-incident',
      'servicenow-change-request',
      'boston-311',
      'upptime',
      'carpentries-survey',
      'jira-service-management',
      'zendesk',
      'uptime-kuma',
    ]);
  });
});

describe('generic mapping used by the presets', () => {
  const snHeader = ['number', 'incident_state', 'opened_at', 'resolved_at', 'priority', 'reopen_count'];
  const sn = (extra: Record<string, unknown> = {}) =>
    mapper({ kind: 'tickets', preset: 'servicenow-incident', defaultService: 'desk', ...extra }, snHeader);

  it('maps a preset word to a word the config resolves (1 - Critical → P1 → level p1)', () => {
    const map = sn();
    expect(map(['INC1', 'Closed', '5/3/2016 12:00', '5/3/2016 13:00', '1 - Critical', '0'], 2)).toMatchObject({
      ticket: { priority: 'p1', createdMs: Date.UTC(2016, 2, 5, 12), reopened: false },
    });
    // "P2" resolves to no configured level: rejected, not passed on as a level id that does not exist.
    expect(map(['INC2', 'New', '5/3/2016 12:00', '?', '2 - High', '0'], 3)).toMatchObject({
      field: 'priority',
      value: '2 - High',
      reason: 'unknown priority "2 - High"; add it to a level\'s words',
    });
    // A source's own map overrides the preset's, and may name a level word.
    const own = sn({ values: { priority: { '2 - High': 'Critical' } } });
    expect(own(['INC2', 'New', '5/3/2016 12:00', '?', '2 - High', '0'], 3)).toMatchObject({ ticket: { priority: 'p1' } });
  });

  it('reads "?" as missing, and rejects a resolved status without a resolved time', () => {
    const map = sn();
    expect(map(['INC3', 'Active', '5/3/2016 12:00', '?', '3 - Moderate', '0'], 4)).toMatchObject({ ticket: { resolvedMs: null } });
    expect(map(['INC3', 'closed', '5/3/2016 12:00', '?', '3 - Moderate', '0'], 5)).toEqual({
      line: 5,
      column: 4,
      field: 'resolved_at',
      value: '?',
      reason: 'status "closed" means resolved, but the resolved time is empty',
      // resolved_at is read as a timestamp: a value wholly shaped like one would keep its digits (file-account.ts).
      timestampCell: true,
    });
  });

  it('maps Likert words through values and checks the score against the scale', () => {
    const header = ['Date', 'LikelyToRecommend', 'Worth'];
    const map = mapper({ kind: 'surveys', preset: 'carpentries-survey' }, header);
    // Case and non-breaking spaces do not matter.
    expect(map(['9/8/18 15:29', '10', 'strongly\u00a0agree'], 2)).toMatchObject({ survey: { nps: 10, csat: 5 } });
    expect(map(['9/8/18 15:29', '11', 'Agree'], 3)).toMatchObject({
      field: 'LikelyToRecommend',
      reason: 'expected a value from 0 to 10, got "11"',
    });
    expect(map(['9/8/18 15:29', '', 'Somewhat agree'], 4)).toMatchObject({
      field: 'Worth',
      reason: 'expected a number, got "Somewhat agree"; map score words under values.csat',
    });
    // The mapped number is checked against the configured scale: on a 2–6 scale "Strongly Disagree" (1) does not fit.
    const narrow = mapper({ kind: 'surveys', preset: 'carpentries-survey' }, header, {
      surveys: { csat: { min: 2, max: 6, satisfiedAtLeast: 5 } },
    });
    expect(narrow(['9/8/18 15:29', '', 'Strongly Disagree'], 5)).toMatchObject({
      field: 'Worth',
      reason: 'expected a value from 2 to 6, got "Strongly Disagree" (mapped to 1)',
    });
  });

  it('rejects an on-time verdict word it does not know instead of reading it as late', () => {
    const header = ['CASE_ENQUIRY_ID', 'OPEN_DT', 'CLOSED_DT', 'TYPE', 'CASE_STATUS', 'OnTime_Status', 'TARGET_DT'];
    const map = mapper({ kind: 'tickets', preset: 'boston-311', defaultService: 'desk' }, header);
    const row = (verdict: string) => ['1', '01/02/2015 10:25:02 AM', '', 'Critical', 'Open', verdict, '01/03/2015 10:25:02 AM'];
    expect(map(row('OVERDUE'), 2)).toMatchObject({ ticket: { sourceOnTime: false, sourceDeadlineMs: Date.UTC(2015, 0, 3, 15, 25, 2) } });
    expect(map(row('ONTIME'), 3)).toMatchObject({ ticket: { sourceOnTime: true } });
    expect(map(row('PENDING'), 4)).toMatchObject({
      field: 'OnTime_Status',
      reason: 'unknown on-time verdict "PENDING"; map it under values.sourceOnTime to true or false',
    });
  });

  it('turns minutes after creation into an instant, unless the source maps the field itself', () => {
    const header = ['Id', 'Created at', 'First reply time in minutes', 'Priority', 'Status'];
    const map = mapper({ kind: 'tickets', preset: 'zendesk', defaultService: 'desk' }, header);
    expect(map(['7', '2026-11-03 08:00:00', '90', 'Critical', 'Open'], 2)).toMatchObject({
      ticket: { firstResponseMs: Date.UTC(2026, 10, 3, 9, 30) },
    });
    expect(map(['7', '2026-11-03 08:00:00', '-5', 'Critical', 'Open'], 3)).toMatchObject({
      reason: 'expected minutes after creation (0 or more), got "-5"',
    });
    const own = mapper({ kind: 'tickets', preset: 'zendesk', defaultService: 'desk', columns: { firstResponseMs: 'First reply at' } }, [
      'Id',
      'Created at',
      'First reply at',
      'Priority',
      'Status',
    ]);
    expect(own(['7', '2026-11-03 08:00:00', '2026-11-03 08:20:00', 'Critical', 'Open'], 2)).toMatchObject({
      ticket: { firstResponseMs: Date.UTC(2026, 10, 3, 8, 20) },
    });
  });

  it("maps a status code through the preset and explains a known word it rejects (Uptime Kuma's maintenance)", () => {
    const map = mapper({ kind: 'checks', preset: 'uptime-kuma' }, ['monitor', 'time', 'status', 'ping']);
    expect(map(['desk', '2026-11-03 08:00:00.250', '2', ''], 2)).toMatchObject({
      check: { status: 'degraded', timeMs: Date.UTC(2026, 10, 3, 8, 0, 0, 250), latencyMs: null },
    });
    expect(map(['desk', '2026-11-03 08:01:00.250', '3', ''], 3)).toMatchObject({ field: 'status', value: '3' });
    expect(map(['desk', '2026-11-03 08:01:00.250', '4', ''], 3)).toMatchObject({
      reason: 'unknown status "4"; map it under values.status in the source config',
    });
  });
});
