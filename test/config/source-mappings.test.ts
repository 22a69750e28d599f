/**
 * A source's `columns` and `values` name canonical fields of its kind, and each word a value map
 * sends somewhere names a value the field takes. Before, a misspelt key (`firstRespons`,
 * `stauts`) was accepted and did nothing, and a target the field cannot take (`status: { OK: upp }`)
 * rejected every row holding the word. Each is now a config error with its path, listed with every
 * other problem of the config. Expected lines are written out by hand from the rules.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { CANONICAL_FIELDS } from '../../src/lib/model/canonical-fields.ts';
import { problemsOf } from '../helpers/config-problems.ts';
import { assertProperty } from '../helpers/property.ts';

const base = {
  review: { name: 'R' },
  services: [
    { id: 'api', name: 'API', owner: 'T', target: 0.999, latencyThresholdMs: 300, aliases: ['gateway'] },
    { id: 'reporting', name: 'Reporting', owner: 'T' },
  ],
  priorities: [
    { id: 'p1', name: 'P1', words: ['P1', 'Critical'], response: '15m', resolution: '4h' },
    { id: 'p2', name: 'P2', words: ['P2'], response: '1h', resolution: '1d' },
  ],
  incidentLevels: [{ id: 'major', name: 'Major', words: ['Sev1'], detect: '5m', acknowledge: '15m', restore: '4h' }],
};
const withSources = (...sources: Array<Record<string, unknown>>) => ({
  ...base,
  sources: sources.map((s, i) => ({ id: `s${i}`, files: 'x.csv', ...s })),
});

const TICKET_FIELDS =
  'id, createdMs, firstResponseMs, resolvedMs, priority, category, service, title, status, reopened, sourceOnTime, sourceDeadlineMs';
const CHECK_FIELDS = 'timeMs, service, probe, status, latencyMs';

describe('keys under columns', () => {
  it('a misspelt field is an error with its path, the nearest field and the fields of the kind', () => {
    expect(problemsOf(withSources({ kind: 'tickets', columns: { firstRespons: 'First Response' } }))).toEqual([
      `sources[0].columns.firstRespons: not a field of tickets exports; did you mean firstResponseMs? (fields: ${TICKET_FIELDS})`,
    ]);
  });

  it('a field of another kind, or in another case, is no field of this kind', () => {
    expect(
      problemsOf(
        withSources(
          { kind: 'checks', columns: { priority: 'Priority', FirstResponseMs: 'x' } },
          { kind: 'tickets', columns: { FirstResponseMs: 'First Response' } },
        ),
      ),
    ).toEqual([
      // nothing near "priority" among the checks fields: no guess
      `sources[0].columns.priority: not a field of checks exports (fields: ${CHECK_FIELDS})`,
      `sources[0].columns.FirstResponseMs: not a field of checks exports (fields: ${CHECK_FIELDS})`,
      `sources[1].columns.FirstResponseMs: not a field of tickets exports; did you mean firstResponseMs? (fields: ${TICKET_FIELDS})`,
    ]);
  });

  it('a duckdb source maps the fields of checks, and says why', () => {
    expect(problemsOf(withSources({ kind: 'duckdb', files: 'w.duckdb', columns: { timeMs: 'ts', latency: 'response_ms' } }))).toEqual([
      `sources[0].columns.latency: not a field of checks (a duckdb source's table holds checks); did you mean latencyMs? (fields: ${CHECK_FIELDS})`,
    ]);
  });

  it('a rollups source takes no column mapping, no value mapping and no preset', () => {
    expect(
      problemsOf(withSources({ kind: 'rollups', preset: 'upptime', columns: { service: 'svc' }, values: { service: { A: 'api' } } })),
    ).toEqual([
      "sources[0].preset: a rollups source takes no preset: the rollup format's column names are fixed (docs/rollups.md)",
      "sources[0].columns: a rollups source takes no column mapping: the rollup format's column names are fixed (docs/rollups.md)",
      'sources[0].values: a rollups source takes no value mapping: its service column holds configured service ids (docs/rollups.md)',
    ]);
    // empty maps say nothing
    expect(problemsOf(withSources({ kind: 'rollups', columns: {}, values: {} }))).toEqual([]);
  });

  it('accepts every field of every kind (the preset-only sourceOnTime and sourceDeadlineMs included)', () => {
    for (const kind of ['checks', 'tickets', 'surveys', 'incidents', 'changes'] as const) {
      const columns = Object.fromEntries(Object.keys(CANONICAL_FIELDS[kind]).map((f) => [f, `${f} header`]));
      expect(problemsOf(withSources({ kind, columns })), kind).toEqual([]);
    }
  });

  it('reports exactly the keys that are no field of the kind (property)', () => {
    const kinds = ['checks', 'tickets', 'surveys', 'incidents', 'changes', 'duckdb'] as const;
    const key = fc.oneof(
      fc.constantFrom(...new Set(Object.values(CANONICAL_FIELDS).flatMap((f) => Object.keys(f)))),
      fc.stringMatching(/^[a-zA-Z_]{1,12}$/).filter((k) => k !== '__proto__'),
    );
    assertProperty(
      fc.property(fc.constantFrom(...kinds), fc.uniqueArray(key, { maxLength: 6 }), (kind, keys) => {
        const fields = Object.keys(CANONICAL_FIELDS[kind === 'duckdb' ? 'checks' : kind]);
        const columns = Object.fromEntries(keys.map((k) => [k, 'Header']));
        const reported = problemsOf(withSources({ kind, columns })).map((p) => p.slice(0, p.indexOf(':')));
        expect(reported).toEqual(keys.filter((k) => !fields.includes(k)).map((k) => `sources[0].columns.${k}`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('keys under values', () => {
  it('a misspelt field is an error naming the fields that take value maps', () => {
    expect(problemsOf(withSources({ kind: 'checks', values: { stauts: { OK: 'up' } } }))).toEqual([
      'sources[0].values.stauts: not a field of checks exports; did you mean status? (fields with value maps: service, status)',
    ]);
  });

  it('a field read as written takes no value map', () => {
    expect(
      problemsOf(
        withSources(
          { kind: 'tickets', values: { status: { Open: 'open' }, category: { HW: 'Hardware' } } },
          { kind: 'surveys', values: { comment: { x: 'y' } } },
        ),
      ),
    ).toEqual([
      'sources[0].values.status: tickets exports take no value map for status: ticket statuses are read as written (list the ones that mean resolved under resolvedStatuses); fields with value maps: priority, service, sourceOnTime',
      'sources[0].values.category: tickets exports take no value map for category: its cells are read as written; fields with value maps: priority, service, sourceOnTime',
      'sources[1].values.comment: surveys exports take no value map for comment: its cells are read as written; fields with value maps: service, csat, nps, ces',
    ]);
  });
});

describe('targets under values', () => {
  it('a check status the mapper does not know (built-in words and HTTP codes are known)', () => {
    expect(
      problemsOf(withSources({ kind: 'checks', values: { status: { OK: 'upp', Bad: 'down', Warn: 'warning', X: '503', Y: 'sideways' } } })),
    ).toEqual([
      'sources[0].values.status.OK: expected a check status (up, degraded or down), got "upp"; did you mean up?',
      'sources[0].values.status.Y: expected a check status (up, degraded or down), got "sideways"',
    ]);
  });

  it('a service a checks source cannot take: unknown, or configured but not monitored', () => {
    expect(problemsOf(withSources({ kind: 'checks', values: { service: { GW: 'Gateway', Rep: 'reporting', W: 'apu' } } }))).toEqual([
      'sources[0].values.service.Rep: expected a monitored service by id, alias or name (api), got "reporting", which is configured but not monitored: give it target and latencyThresholdMs to take checks',
      'sources[0].values.service.W: expected a monitored service by id, alias or name (api), got "apu"; did you mean api?',
    ]);
  });

  it('a service no source can take, also where unknown services are accepted (the map would be passed over)', () => {
    expect(
      problemsOf(
        withSources(
          { kind: 'tickets', values: { service: { R: 'Reporting', X: 'web' } } },
          { kind: 'surveys', values: { service: { X: 'web' } } },
        ),
      ),
    ).toEqual([
      'sources[0].values.service.X: expected a configured service by id, alias or name (api, reporting), got "web"',
      'sources[1].values.service.X: expected a configured service by id, alias or name (api, reporting), got "web"',
    ]);
  });

  it("a priority that is not a level of the source's scheme", () => {
    const cfg = {
      ...withSources(
        { kind: 'tickets', values: { priority: { Urgent: 'critical', Low: 'p3' } } },
        { kind: 'tickets', values: { priority: { Urgent: 'p9' } } },
      ),
      priorities: [...base.priorities, { id: 'p9', name: 'P9', words: ['Planning'], response: '1d', resolution: '5d', sources: ['s1'] }],
    };
    // p9 belongs to s1 only; s0's levels are p1 and p2 (levels without sources belong to every ticket source)
    expect(problemsOf({ ...cfg, sources: [cfg.sources[0], cfg.sources[1]] })).toEqual([
      'sources[0].values.priority.Low: expected a priority level of this source by id or word (p1, p2), got "p3"; did you mean p1?',
    ]);
    expect(problemsOf({ ...cfg, sources: [{ ...cfg.sources[0], values: { priority: { Urgent: 'Planning' } } }, cfg.sources[1]] })).toEqual([
      'sources[0].values.priority.Urgent: expected a priority level of this source by id or word (p1, p2), got "Planning", which names level p9, whose sources do not include s0',
    ]);
  });

  it('an incident level, an on-time verdict, a change type and outcome', () => {
    expect(
      problemsOf(
        withSources(
          { kind: 'incidents', values: { level: { Critical: 'Sev1', High: 'sev2' } } },
          { kind: 'tickets', values: { sourceOnTime: { ONTIME: 'true', LATE: 'flase', Y: 'yes' } } },
          { kind: 'changes', values: { type: { Std: 'standrad', N: 'normal' }, outcome: { OK: 'succesful', RB: 'rollback' } } },
        ),
      ),
    ).toEqual([
      'sources[0].values.level.High: expected an incident level by id or word (major), got "sev2"; did you mean Sev1?',
      'sources[1].values.sourceOnTime.LATE: expected an on-time verdict (true or false), got "flase"; did you mean false?',
      'sources[2].values.type.Std: expected a change type (normal, standard or emergency), got "standrad"; did you mean standard?',
      'sources[2].values.outcome.OK: expected a change outcome (successful, failed or rolled-back), got "succesful"; did you mean successful?',
    ]);
  });

  it('a survey score outside its scale, or not a whole number', () => {
    const cfg = withSources({
      kind: 'surveys',
      values: { csat: { Top: '5', Superb: '6', Meh: 'three', Half: '2.5' }, nps: { Max: '10', Over: '11' }, ces: { Easy: '7' } },
    });
    expect(problemsOf(cfg)).toEqual([
      'sources[0].values.csat.Superb: expected a whole number from 1 to 5 (the csat scale), got "6"',
      'sources[0].values.csat.Meh: expected a whole number from 1 to 5 (the csat scale), got "three"',
      'sources[0].values.csat.Half: expected a whole number from 1 to 5 (the csat scale), got "2.5"',
      'sources[0].values.nps.Over: expected a whole number from 0 to 10 (the nps scale), got "11"',
    ]);
    // the configured scale decides: on a 1–10 CSAT scale 6 is a score, on a 1–5 CES scale 7 is not
    expect(problemsOf({ ...cfg, surveys: { csat: { min: 1, max: 10, satisfiedAtLeast: 8 }, ces: { min: 1, max: 5 } } })).toEqual([
      'sources[0].values.csat.Meh: expected a whole number from 1 to 10 (the csat scale), got "three"',
      'sources[0].values.csat.Half: expected a whole number from 1 to 10 (the csat scale), got "2.5"',
      'sources[0].values.nps.Over: expected a whole number from 0 to 10 (the nps scale), got "11"',
      'sources[0].values.ces.Easy: expected a whole number from 1 to 5 (the ces scale), got "7"',
    ]);
  });
});

describe('presets', () => {
  it('a preset of another kind is an error naming the presets of this kind', () => {
    expect(
      problemsOf(withSources({ kind: 'tickets', preset: 'upptime' }, { kind: 'duckdb', files: 'w.duckdb', preset: 'uptime-kuma' })),
    ).toEqual([
      'sources[0].preset: preset "upptime" reads checks exports, not tickets (presets for tickets: servicenow-incident, boston-311, jira-service-management, zendesk)',
    ]);
  });
});

describe('every problem at once', () => {
  it('mapping problems come with the shape problems of the rest of the config', () => {
    const cfg = withSources(
      { kind: 'tickets', columns: { firstRespons: 'First Response' }, ambiguous: 'sometimes' },
      { kind: 'checks', values: { status: { OK: 'upp' } } },
    );
    expect(problemsOf({ ...cfg, services: [{ ...base.services[0], target: '99.9%' }, base.services[1]] })).toEqual([
      'services[0].target: expected a number between 0 and 1, got "99.9%"',
      'sources[0].ambiguous: Invalid option: expected one of "reject"|"earlier"|"later", got "sometimes"',
      `sources[0].columns.firstRespons: not a field of tickets exports; did you mean firstResponseMs? (fields: ${TICKET_FIELDS})`,
      'sources[1].values.status.OK: expected a check status (up, degraded or down), got "upp"; did you mean up?',
    ]);
  });
});

describe('the configs in this repository', () => {
  const configs = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return name === 'expected' ? [] : configs(p);
      return /\.config\.yaml$/.test(name) ? [p] : [];
    });
  const files = [path.resolve('review.config.yaml'), ...configs(path.resolve('test/fixtures'))];

  it('are many', () => expect(files.length).toBeGreaterThan(15));
  it.each(files.map((f) => [path.relative(process.cwd(), f)]))('%s still validates', (f) => {
    expect(() => loadConfig(path.resolve(f))).not.toThrow();
  });
});
