/**
 * Reject reasons of the row mapper (src/lib/ingest/row-mappers.ts), row by row through
 * rowMapperFor on hand-made rows. Expected texts are the reasons' shapes as
 * docs/reading-exports.md and the data-quality page (site/i18n/reasons.ts) list them; a value a
 * reason quotes is clipped as the value column is (src/lib/util/clip-value.ts: 77 characters and `…`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/lib/config/config-schema.ts';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { newFileAccount, type RejectedRow, type Rejection, RowAccount } from '../../src/lib/ingest/file-account.ts';
import { type IngestOptions, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { resolveSource, resolveSourceOptions } from '../../src/lib/ingest/resolve-source.ts';
import { rowMapperFor } from '../../src/lib/ingest/row-mappers.ts';

const config = (source: Record<string, unknown>, review: Record<string, unknown> = {}) =>
  validateConfig({
    review: { name: 'Reasons', timeZone: 'UTC', ...review },
    services: [
      { id: 'api', name: 'API', owner: 'P', target: 0.99, latencyThresholdMs: 200 },
      // Configured, but not monitored: no target, no latency threshold.
      { id: 'reporting', name: 'Reporting', owner: 'BI', aliases: ['BI reports'] },
    ],
    priorities: [{ id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' }],
    incidentLevels: [{ id: 'major', name: 'Major', words: ['Sev1'], detect: '10m', acknowledge: '5m', restore: '2h' }],
    sources: [{ id: 's', files: 'x.csv', ...source }],
  });

/** The mapper of the config's only source over `header`, resolved as ingestion resolves it. */
function mapper(source: Record<string, unknown>, header: string[], review: Record<string, unknown> = {}) {
  const cfg = config(source, review);
  const resolved = resolveSource(resolveSourceOptions(cfg.sources[0] as SourceConfig, cfg).options, header);
  if (!('indices' in resolved)) throw new Error(JSON.stringify(resolved));
  return rowMapperFor(resolved);
}

/** The row's rejection as the file's account records it: its reason as text, masked and clipped as published. */
const rejected = (out: unknown): RejectedRow => {
  if (out === null || typeof out !== 'object' || !('reason' in out)) throw new Error(`accepted: ${JSON.stringify(out)}`);
  const account = newFileAccount({ file: 'x.csv', source: 's', kind: 'tickets', sha256: '', bytes: 0 });
  new RowAccount(account, 'UTC').reject(out as Rejection);
  return account.rejects[0] as RejectedRow;
};

// A cell of 20,000 characters (the audit's Priority cell): the value column shows 77 of them and "…".
const LONG = 'Z'.repeat(20_000);
const CLIPPED = `${'Z'.repeat(77)}…`;

describe('a long unknown word in a reason', () => {
  const TICKET = ['id', 'created', 'priority', 'service', 'status', 'reopened', 'on_time'];
  const ticket = (cells: Partial<Record<(typeof TICKET)[number], string>>, review: Record<string, unknown> = {}) =>
    rejected(
      mapper(
        { kind: 'tickets' },
        TICKET,
        review,
      )(
        TICKET.map((h) => cells[h] ?? { id: 'T-1', created: '2026-10-01 09:00', priority: 'P1', service: 'api' }[h] ?? ''),
        2,
      ),
    );

  it('is quoted clipped like the value column, for every word a map reads', () => {
    const cases: Array<[RejectedRow, string]> = [
      [ticket({ priority: LONG }), `unknown priority "${CLIPPED}"; add it to a level's words`],
      [ticket({ service: LONG }, { unknownServices: 'reject' }), `unknown service "${CLIPPED}" (not a configured id, alias or name)`],
      [ticket({ reopened: LONG }), `expected yes/no or a count, got "${CLIPPED}"`],
      [ticket({ on_time: LONG }), `unknown on-time verdict "${CLIPPED}"; map it under values.sourceOnTime to true or false`],
      [
        rejected(mapper({ kind: 'checks' }, ['time', 'service', 'status'])(['2026-10-01 09:00', 'api', LONG], 2)),
        `unknown status "${CLIPPED}"; map it under values.status in the source config`,
      ],
      [
        rejected(mapper({ kind: 'checks' }, ['time', 'service', 'status', 'latency_ms'])(['2026-10-01 09:00', 'api', 'up', LONG], 2)),
        `expected a number, got "${CLIPPED}"`,
      ],
      [
        rejected(mapper({ kind: 'incidents' }, ['id', 'level', 'started'])(['I-1', LONG, '2026-10-01 09:00'], 2)),
        `unknown incident level "${CLIPPED}"; add it to an incident level's words`,
      ],
      [
        rejected(mapper({ kind: 'changes' }, ['id', 'type', 'planned_start'])(['C-1', LONG, '2026-10-01 09:00'], 2)),
        `unknown change type "${CLIPPED}"; map it under values.type to normal, standard or emergency`,
      ],
      [
        rejected(mapper({ kind: 'changes' }, ['id', 'type', 'outcome', 'planned_start'])(['C-1', 'normal', LONG, '2026-10-01 09:00'], 2)),
        `unknown change outcome "${CLIPPED}"; map it under values.outcome to successful, failed or rolled-back`,
      ],
      [
        rejected(
          mapper({ kind: 'tickets', preset: 'zendesk', defaultService: 'api' }, [
            'Id',
            'Created at',
            'Priority',
            'First reply time in minutes',
          ])(['T-1', '2026-10-01 09:00', 'P1', LONG], 2),
        ),
        `expected minutes after creation (0 or more), got "${CLIPPED}"`,
      ],
    ];
    for (const [row, reason] of cases) {
      expect(row.value).toBe(CLIPPED);
      expect(row.reason).toBe(reason);
    }
  });

  it('is clipped alike in a timestamp reason, so the reason contains the value as shown', () => {
    const row = rejected(mapper({ kind: 'checks' }, ['time', 'service', 'status'])([`2026-10-01 ${LONG}`, 'api', 'up'], 2));
    expect(row.value).toBe(`2026-10-01 ${'Z'.repeat(66)}…`);
    expect(row.reason).toBe(`expected a date like 2026-11-03 08:15, got "2026-10-01 ${'Z'.repeat(66)}…"`);
  });
});

// Checks land only on monitored services (README: "for a monitored service (one with checks) its availability
// target and latencyThresholdMs"); a configured service without them was called "not a configured id, alias or name".
describe('a check naming a configured service that is not monitored', () => {
  const checks = mapper({ kind: 'checks' }, ['time', 'service', 'status']);
  it('says the service is configured but not monitored, and what to give it', () => {
    expect(rejected(checks(['2026-10-01 09:00', 'reporting', 'up'], 2))).toEqual({
      line: 2,
      column: 2,
      field: 'service',
      value: 'reporting',
      reason:
        'service "reporting" is configured but not monitored: it has no target and latencyThresholdMs; give it both to take its checks',
    });
    // By its name or an alias, the id is named too.
    expect(rejected(checks(['2026-10-01 09:00', 'BI  reports', 'up'], 3)).reason).toBe(
      'service "BI  reports" (id "reporting") is configured but not monitored: it has no target and latencyThresholdMs; give it both to take its checks',
    );
    // A service the config lacks keeps its message.
    expect(rejected(checks(['2026-10-01 09:00', 'billing', 'up'], 4)).reason).toBe(
      'unknown service "billing" (not a configured id, alias or name)',
    );
  });
});

// The orderings the incident metrics rely on (/work/shared/spec/metrics.md, "Incidents and graded response";
// docs/config.md incidentLevels): detect = detected − started, acknowledge = acknowledged − detected,
// restore = restored − started. Nobody takes on an incident before it starts, with or without a detected time.
describe('incident times out of order', () => {
  const HEADER = ['id', 'level', 'started', 'detected', 'acknowledged', 'restored'];
  const incidents = mapper({ kind: 'incidents' }, HEADER);
  const row = (detected: string, acknowledged: string, restored: string) =>
    incidents(['I-1', 'Sev1', '2026-10-01 09:00', detected, acknowledged, restored], 2);

  it('rejects each impossible order, naming the later field and the earlier event', () => {
    // The audit's case: no detected time, acknowledged an hour before the start.
    expect(rejected(row('', '2026-10-01 08:00', ''))).toEqual({
      line: 2,
      column: 5,
      field: 'acknowledged',
      value: '2026-10-01 08:00',
      reason: 'acknowledged before the incident started',
    });
    expect(rejected(row('2026-10-01 08:59', '', '')).reason).toBe('detected before the incident started');
    expect(rejected(row('2026-10-01 09:10', '2026-10-01 09:05', '')).reason).toBe('acknowledged before the incident was detected');
    expect(rejected(row('', '', '2026-10-01 08:30')).reason).toBe('restored before the incident started');
  });

  it('accepts times in order, and a service restored before it was detected or acknowledged', () => {
    expect(row('2026-10-01 09:00', '2026-10-01 09:00', '2026-10-01 09:00')).toMatchObject({ kind: 'incident' });
    expect(row('', '2026-10-01 09:05', '')).toMatchObject({ kind: 'incident' });
    // A fault that healed at 09:03 before the on-call acknowledged the page at 09:10, and one found afterwards
    // from a customer's report: real, and no metric needs restored after detected or acknowledged.
    expect(row('2026-10-01 09:02', '2026-10-01 09:10', '2026-10-01 09:03')).toMatchObject({ kind: 'incident' });
    expect(row('2026-10-01 09:30', '2026-10-01 09:35', '2026-10-01 09:05')).toMatchObject({ kind: 'incident' });
  });
});

// docs/presets.md: a resolved status without a resolved time "would show a closed ticket as open, and breached,
// for ever". Without a preset the source's resolvedStatuses, else the default words (config-schema.ts
// DEFAULT_RESOLVED_STATUSES: Resolved, Closed, Done, Fixed, Completed, 已解决, 已关闭), go the presets' way.
describe('a resolved status without a resolved time, without a preset', () => {
  const HEADER = ['id', 'created', 'first_response', 'resolved', 'priority', 'category', 'service', 'title', 'status', 'reopened'];
  const tickets = (source: Record<string, unknown> = {}) => mapper({ kind: 'tickets', asOf: '2026-10-31 00:00', ...source }, HEADER);
  // The audit's rows.
  const row = (status: string) => ['S-3', '2026-10-01 09:00', '2026-10-01 09:05', '', 'P1', 'Bug', 'api', 'x', status, 'no'];

  it('is rejected, naming the status and the missing resolved time', () => {
    const map = tickets();
    expect(rejected(map(row('Resolved'), 2))).toEqual({
      line: 2,
      column: 4,
      field: 'resolved',
      value: null,
      reason: 'status "Resolved" means resolved, but the resolved time is empty',
    });
    expect(rejected(map(row('Closed'), 3)).reason).toBe('status "Closed" means resolved, but the resolved time is empty');
    // The default words are matched as words are (case, white space runs, no-break spaces).
    for (const status of ['done', ' FIXED ', 'Completed', '已解决', '已关闭']) expect(rejected(map(row(status), 4)).field).toBe('resolved');
    // An open status, or a resolved one with its time, is read.
    expect(map(row('In Progress'), 5)).toMatchObject({ ticket: { resolvedMs: null, status: 'In Progress' } });
    expect(map(['S-4', '2026-10-01 09:00', '', '2026-10-01 10:00', 'P1', 'Bug', 'api', 'x', 'Closed', 'no'], 6)).toMatchObject({
      ticket: { resolvedMs: Date.UTC(2026, 9, 1, 10) },
    });
  });

  it('follows the source’s resolvedStatuses over the default and the preset’s, and [] turns the rule off', () => {
    const own = tickets({ resolvedStatuses: ['Erledigt'] });
    expect(rejected(own(row('erledigt'), 2)).reason).toBe('status "erledigt" means resolved, but the resolved time is empty');
    expect(own(row('Closed'), 3)).toMatchObject({ kind: 'ticket' });
    expect(tickets({ resolvedStatuses: [] })(row('Closed'), 4)).toMatchObject({ kind: 'ticket' });
    const cfg = config({ kind: 'tickets', preset: 'zendesk', resolvedStatuses: ['Gelöst'] });
    expect(resolveSourceOptions(cfg.sources[0] as SourceConfig, cfg).options.resolvedStatuses).toEqual(['gelöst']);
    const preset = config({ kind: 'tickets', preset: 'zendesk' });
    expect(resolveSourceOptions(preset.sources[0] as SourceConfig, preset).options.resolvedStatuses).toEqual(['solved', 'closed']);
  });
});

// docs/config.md sources[].asOf: "When the export was taken". An event after it cannot be in the export; a plan
// (a change's planned window) or a deadline may be. At asOf itself is accepted (an export taken at 00:00 may hold
// a row stamped 00:00).
describe('a time after the source’s asOf', () => {
  const AS_OF = { asOf: '2026-10-20 00:00' };
  const afterExport = (what: string) => `${what} after the export was taken (asOf 2026-10-20 00:00)`;
  const LATE = '2026-10-20 00:01';

  it('is rejected for every event a row records, naming the event and the asOf', () => {
    const tickets = mapper({ kind: 'tickets', ...AS_OF }, ['id', 'created', 'first_response', 'resolved', 'priority', 'due']);
    expect(rejected(tickets(['T-1', '2026-10-01 09:00', '2026-10-01 09:05', LATE, 'P1', ''], 2))).toEqual({
      line: 2,
      column: 4,
      field: 'resolved',
      value: LATE,
      reason: afterExport('resolved'),
    });
    expect(rejected(tickets(['T-1', '2026-10-01 09:00', LATE, '', 'P1', ''], 3)).reason).toBe(afterExport('first response'));
    expect(rejected(tickets(['T-1', LATE, '', '', 'P1', ''], 4)).reason).toBe(afterExport('created'));
    // At asOf itself, and a deadline after it, are read.
    expect(tickets(['T-1', '2026-10-01 09:00', '', '2026-10-20 00:00', 'P1', '2026-11-01 00:00'], 5)).toMatchObject({ kind: 'ticket' });
    const checks = mapper({ kind: 'checks', ...AS_OF }, ['time', 'service', 'status']);
    expect(rejected(checks([LATE, 'api', 'up'], 2)).reason).toBe(afterExport('checked'));
    const surveys = mapper({ kind: 'surveys', ...AS_OF }, ['submitted_at', 'csat']);
    expect(rejected(surveys([LATE, '5'], 2)).reason).toBe(afterExport('submitted'));
    const incidents = mapper({ kind: 'incidents', ...AS_OF }, ['id', 'level', 'started', 'detected', 'acknowledged', 'restored']);
    const incident = (times: string[]) => incidents(['I-1', 'Sev1', ...times], 2);
    expect(rejected(incident([LATE, '', '', ''])).reason).toBe(afterExport('started'));
    expect(rejected(incident(['2026-10-19 09:00', LATE, '', ''])).reason).toBe(afterExport('detected'));
    expect(rejected(incident(['2026-10-19 09:00', '', LATE, ''])).reason).toBe(afterExport('acknowledged'));
    expect(rejected(incident(['2026-10-19 09:00', '', '', LATE])).reason).toBe(afterExport('restored'));
    const changes = mapper({ kind: 'changes', ...AS_OF }, ['id', 'type', 'planned_start', 'planned_end', 'actual_start', 'actual_end']);
    const change = (times: string[]) => changes(['C-1', 'normal', ...times], 2);
    expect(rejected(change(['2026-10-19 22:00', '2026-10-19 23:00', LATE, ''])).reason).toBe(afterExport('actual start'));
    expect(rejected(change(['2026-10-19 22:00', '2026-10-19 23:00', '2026-10-19 22:00', LATE])).reason).toBe(afterExport('actual end'));
    // A change planned after the export was taken is a plan, not an event.
    expect(change(['2026-11-02 22:00', '2026-11-02 23:00', '', ''])).toMatchObject({ kind: 'change' });
  });

  it('is read without an asOf', () => {
    const checks = mapper({ kind: 'checks' }, ['time', 'service', 'status']);
    expect(checks(['2030-01-01 00:00', 'api', 'up'], 2)).toMatchObject({ kind: 'check' });
  });

  it('is rejected in minutes after creation too (Zendesk first reply)', () => {
    const zendesk = mapper({ kind: 'tickets', preset: 'zendesk', defaultService: 'api', ...AS_OF }, [
      'Id',
      'Created at',
      'Priority',
      'First reply time in minutes',
    ]);
    // 19 Oct 23:00 + 120 minutes = 20 Oct 01:00.
    expect(rejected(zendesk(['T-1', '2026-10-19 23:00', 'P1', '120'], 2)).reason).toBe(afterExport('first response'));
  });
});

// The checks fast paths (fast-checks.ts, on this thread and on worker threads) accept rows without the row
// mapper: a check after asOf must reach the mapper's reject there too (paths-agree.test.ts: every path alike).
describe('a check after asOf on every reading path', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-asof-paths-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 300 checks a minute apart from 19 Oct 22:00 UTC: lines 2–121 up to 23:59, line 122 at 00:00 (asOf, read),
  // lines 123–301 after it (rejected).
  const lines = ['time,service,status,latency_ms'];
  for (let i = 0; i < 300; i++) lines.push(`${new Date(Date.UTC(2026, 9, 19, 22, i)).toISOString()},api,up,100`);
  writeFileSync(path.join(dir, 'checks.csv'), `${lines.join('\n')}\n`);
  const cfg = validateConfig({ ...config({ kind: 'checks', files: 'checks.csv', asOf: '2026-10-20 00:00' }) });

  it('is rejected alike by the general reader, the fast path and the workers', async () => {
    const how: IngestOptions[] = [
      { cacheDir: null, toolVersion: 't', fastPath: false },
      { cacheDir: null, toolVersion: 't', workers: 0 },
      { cacheDir: null, toolVersion: 't', workers: 2, parallel: { minBytes: 1, blockBytes: 1024 } },
    ];
    for (const o of how) {
      const r = await ingestSources(cfg, dir, { info() {} }, o);
      r.checks.close();
      const f = r.files[0];
      expect([f?.accepted, f?.rejected], JSON.stringify(o)).toEqual([121, 179]);
      expect(f?.rejects[0]).toEqual({
        line: 123,
        column: 1,
        field: 'time',
        value: '2026-10-20T00:01:00.000Z',
        reason: 'checked after the export was taken (asOf 2026-10-20 00:00)',
      });
    }
  });
});
