/**
 * Wilson interval, CSAT, NPS and CES. Expected values are worked by hand in the comments
 * (z = 1.959963984540054, z² = 3.841458820694124) or cited from Newcombe (1998).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces } from '../../src/lib/metrics/ces.ts';
import { csat } from '../../src/lib/metrics/csat.ts';
import { nps } from '../../src/lib/metrics/nps.ts';
import { wilsonInterval, Z_95 } from '../../src/lib/metrics/wilson-interval.ts';
import { assertProperty } from '../helpers/property.ts';

const Z2 = Z_95 * Z_95;
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('wilsonInterval', () => {
  it('8 of 10 is [0.4902, 0.9433]', () => {
    // p = 0.8, z²/n = 0.38414588, denominator = 1.38414588
    // centre = (0.8 + 0.19207294) / 1.38414588 = 0.71674016
    // half = (1.95996398 / 1.38414588) × sqrt(0.8 × 0.2 / 10 + 3.84145882 / 400)
    //      = 1.41601070 × sqrt(0.016 + 0.00960365) = 1.41601070 × 0.16001140 = 0.22657769
    // → [0.71674016 − 0.22657769, 0.71674016 + 0.22657769] = [0.49016247, 0.94331785]
    const r = wilsonInterval(8, 10)!;
    expect(r.lower).toBeCloseTo(0.49016247, 8);
    expect(r.upper).toBeCloseTo(0.94331785, 8);
    expect(Z2).toBeCloseTo(3.841458820694124, 12);
  });

  it('matches Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3 (score), to 4 places', () => {
    const cases: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [s, n, lower, upper] of cases) {
      const r = wilsonInterval(s, n)!;
      expect(r.lower).toBeCloseTo(lower, 4);
      expect(r.upper).toBeCloseTo(upper, 4);
    }
  });

  it('is exactly 0 below for no successes and exactly 1 above for all successes', () => {
    // 0 of 10: centre = 0.19207294 / 1.38414588 = 0.13876640, half the same → [0, 0.27753280]
    expect(wilsonInterval(0, 10)).toEqual({ lower: 0, upper: expect.closeTo(0.2775328, 7) });
    // 10 of 10: mirror image → [0.72246720, 1]; the raw formula gives 0.9999999999999999 above
    expect(wilsonInterval(10, 10)).toEqual({ lower: expect.closeTo(0.7224672, 7), upper: 1 });
  });

  it('n = 1', () => {
    // 1 of 1: denominator = 1 + 3.84145882 = 4.84145882; centre = (1 + 1.92072941) / 4.84145882 = 0.60327466
    // half = (1.95996398 / 4.84145882) × sqrt(0 + 3.84145882 / 4) = 0.40482953 × 0.97998199 = 0.39672534
    expect(wilsonInterval(1, 1)).toEqual({ lower: expect.closeTo(0.20654931, 8), upper: 1 });
    expect(wilsonInterval(0, 1)).toEqual({ lower: 0, upper: expect.closeTo(0.79345069, 8) });
  });

  it('n = 0 is null', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/successes to be an integer from 0 to n/);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2.5)).toThrow(/non-negative integer/);
    expect(() => wilsonInterval(1, 2, 0)).toThrow(/positive finite z/);
  });

  it('property: 0 ≤ lower ≤ p̂ ≤ upper ≤ 1', () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([s, n]) => {
          const r = wilsonInterval(s, n)!;
          const p = s / n;
          return r.lower >= 0 && r.lower <= p && p <= r.upper && r.upper <= 1;
        },
      ),
    );
  });
});

describe('csat', () => {
  it('share of 4s and 5s with its Wilson interval', () => {
    // 5 4 4 3 5 1 4 5 2 4: satisfied (≥ 4) = 5,4,4,5,4,5,4 = 7 of 10 → 0.7
    // Wilson 7/10: centre = (0.7 + 0.19207294) / 1.38414588 = 0.64449344
    // half = 1.41601070 × sqrt(0.021 + 0.00960365) = 1.41601070 × 0.17493899 = 0.24771529 → [0.39677815, 0.89220873]
    const r = csat(Object.freeze([5, 4, 4, 3, 5, 1, 4, 5, 2, 4]));
    expect(r).toEqual({
      n: 10,
      satisfied: 7,
      share: 0.7,
      interval: { lower: expect.closeTo(0.39677815, 8), upper: expect.closeTo(0.89220873, 8) },
      lowSample: true,
      outOfScale: 0,
    });
  });

  it('n = 0: nulls, low-sample', () => {
    expect(csat([])).toEqual({ n: 0, satisfied: 0, share: null, interval: null, lowSample: true, outOfScale: 0 });
    expect(csat([null, null])).toEqual({ n: 0, satisfied: 0, share: null, interval: null, lowSample: true, outOfScale: 0 });
  });

  it('n = 1', () => {
    expect(csat([5])).toMatchObject({ n: 1, satisfied: 1, share: 1, interval: { lower: expect.closeTo(0.20654931, 8), upper: 1 } });
    expect(csat([3])).toMatchObject({ n: 1, satisfied: 0, share: 0, interval: { lower: 0, upper: expect.closeTo(0.79345069, 8) } });
  });

  it('low-sample boundary: 29 answers are low-sample, 30 are not', () => {
    expect(csat(repeat(5, 29)).lowSample).toBe(true);
    expect(csat(repeat(5, 30)).lowSample).toBe(false);
    // nulls do not count toward n
    expect(csat([...repeat(5, 29), null]).lowSample).toBe(true);
    // configurable threshold
    expect(csat(repeat(5, 10), { lowSampleBelow: 10 }).lowSample).toBe(false);
    expect(csat(repeat(5, 9), { lowSampleBelow: 10 }).lowSample).toBe(true);
  });

  it('24 of 30 satisfied', () => {
    // p = 0.8, z²/n = 0.12804863, denominator = 1.12804863
    // centre = (0.8 + 0.06402431) / 1.12804863 = 0.76594598
    // half = (1.95996398 / 1.12804863) × sqrt(0.16 / 30 + 3.84145882 / 3600) = 1.73748507 × 0.08000166 = 0.13900295
    const r = csat([...repeat(5, 12), ...repeat(4, 12), ...repeat(3, 3), ...repeat(1, 3)]);
    expect(r.share).toBe(0.8);
    expect(r.interval!.lower).toBeCloseTo(0.62694304, 8);
    expect(r.interval!.upper).toBeCloseTo(0.90494893, 8);
    expect(r.lowSample).toBe(false);
  });

  it('out-of-scale scores are counted, not used', () => {
    expect(csat([5, 0, 6, Number.NaN, 4, 2])).toMatchObject({ n: 3, satisfied: 2, outOfScale: 3 });
  });

  it('configurable scale and threshold', () => {
    // 0–10 scale, satisfied at 7: 7, 10, 8 of 6 answers → 0.5
    const scale = { min: 0, max: 10, satisfiedAtLeast: 7 };
    expect(csat([7, 10, 8, 6, 0, 3], { scale })).toMatchObject({ n: 6, satisfied: 3, share: 0.5 });
    // 1–3 scale satisfied at 3
    expect(csat([3, 2, 3, 1], { scale: { min: 1, max: 3, satisfiedAtLeast: 3 } }).share).toBe(0.5);
  });

  it('rejects a threshold outside the scale', () => {
    expect(() => csat([5], { scale: { min: 1, max: 5, satisfiedAtLeast: 6 } })).toThrow(/min ≤ satisfiedAtLeast ≤ max/);
  });

  it('property: share and interval in [0, 1], lower ≤ share ≤ upper; order does not matter', () => {
    assertProperty(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { maxLength: 200 }), (scores) => {
        const r = csat(scores);
        const shuffled = csat([...scores].reverse());
        expect(shuffled).toEqual(r);
        if (r.n === 0) return r.share === null && r.interval === null;
        const { lower, upper } = r.interval!;
        return r.share! >= 0 && r.share! <= 1 && lower >= 0 && upper <= 1 && lower <= r.share! && r.share! <= upper;
      }),
    );
  });
});

describe('nps', () => {
  it('promoters minus detractors, with the margin of error', () => {
    // 10 9 9 8 7 6 3 10 9 0: promoters 10,9,9,10,9 = 5; passives 8,7 = 2; detractors 6,3,0 = 3
    // score = (5 − 3) × 100 / 10 = 20
    // MoE = 1.96 × sqrt((0.5 + 0.3 − 0.2²) / 10) × 100 = 1.96 × sqrt(0.076) × 100 = 1.96 × 0.27568098 × 100 = 54.0334711
    expect(nps(Object.freeze([10, 9, 9, 8, 7, 6, 3, 10, 9, 0]))).toEqual({
      n: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      promoterShare: 0.5,
      detractorShare: 0.3,
      score: 20,
      marginOfError: expect.closeTo(54.0334711, 6),
      lowSample: true,
      outOfScale: 0,
    });
  });

  it('boundaries: 6 is a detractor, 7 and 8 passive, 9 a promoter', () => {
    expect(nps([6])).toMatchObject({ detractors: 1, score: -100 });
    expect(nps([7])).toMatchObject({ passives: 1, score: 0 });
    expect(nps([8])).toMatchObject({ passives: 1, score: 0 });
    expect(nps([9])).toMatchObject({ promoters: 1, score: 100 });
  });

  it('all promoters: 100 with no margin of error; all detractors: −100', () => {
    // p₊ = 1, p₋ = 0: 1 + 0 − 1² = 0 → MoE 0
    expect(nps(repeat(10, 40))).toMatchObject({ score: 100, marginOfError: 0, lowSample: false });
    expect(nps(repeat(0, 40))).toMatchObject({ score: -100, marginOfError: 0 });
    expect(nps(repeat(8, 40))).toMatchObject({ score: 0, marginOfError: 0 });
  });

  it('n = 0: nulls; n = 1', () => {
    expect(nps([null])).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      promoterShare: null,
      detractorShare: null,
      score: null,
      marginOfError: null,
      lowSample: true,
      outOfScale: 0,
    });
    expect(nps([10])).toMatchObject({ n: 1, score: 100, marginOfError: 0 });
  });

  it('one promoter, one passive, one detractor', () => {
    // p₊ = p₋ = 1/3: score 0; MoE = 1.96 × sqrt((2/3 − 0) / 3) × 100 = 1.96 × 0.47140452 × 100 = 92.3952861
    expect(nps([9, 7, 0])).toMatchObject({ score: 0, marginOfError: expect.closeTo(92.3952861, 6) });
  });

  it('29 answers are low-sample, 30 are not', () => {
    expect(nps(repeat(9, 29)).lowSample).toBe(true);
    expect(nps(repeat(9, 30)).lowSample).toBe(false);
  });

  it('non-integer or out-of-range answers are counted, not used', () => {
    expect(nps([10, 11, -1, 7.5, 3])).toMatchObject({ n: 2, outOfScale: 3, score: 0 });
  });

  it('property: score within [−100, 100], margin ≥ 0, order does not matter', () => {
    assertProperty(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), { maxLength: 300 }), (scores) => {
        const r = nps(scores);
        expect(nps([...scores].reverse())).toEqual(r);
        if (r.n === 0) return r.score === null && r.marginOfError === null;
        return r.score! >= -100 && r.score! <= 100 && r.marginOfError! >= 0 && r.promoters + r.passives + r.detractors === r.n;
      }),
    );
  });
});

describe('ces', () => {
  it('mean on the default 1–7 scale', () => {
    // (7 + 6 + 5 + 6 + 1) / 5 = 25 / 5 = 5
    expect(ces([7, 6, 5, 6, 1])).toEqual({ n: 5, mean: 5, scale: { min: 1, max: 7 }, lowSample: true, outOfScale: 0 });
  });

  it('n = 0 and n = 1', () => {
    expect(ces([null])).toEqual({ n: 0, mean: null, scale: { min: 1, max: 7 }, lowSample: true, outOfScale: 0 });
    expect(ces([3])).toMatchObject({ n: 1, mean: 3 });
  });

  it('configured scale; answers outside it are counted, not used', () => {
    // 1–5 scale: 6 and 0 are out; (5 + 4 + 2) / 3 = 11 / 3
    expect(ces([5, 6, 4, 0, 2], { scale: { min: 1, max: 5 } })).toMatchObject({ n: 3, mean: 11 / 3, outOfScale: 2 });
    expect(() => ces([1], { scale: { min: 5, max: 1 } })).toThrow(/min ≤ max/);
  });

  it('29 answers are low-sample, 30 are not', () => {
    expect(ces(repeat(4, 29)).lowSample).toBe(true);
    expect(ces(repeat(4, 30)).lowSample).toBe(false);
  });

  it('property: mean within the scale and independent of order (also for fractional scores)', () => {
    assertProperty(
      fc.property(fc.array(fc.double({ min: 1, max: 7, noNaN: true }), { minLength: 1, maxLength: 100 }), (scores) => {
        const r = ces(scores);
        expect(ces([...scores].reverse())).toEqual(r);
        return r.mean! >= 1 - 1e-12 && r.mean! <= 7 + 1e-12;
      }),
    );
  });
});
