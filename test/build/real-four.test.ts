/**
 * The four real exports of ../shared/datasets in ONE review (issue #15): Boston 311 requests
 * (2015), the ServiceNow incident event log (UCI, 2016–2017), TORO-Server's Upptime history
 * (2024–2026) and the Carpentries instructor-training post-survey (2016–2018), configured in
 * test/fixtures/real-four/review.config.yaml. Asserts what the issue found broken: availability
 * only for services with checks, each ticket system's own priority scheme, and only periods with
 * data. Skipped with a message when the datasets are absent (test/helpers/datasets.ts).
 * Its build time and peak RSS are in docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewConfig } from '../../src/lib/config/config-schema.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { buildSnapshots, monthsWithoutData, type PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';
import { periodSnapshotSchema } from '../../src/lib/snapshot/snapshot-schema.ts';
import { monthOf } from '../../src/lib/time/periods.ts';
import { DATASETS, datasetConfig, datasets } from '../helpers/datasets.ts';

const { have, SKIPPED } = datasets('build/real-four', 'boston-311-2015', 'uci-incident-event-log', 'upptime-toro', 'carpentries-surveys');
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/real-four');
const CONFIG = path.join(FIXTURE, 'review.config.yaml');
const BOSTON_LEVELS = [
  'animal-lost',
  'bed-bugs',
  'dead-animal',
  'graffiti',
  'heat',
  'idea-collection',
  'missing-sign',
  'needle-pickup',
  'rodent',
  'sidewalk',
  'traffic-signal',
  'tree-emergency',
];
const SERVICENOW_LEVELS = ['p1', 'p2', 'p3', 'p4'];

describe.skipIf(!have)(`four real exports in one review${SKIPPED}`, () => {
  let config: ReviewConfig;
  let ingest: IngestResult;
  let snaps: PeriodSnapshot[];
  const byId = new Map<string, PeriodSnapshot>();
  beforeAll(async () => {
    config = datasetConfig(CONFIG);
    ingest = await ingestSources(config, FIXTURE, { info() {} });
    try {
      snaps = buildSnapshots(config, ingest, resolveRules(config), { toolVersion: 'test', configSha256: 'x' });
    } finally {
      ingest.checks.close();
    }
    for (const s of snaps) byId.set(s.period.id, s);
  }, 120_000);

  it('every snapshot matches the published schema', () => {
    for (const s of snaps) expect(periodSnapshotSchema.safeParse(s).success, s.period.id).toBe(true);
  });

  it('builds only the months some source has data in; the others are listed, not built', () => {
    // Independently of the pipeline: the months of every ticket created or resolved, every survey
    // response, and every Upptime sample (read here from the export itself), in the review's zone (UTC).
    const expected = new Set<string>();
    for (const t of ingest.tickets) {
      expected.add(monthOf(t.createdMs, 'UTC'));
      if (t.resolvedMs !== null) expected.add(monthOf(t.resolvedMs, 'UTC'));
    }
    for (const r of ingest.surveys) expected.add(monthOf(r.timeMs, 'UTC'));
    const upptime = parse(readFileSync(path.join(DATASETS, 'upptime-toro/samples_from_git_history.csv')), { columns: true }) as Array<{
      lastUpdated: string;
      service_slug: string;
    }>;
    const toro = new Set(config.services.map((s) => s.id));
    for (const row of upptime) if (toro.has(row.service_slug)) expected.add(monthOf(Date.parse(row.lastUpdated), 'UTC'));
    const inReview = [...expected].filter((m) => m >= '2015-01' && m <= '2026-06').sort();
    const built = snaps.filter((s) => s.period.kind === 'month').map((s) => s.period.id);
    expect(built).toEqual(inReview);
    const empty = monthsWithoutData(config, ingest, snaps);
    // 2015-01 … 2026-06 is 138 months: each built or listed as empty, never both.
    expect(empty.length + built.length).toBe(138);
    expect(empty).toContain('2020-01');
    expect(built).not.toContain('2020-01');
    // Quarters and years only where a month has data: no 2020 at all.
    expect(byId.has('2020')).toBe(false);
    expect(byId.has('2020-Q1')).toBe(false);
    expect(byId.has('2015')).toBe(true);
  });

  it('does not call a period partial for a source that ended years before it', () => {
    // Boston's data ends in January 2016: TORO's complete months of 2025 are complete, not "partial data".
    const m = byId.get('2025-06') as PeriodSnapshot;
    expect(m.period.incompleteSources).toEqual([]);
    expect(m.period.complete).toBe(true);
    // December 2015 still names Boston: its last resolutions run into January 2016, but the other sources
    // (ServiceNow from February 2016, the survey from June 2016) have not started, so they are not "ended".
    expect((byId.get('2015-12') as PeriodSnapshot).period.incompleteSources).toEqual([]);
  });

  it('has no availability card, chart or row for a service without checks in the period', () => {
    for (const s of snaps) {
      const withChecks = new Set(s.services.filter((x) => x.checks > 0).map((x) => x.id));
      expect(
        s.services.every((x) => x.checks > 0),
        s.period.id,
      ).toBe(true);
      expect(
        s.headline.services.every((h) => withChecks.has(h.id)),
        s.period.id,
      ).toBe(true);
      expect(Object.keys(s.headline.trend[s.headline.trend.length - 1]?.availability ?? {}).every((id) => withChecks.has(id))).toBe(true);
      expect(s.headline.counts.availability.judged).toBe(withChecks.size);
    }
    // Boston's year: 12,907 requests, not one check: no availability at all, and no count over services.
    const y2015 = byId.get('2015') as PeriodSnapshot;
    expect(y2015.services).toEqual([]);
    expect(y2015.headline.services).toEqual([]);
    expect(y2015.headline.counts.availability).toEqual({ met: 0, atRisk: 0, breached: 0, judged: 0 });
    // TORO's months have their monitored services, and only those.
    const toro = snaps.filter((s) => s.period.id >= '2024-04' && s.period.kind === 'month');
    expect(toro.length).toBeGreaterThan(0);
    for (const s of toro) expect(s.services.every((x) => x.id.startsWith('toro-'))).toBe(true);
  });

  it('gives each ticket system its own priority scheme: Boston request types in 2015, ServiceNow P1–P4 in 2016', () => {
    for (const s of snaps.filter((x) => x.period.kind === 'month' && x.period.id.startsWith('2015-'))) {
      const ids = s.tickets.levels.map((l) => l.levelId);
      expect(
        ids.every((id) => BOSTON_LEVELS.includes(id)),
        s.period.id,
      ).toBe(true);
      expect(ids.length).toBeGreaterThan(0);
    }
    const march2016 = byId.get('2016-03') as PeriodSnapshot;
    expect(march2016.tickets.levels.map((l) => l.levelId)).toEqual(SERVICENOW_LEVELS);
    expect(march2016.tickets.levels.every((l) => JSON.stringify(l.sources) === '["uci-incidents"]')).toBe(true);
    // Every accepted ServiceNow incident got a P-level, every Boston case a request type.
    for (const t of ingest.tickets) expect((t.source === 'boston-311' ? BOSTON_LEVELS : SERVICENOW_LEVELS).includes(t.priority)).toBe(true);
  });

  it('accepts the Boston departments under their exported names and lists them', () => {
    const y2015 = byId.get('2015') as PeriodSnapshot;
    const unknown = y2015.dataQuality.unknownServices;
    const subjects = new Set(ingest.tickets.filter((t) => t.source === 'boston-311').map((t) => t.service));
    expect(unknown.map((u) => u.id).sort()).toEqual([...subjects].sort());
    expect(unknown.reduce((a, u) => a + u.rows, 0)).toBe(ingest.tickets.filter((t) => t.source === 'boston-311').length);
    const pwd = y2015.catalog.find((c) => c.id === 'public-works-department');
    expect(pwd).toMatchObject({ name: 'Public Works Department', configured: false, monitored: false, checks: false });
  });

  it("shows the city's own verdict beside ours for 2015, with the reason they differ", () => {
    const y2015 = byId.get('2015') as PeriodSnapshot;
    const row = y2015.tickets.sourceAgreement.find((r) => r.source === 'boston-311');
    expect(row).toBeDefined();
    // The city's share, counted here from the records: cases created in 2015 with a verdict.
    const cases = ingest.tickets.filter(
      (t) => t.source === 'boston-311' && t.sourceOnTime !== null && monthOf(t.createdMs, 'UTC').startsWith('2015'),
    );
    const onTime = cases.filter((t) => t.sourceOnTime).length;
    expect(onTime / cases.length).toBeCloseTo(0.779, 3);
    expect(row?.compared).toBeLessThanOrEqual(cases.length);
    expect(row?.reason).toMatch(/without a deadline/);
  });
});
