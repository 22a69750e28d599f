/**
 * VALUE_MAP_FIELDS is what the config lets a source map words of (config/source-mappings.ts refuses
 * any other field under `values`). Each field it lists must be one the row mapper reads a map for:
 * a word the export writes that nothing else knows (`zzz`) is rejected at that field without the
 * map and read as the map's target with it. (The other way round, row-mappers.ts takes its maps by
 * a ValueMapField name, so a map it reads that the table lacks does not type-check.)
 */
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/lib/config/config-schema.ts';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { resolveSource, resolveSourceOptions } from '../../src/lib/ingest/resolve-source.ts';
import { rowMapperFor } from '../../src/lib/ingest/row-mappers.ts';
import { VALUE_MAP_FIELDS } from '../../src/lib/model/value-maps.ts';

const T = '2026-05-01T00:00:00Z';

/** Per kind: a header, a row every field of which reads, the record's key in the mapper's result. */
const KINDS = {
  checks: { header: ['timestamp', 'service', 'status', 'latency_ms'], row: [T, 'api', 'up', '100'], record: 'check' },
  tickets: { header: ['id', 'created', 'priority', 'service', 'on_time'], row: ['T1', T, 'P1', 'api', 'yes'], record: 'ticket' },
  surveys: { header: ['submitted_at', 'service', 'csat', 'nps', 'ces'], row: [T, 'api', '4', '9', '2'], record: 'survey' },
  incidents: { header: ['id', 'level', 'service', 'started'], row: ['I1', 'Sev1', 'api', T], record: 'incident' },
  changes: {
    header: ['id', 'type', 'outcome', 'service', 'planned_start'],
    row: ['C1', 'normal', 'successful', 'api', T],
    record: 'change',
  },
} as const;

/** Per field, the column that holds it and a target of a map with what the record then holds. */
const CASES: Record<string, { column: string; target: string; read: unknown }> = {
  'checks.service': { column: 'service', target: 'Gateway', read: 'api' },
  'checks.status': { column: 'status', target: 'degraded', read: 'degraded' },
  'tickets.priority': { column: 'priority', target: 'p2', read: 'p2' },
  'tickets.service': { column: 'service', target: 'Reporting', read: 'reporting' },
  'tickets.sourceOnTime': { column: 'on_time', target: 'false', read: false },
  'surveys.service': { column: 'service', target: 'reporting', read: 'reporting' },
  'surveys.csat': { column: 'csat', target: '3', read: 3 },
  'surveys.nps': { column: 'nps', target: '7', read: 7 },
  'surveys.ces': { column: 'ces', target: '5', read: 5 },
  'incidents.level': { column: 'level', target: 'Sev3', read: 'minor' },
  'incidents.service': { column: 'service', target: 'api', read: 'api' },
  'changes.service': { column: 'service', target: 'api', read: 'api' },
  'changes.type': { column: 'type', target: 'emergency', read: 'emergency' },
  'changes.outcome': { column: 'outcome', target: 'rolled back', read: 'rolled-back' },
};

function mapperFor(kind: keyof typeof KINDS, values: Record<string, Record<string, string>>) {
  const cfg = validateConfig({
    review: { name: 'R', unknownServices: 'reject' },
    services: [
      { id: 'api', name: 'API', owner: 'T', target: 0.99, latencyThresholdMs: 500, aliases: ['gateway'] },
      { id: 'reporting', name: 'Reporting', owner: 'T', target: 0.99, latencyThresholdMs: 500 },
    ],
    priorities: [
      { id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' },
      { id: 'p2', name: 'P2', words: ['P2'], response: '1h', resolution: '1d' },
    ],
    incidentLevels: [
      { id: 'major', name: 'Major', words: ['Sev1'], detect: '5m', acknowledge: '15m', restore: '4h' },
      { id: 'minor', name: 'Minor', words: ['Sev3'], detect: '1h', acknowledge: '4h', restore: '1d' },
    ],
    sources: [{ id: 's', kind, files: 'x.csv', values }],
  });
  const resolved = resolveSource(resolveSourceOptions(cfg.sources[0] as SourceConfig, cfg).options, KINDS[kind].header);
  if (!('indices' in resolved)) throw new Error(JSON.stringify(resolved));
  return rowMapperFor(resolved);
}

describe('VALUE_MAP_FIELDS', () => {
  it('has a case here for every field it lists, and lists nothing for rollups', () => {
    const listed = Object.entries(VALUE_MAP_FIELDS).flatMap(([kind, fields]) => fields.map((f) => `${kind}.${f}`));
    expect(listed.sort()).toEqual(Object.keys(CASES).sort());
    expect(VALUE_MAP_FIELDS.rollups).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s: the row mapper reads the map', (name, c) => {
    const [kind, field] = name.split('.') as [keyof typeof KINDS, string];
    const { header, row, record } = KINDS[kind];
    const fields: string[] = [...row];
    fields[header.indexOf(c.column as never)] = 'zzz';
    // Without the map the word is nobody's: rejected at the field's column.
    expect(mapperFor(kind, {})(fields, 2)).toMatchObject({ column: header.indexOf(c.column as never) + 1, value: 'zzz' });
    // With it, the word reads as the target does.
    const out = mapperFor(kind, { [field]: { ZZZ: c.target } })(fields, 2) as unknown as Record<string, Record<string, unknown>>;
    expect(out[record]?.[field], JSON.stringify(out)).toEqual(c.read);
  });
});
