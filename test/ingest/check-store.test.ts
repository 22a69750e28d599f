/**
 * The check store (src/lib/ingest/check-store.ts) spills series to a temp file and reads them
 * back by time range. Against a reference kept in memory (sort by time, stable; of equal times
 * the later row wins and the earlier is a duplicate of its file): the series, the duplicates
 * per file, and any range, with tails of one to a few checks so that every path spills.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReviewError } from '../../src/lib/errors.ts';
import { CheckStore } from '../../src/lib/ingest/check-store.ts';
import { type CheckSeries, sliceSeries } from '../../src/lib/model/check-series.ts';
import { assertProperty } from '../helpers/property.ts';

interface Check {
  service: string;
  probe: string;
  t: number;
  status: number;
  latency: number;
  file: number;
}

function plain(s: CheckSeries) {
  return { t: [...s.timesMs], s: [...s.statuses], l: [...s.latenciesMs] };
}

/** The reference: per series, stable sort by time; of equal times the last row stays. */
function reference(checks: Check[], files: number) {
  const series = new Map<string, Check[]>();
  for (const c of checks) {
    const k = `${c.service}/${c.probe}`;
    const list = series.get(k) ?? [];
    list.push(c);
    series.set(k, list);
  }
  const duplicates = new Array<number>(files).fill(0);
  const out = new Map<string, CheckSeries>();
  for (const [k, list] of series) {
    const sorted = list.map((c, i) => ({ c, i })).sort((a, b) => a.c.t - b.c.t || a.i - b.i);
    const kept: Check[] = [];
    sorted.forEach(({ c }, j) => {
      const next = sorted[j + 1];
      if (next && next.c.t === c.t) duplicates[c.file] = (duplicates[c.file] ?? 0) + 1;
      else kept.push(c);
    });
    out.set(k, {
      timesMs: Float64Array.from(kept, (c) => c.t),
      statuses: Uint8Array.from(kept, (c) => c.status),
      latenciesMs: Float32Array.from(kept, (c) => c.latency),
    });
  }
  return { series: out, duplicates };
}

const spillDir = mkdtempSync(path.join(tmpdir(), 'check-store-'));

/** Pushes checks one by one or as batches of consecutive checks of one series. */
function fill(store: CheckStore, checks: Check[], batched: boolean): void {
  for (let i = 0; i < checks.length; ) {
    const c = checks[i] as Check;
    const h = store.handle(c.service, c.probe);
    if (!batched) {
      store.push(h, c.t, c.status, c.latency, c.file);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < checks.length && checks[j]?.service === c.service && checks[j]?.probe === c.probe && checks[j]?.file === c.file) j++;
    const run = checks.slice(i, j);
    store.pushBatch(
      h,
      Float64Array.from(run, (r) => r.t),
      Uint8Array.from(run, (r) => r.status),
      Float32Array.from(run, (r) => r.latency),
      c.file,
    );
    i = j;
  }
}

const checkArb = (ordered: boolean) =>
  fc
    .array(
      fc.record({
        service: fc.constantFrom('api', 'web'),
        probe: fc.constantFrom('eu', 'us'),
        t: fc.integer({ min: 0, max: ordered ? 40 : 60 }),
        status: fc.integer({ min: 0, max: 2 }),
        latency: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 500 })),
        file: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 120 },
    )
    .map((cs) => {
      if (!ordered) return cs;
      // Strictly increasing times per series, as most exports arrive.
      const last = new Map<string, number>();
      return cs.map((c) => {
        const k = `${c.service}/${c.probe}`;
        const t = (last.get(k) ?? 0) + 1 + c.t;
        last.set(k, t);
        return { ...c, t };
      });
    });

describe('CheckStore', () => {
  for (const ordered of [true, false])
    it(`gives the reference's series, duplicates and ranges (${ordered ? 'time-ordered' : 'any order'} input)`, () => {
      assertProperty(
        fc.property(
          checkArb(ordered),
          fc.integer({ min: 1, max: 5 }),
          fc.boolean(),
          fc.array(fc.tuple(fc.integer({ min: -5, max: 3000 }), fc.integer({ min: 0, max: 3000 })), { minLength: 1, maxLength: 6 }),
          (checks, tailChecks, batched, ranges) => {
            const store = new CheckStore({ spillDir, tailChecks });
            fill(store, checks, batched);
            const duplicates = [0, 0, 0];
            const stored = store.finish(duplicates);
            const ref = reference(checks, 3);
            try {
              expect(duplicates).toEqual(ref.duplicates);
              const all = stored.toMap();
              expect([...all.keys()]).toEqual([...new Set(checks.map((c) => c.service))].sort());
              for (const [k, s] of ref.series) {
                const [service, probe] = k.split('/') as [string, string];
                expect(plain(all.get(service)?.get(probe) as CheckSeries)).toEqual(plain(s));
                for (const [a, len] of ranges) {
                  expect(plain(stored.range(service, probe, a, a + len))).toEqual(plain(sliceSeries(s, a, a + len)));
                }
              }
              expect(stored.range('none', 'eu', 0, 10).timesMs).toHaveLength(0);
            } finally {
              stored.close();
            }
          },
        ),
        { numRuns: 300 },
      );
    });

  it('reads a range: the check before its start, then the checks inside it (hand-made)', () => {
    const store = new CheckStore({ spillDir, tailChecks: 2 });
    const h = store.handle('api', 'eu');
    // Times 10, 20, …, 70: chunks [10,20] [30,40] [50,60], tail [70].
    for (let t = 10; t <= 70; t += 10) store.push(h, t, 0, t, 0);
    const stored = store.finish([0]);
    expect([...stored.range('api', 'eu', 35, 60).timesMs]).toEqual([30, 40, 50]);
    expect([...stored.range('api', 'eu', 30, 31).timesMs]).toEqual([20, 30]);
    expect([...stored.range('api', 'eu', 0, 15).timesMs]).toEqual([10]);
    expect([...stored.range('api', 'eu', 0, 10).timesMs]).toEqual([]);
    expect([...stored.range('api', 'eu', 65, 1000).timesMs]).toEqual([60, 70]);
    // After the last check: that check still covers the start.
    expect([...stored.range('api', 'eu', 100, 200).timesMs]).toEqual([70]);
    expect([...stored.range('api', 'eu', 100, 200).latenciesMs]).toEqual([70]);
    stored.close();
  });

  it('leaves no file behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'check-store-clean-'));
    const store = new CheckStore({ spillDir: dir, tailChecks: 1 });
    const h = store.handle('api', 'eu');
    for (let t = 0; t < 100; t++) store.push(h, t, 0, Number.NaN, 0);
    // The spill file is unlinked as soon as it is opened.
    expect(readdirSync(dir)).toEqual([]);
    const stored = store.finish([0]);
    expect(stored.range('api', 'eu', 50, 52).timesMs).toEqual(Float64Array.of(49, 50, 51));
    stored.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('CheckStore, temp folder unusable', () => {
  it('says so in one message naming the folder, not a stack trace', () => {
    const store = new CheckStore({ spillDir: path.join(tmpdir(), 'no-such-folder-for-check-store', 'x'), tailChecks: 1 });
    const h = store.handle('api', 'eu');
    store.push(h, 1, 0, Number.NaN, 0);
    expect(() => store.push(h, 2, 0, Number.NaN, 0)).toThrow(ReviewError);
    expect(() => store.push(h, 3, 0, Number.NaN, 0)).toThrow(
      /cannot keep the checks in the temp folder .*no-such-folder-for-check-store.* \(ENOENT\)/,
    );
  });
});
