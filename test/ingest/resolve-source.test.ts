/**
 * resolveSourceOptions and resolveSource (src/lib/ingest/resolve-source.ts): each option is
 * defaulted once, in the order the config reference gives (docs/config.md: "default: the preset's,
 * else ymd" for dateOrder, "default: the review zone" for timeZone; docs/presets.md: a source's own
 * columns, values, timeZone and dateOrder override its preset), and both the row mapper and the
 * fast-path plan read the very same timestamp options.
 */
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/lib/config/config-schema.ts';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { fastChecksPlan } from '../../src/lib/ingest/fast-checks.ts';
import {
  duplicateColumnsMessage,
  missingColumnsMessage,
  resolveSource,
  resolveSourceOptions,
} from '../../src/lib/ingest/resolve-source.ts';

const config = (source: Record<string, unknown>) =>
  validateConfig({
    review: { name: 'Resolve', timeZone: 'Europe/London' },
    services: [{ id: 'api', name: 'API', owner: 'P', target: 0.99, latencyThresholdMs: 200, aliases: ['gw'] }],
    priorities: [{ id: 'p1', name: 'P1', words: ['Critical'], response: '15m', resolution: '4h' }],
    sources: [{ id: 's', files: 'x.csv', ...source }],
  });

const optionsOf = (source: Record<string, unknown>) => {
  const cfg = config(source);
  return resolveSourceOptions(cfg.sources[0] as SourceConfig, cfg);
};

describe('resolveSourceOptions', () => {
  it('defaults the timestamp options: the source, else the preset, else the review', () => {
    expect(optionsOf({ kind: 'checks' }).options.timestamps).toEqual({
      timeZone: 'Europe/London',
      dateOrder: 'ymd',
      ambiguous: 'reject',
      epochUnit: 'auto',
    });
    // boston-311 fixes America/New_York and month-first dates.
    expect(optionsOf({ kind: 'tickets', preset: 'boston-311' }).options.timestamps).toMatchObject({
      timeZone: 'America/New_York',
      dateOrder: 'mdy',
    });
    // An explicit ymd wins over the preset's order (the old fast-path rule let the preset win).
    expect(
      optionsOf({ kind: 'tickets', preset: 'servicenow-incident', dateOrder: 'ymd', timeZone: 'UTC' }).options.timestamps,
    ).toMatchObject({ timeZone: 'UTC', dateOrder: 'ymd' });
  });

  it('lays the source over the preset for columns and values, and normalises preset words once', () => {
    const { options } = optionsOf({
      kind: 'checks',
      preset: 'uptime-kuma',
      columns: { latencyMs: 'rtt' },
      values: { status: { '2': 'down', PAUSED: 'down' } },
    });
    expect(options.columns.latencyMs).toEqual(['rtt']);
    expect(options.columns.service).toEqual(['name', 'monitor_name', 'monitor']);
    expect(options.columns.probe).toEqual(['probe', 'location', 'region']);
    expect(options.values.status).toEqual({ '0': 'down', '1': 'up', '2': 'down', PAUSED: 'down' });
    expect(Object.keys(options.rejectWords.status ?? {})).toEqual(['3']);
  });

  it('keeps minutes-after-creation fields only where the source does not map the column itself', () => {
    expect(optionsOf({ kind: 'tickets', preset: 'zendesk' }).options.minutesAfterCreated).toEqual(['firstResponseMs']);
    expect(
      optionsOf({ kind: 'tickets', preset: 'zendesk', columns: { firstResponseMs: 'First reply at' } }).options.minutesAfterCreated,
    ).toEqual([]);
  });

  // Issue #13: before, an unknown preset was reported without the valid ones.
  it('reports an unknown preset as a config problem listing the known ones', () => {
    let problems: string[] = [];
    try {
      optionsOf({ kind: 'checks', preset: 'nagios' });
    } catch (e) {
      problems = (e as { problems: string[] }).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^sources\[0\]\.preset: unknown preset "nagios"; known presets: [a-z0-9-]+(, [a-z0-9-]+)+/);
    expect(problems[0]).toContain('jira-service-management');
  });
});

describe('resolveSource', () => {
  it('finds columns by name, trimmed and in any case', () => {
    const r = resolveSource(optionsOf({ kind: 'checks' }).options, [' Timestamp ', 'SERVICE', 'status', 'latency_ms']);
    expect('indices' in r && r.indices).toEqual({ timeMs: 0, service: 1, status: 2, latencyMs: 3 });
  });

  it('names the headers it looked for when a required column is missing', () => {
    const r = resolveSource(optionsOf({ kind: 'checks', preset: 'uptime-kuma' }).options, ['when', 'status']);
    expect('missing' in r && missingColumnsMessage('k.csv', r.missing, ['when', 'status'])).toBe(
      'k.csv: missing required columns timeMs ("time"); service ("name" or "monitor_name" or "monitor", or set defaultService); the header has "when", "status"',
    );
    expect('missing' in resolveSource(optionsOf({ kind: 'checks', defaultService: 'api' }).options, ['time', 'status'])).toBe(false);
  });

  it('gives the fast-path plan the same timestamp options the row mapper reads', () => {
    const { options } = optionsOf({ kind: 'checks', dateOrder: 'dmy' });
    const r = resolveSource(options, ['time', 'service', 'status']);
    if (!('indices' in r)) throw new Error('unexpected');
    expect(fastChecksPlan(r, ',')?.tsOpts).toBe(options.timestamps);
  });

  // Issue #13: before, a header naming status twice silently used the first.
  it('refuses a header that names a column it reads twice, naming both positions', () => {
    const header = ['time', 'service', 'Status', 'latency_ms', 'status'];
    const r = resolveSource(optionsOf({ kind: 'checks' }).options, header);
    expect('duplicates' in r && duplicateColumnsMessage('c.csv', r.duplicates)).toBe(
      'c.csv: the header names a column twice: "Status" (status) is both column 3 and column 5; rename or remove one',
    );
    // Columns the source does not read may repeat (Jira exports repeat "Labels", "Watchers").
    expect('indices' in resolveSource(optionsOf({ kind: 'checks' }).options, ['time', 'service', 'status', 'x', 'x'])).toBe(true);
  });
});

// Found by the fuzz test (issue #13): a quoted header cell with a line break broke the message over lines.
describe('missingColumnsMessage', () => {
  it('keeps the message on one line, header cells shown as JSON strings', () => {
    expect(missingColumnsMessage('s.csv', ['csat'], ['id', 'two\nlines', 'x"y'])).toBe(
      's.csv: missing required column csat; the header has "id", "two\\nlines", "x\\"y"',
    );
  });
});
