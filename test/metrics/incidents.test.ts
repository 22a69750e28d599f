/**
 * Incident figures against hand-worked cases: graded response per level, outage ↔ incident
 * links and root-cause counts. Minutes are written as m(n) = n × 60 000 ms.
 */

import { describe, expect, it } from 'vitest';
import { incidentResponseByLevel, linkOutagesToIncidents, rootCauseCounts } from '../../src/lib/metrics/index.ts';

const m = (n: number) => n * 60_000;
const major = { id: 'major', detectMs: m(10), acknowledgeMs: m(5), restoreMs: m(120) };
const minor = { id: 'minor', detectMs: m(30), acknowledgeMs: m(30), restoreMs: m(480) };
const inc = (level: string, started: number, detected: number | null, ack: number | null, restored: number | null) => ({
  level,
  startedMs: m(started),
  detectedMs: detected === null ? null : m(detected),
  acknowledgedMs: ack === null ? null : m(ack),
  restoredMs: restored === null ? null : m(restored),
});

describe('incidentResponseByLevel', () => {
  it('judges each stage against its level target, at the target counting as within', () => {
    const figures = incidentResponseByLevel(
      [
        // detect 10 (= target, within), ack 5 (= target, within), restore 120 (= target, within)
        inc('major', 0, 10, 15, 120),
        // detect 11 (miss), ack 20 − 11 = 9 (miss), restore 60 (within)
        inc('major', 0, 11, 20, 60),
        // detect not recorded: detect and ack unmeasured; restore 200 (miss)
        inc('major', 0, null, 30, 200),
      ],
      [major, minor],
      m(1000),
    );
    expect(figures).toEqual([
      {
        level: 'major',
        count: 3,
        open: 0,
        detect: { measured: 2, withinTarget: 1, share: 0.5 },
        acknowledge: { measured: 2, withinTarget: 1, share: 0.5 },
        restore: { measured: 3, withinTarget: 2, share: 2 / 3 },
      },
      // An empty level still has its row, with nothing measured.
      {
        level: 'minor',
        count: 0,
        open: 0,
        detect: { measured: 0, withinTarget: 0, share: null },
        acknowledge: { measured: 0, withinTarget: 0, share: null },
        restore: { measured: 0, withinTarget: 0, share: null },
      },
    ]);
  });

  it('counts an open incident past its restore target as a miss and one within it as not yet measured', () => {
    // Horizon at minute 200: incident from 0 has run 200 > 120 (miss); incident from 150 has run 50 (pending).
    const [f] = incidentResponseByLevel([inc('major', 0, 5, 6, null), inc('major', 150, 155, 156, null)], [major], m(200));
    expect(f?.open).toBe(2);
    expect(f?.restore).toEqual({ measured: 1, withinTarget: 0, share: 0 });
    expect(f?.detect).toEqual({ measured: 2, withinTarget: 2, share: 1 });
  });
});

describe('linkOutagesToIncidents', () => {
  const outages = [
    { service: 'web', startMs: 100, endMs: 200 },
    { service: 'web', startMs: 500, endMs: 600 },
    { service: 'api', startMs: 100, endMs: 200 },
  ];

  it('links same-service overlapping spans both ways and lists the unlinked of each side', () => {
    const links = linkOutagesToIncidents(outages, [
      // overlaps web outage 0 only (150 < 200 and 100 < 300)
      { id: 'INC1', service: 'web', startedMs: 150, restoredMs: 300 },
      // same time as api outage 2 but another service's incident: no link to outage 2
      { id: 'INC2', service: 'db', startedMs: 100, restoredMs: 200 },
      // touching is not overlapping: restored exactly at the api outage's start
      { id: 'INC3', service: 'api', startedMs: 0, restoredMs: 100 },
      // open incident runs on: overlaps web outage 1 (and not 0, which ended at 200 ≤ 450)
      { id: 'INC4', service: 'web', startedMs: 450, restoredMs: null },
      // no service: links to nothing
      { id: 'INC5', service: null, startedMs: 0, restoredMs: 1000 },
    ]);
    expect(links).toEqual({
      incidentsOfOutage: [['INC1'], ['INC4'], []],
      outagesOfIncident: [[0], [], [], [1], []],
      outagesWithoutIncident: [2],
      incidentsWithoutOutage: ['INC2', 'INC3', 'INC5'],
    });
  });

  it('links one incident to every outage it spans', () => {
    const links = linkOutagesToIncidents(outages, [{ id: 'INC9', service: 'web', startedMs: 0, restoredMs: 1000 }]);
    expect(links.outagesOfIncident).toEqual([[0, 1]]);
    expect(links.incidentsOfOutage).toEqual([['INC9'], ['INC9'], []]);
  });
});

describe('rootCauseCounts', () => {
  it('counts per category per period, most first, unknown last, other periods left out', () => {
    const rows = rootCauseCounts(
      [
        { period: '2026-01', rootCause: 'software' },
        { period: '2026-02', rootCause: null },
        { period: '2026-02', rootCause: 'change' },
        { period: '2026-03', rootCause: 'change' },
        { period: '2026-03', rootCause: 'capacity' },
        { period: '2025-12', rootCause: 'capacity' }, // outside the periods
      ],
      ['2026-01', '2026-02', '2026-03'],
    );
    // change 2; capacity 1 and software 1 tie → by name; unknown last.
    expect(rows).toEqual([
      { category: 'change', counts: [0, 1, 1], total: 2 },
      { category: 'capacity', counts: [0, 0, 1], total: 1 },
      { category: 'software', counts: [1, 0, 0], total: 1 },
      { category: null, counts: [0, 1, 0], total: 1 },
    ]);
  });
});
