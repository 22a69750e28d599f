/**
 * Texts on pages of every period kind name the period by its kind (the real exports' audit of issue
 * #16 found a year's data-quality page saying "本月" / "This month" and "月末", a year's service
 * page offering "本月快照", a year's outage table "截取到本月"): such a text is a message of the
 * period noun (review.periodNoun), and a month's reads as before. Expected texts written by hand.
 */
import { describe, expect, it } from 'vitest';
import { dictionary } from '../../../src/lib/site/i18n/dictionaries.ts';

const en = dictionary('en');
const zh = dictionary('zh-CN');

describe('texts of pages of any period kind name the period by its kind', () => {
  it('a quarter and a year are named as such, in both languages', () => {
    expect(zh.columns.thisPeriod(zh.review.periodNoun.year)).toBe('本年');
    expect(zh.captions.filesTouching(zh.review.periodNoun.quarter)).toBe('包含本季度数据的文件');
    expect(zh.downloads.periodSnapshotJson(zh.review.periodNoun.year)).toBe('本年快照 (JSON)');
    expect(zh.dataQuality.horizon(zh.review.periodNoun.quarter)).toBe('各数据源的数据截至时间：数字以季度末与该时间中较早者为准');
    expect(zh.dataQuality.incomplete(zh.review.periodNoun.year)).toBe('不完整：数据在年末之前截止');
    expect(zh.captions.outages(zh.review.periodNoun.year)).toBe('故障（确认不可用的最长连续时段；截取到本年）');
    expect(en.columns.thisPeriod(en.review.periodNoun.quarter)).toBe('This quarter');
    expect(en.dataQuality.incomplete(en.review.periodNoun.year)).toBe('incomplete: the data ends before the year does');
    expect(en.captions.outages(en.review.periodNoun.quarter)).toBe('Outages (maximal runs of confirmed down time; clipped to the quarter)');
  });

  it("a month's texts read as they did (English month pages unchanged)", () => {
    const m = en.review.periodNoun.month;
    expect(en.columns.thisPeriod(m)).toBe('This month');
    expect(en.captions.filesTouching(m)).toBe('Files whose rows touch this month');
    expect(en.downloads.periodSnapshotJson(m)).toBe('Snapshot of the month (JSON)');
    expect(en.dataQuality.horizon(m)).toBe(
      "How far each source's data reaches (its data horizon): figures are as of the earlier of the month's end and it",
    );
    expect(en.dataQuality.incomplete(m)).toBe('incomplete: the data ends before the month does');
    expect(en.captions.outages(m)).toBe('Outages (maximal runs of confirmed down time; clipped to the month)');
    expect(zh.captions.filesTouching(zh.review.periodNoun.month)).toBe('包含本月数据的文件');
  });

  // The groups whose texts stand on every period kind's pages (the method and actions pages describe
  // the monthly rules themselves and are left out). A fixed text there saying "this month" is the
  // defect this file is about: it must be a message of the noun instead.
  const PERIOD_PAGE_GROUPS = [
    'columns',
    'captions',
    'downloads',
    'dataQuality',
    'servicePage',
    'ticketsPage',
    'headline',
    'notices',
    'sections',
  ] as const;
  const MONTH_BOUND = /this month|the month(?!s)|of the month|month's end|本月|月末|当月/i;
  const fixedTexts = (node: unknown, at: string): Array<[string, string]> =>
    typeof node === 'string'
      ? [[at, node]]
      : node && typeof node === 'object'
        ? Object.entries(node).flatMap(([k, v]) => fixedTexts(v, `${at}.${k}`))
        : [];

  it('no fixed text of those groups says "this month" in either language', () => {
    for (const g of PERIOD_PAGE_GROUPS) expect(typeof zh[g], g).toBe('object');
    const found = [en, zh].flatMap((d) =>
      PERIOD_PAGE_GROUPS.flatMap((g) => fixedTexts(d[g], g)).filter(([, text]) => MONTH_BOUND.test(text)),
    );
    expect(found).toEqual([]);
  });

  it('the check would catch one', () => {
    expect(MONTH_BOUND.test('Files whose rows touch this month')).toBe(true);
    expect(MONTH_BOUND.test('包含本月数据的文件')).toBe(true);
    expect(MONTH_BOUND.test('Months seen (of last 6)')).toBe(false);
  });
});
