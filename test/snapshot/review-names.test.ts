/**
 * The review's name per language: textIn's fallback (model/locales.ts) and what the snapshot carries
 * (snapshot/review-names.ts). Expected values by hand from the rules in their doc comments.
 */
import { describe, expect, it } from 'vitest';
import { textIn } from '../../src/lib/model/locales.ts';
import { reviewNames, reviewNamesIn } from '../../src/lib/snapshot/review-names.ts';

describe('textIn', () => {
  it('takes the locale’s own text, else the first of the review’s locales that has one', () => {
    const both = { en: 'Service review', 'zh-CN': '服务质量评审' };
    expect(textIn(both, 'zh-CN', ['en', 'zh-CN'])).toBe('服务质量评审');
    expect(textIn(both, 'en', ['zh-CN', 'en'])).toBe('Service review');
    expect(textIn({ en: 'Service review' }, 'zh-CN', ['zh-CN', 'en'])).toBe('Service review');
    // Neither the locale nor the review's locales have one: the first supported locale that does.
    expect(textIn({ 'zh-CN': '服务质量评审' }, 'en', ['en'])).toBe('服务质量评审');
    expect(textIn('Service review', 'zh-CN', ['zh-CN'])).toBe('Service review');
  });
});

describe('reviewNames', () => {
  it('one text each: the snapshot keeps the one name, with no per-language copy (snapshots as before)', () => {
    expect(reviewNames({ name: 'Service review', organisation: undefined, locales: ['en', 'zh-CN'] }, 'UTC')).toEqual({
      name: 'Service review',
      organisation: null,
      timeZone: 'UTC',
    });
  });

  it('texts per language: the first locale’s as the name, and each locale’s resolved', () => {
    const review = reviewNames(
      { name: { en: 'Service review', 'zh-CN': '服务质量评审' }, organisation: 'Northwind', locales: ['en', 'zh-CN'] },
      'Europe/London',
    );
    expect(review).toEqual({
      name: 'Service review',
      organisation: 'Northwind',
      timeZone: 'Europe/London',
      byLocale: { en: { name: 'Service review', organisation: 'Northwind' }, 'zh-CN': { name: '服务质量评审', organisation: 'Northwind' } },
    });
    expect(reviewNamesIn(review, 'zh-CN')).toEqual({ name: '服务质量评审', organisation: 'Northwind' });
  });

  it('a page reads the one name from a snapshot without per-language names (revisions published before them)', () => {
    const review = { name: 'Service review', organisation: null, timeZone: 'UTC' };
    expect(reviewNamesIn(review, 'zh-CN')).toEqual(review);
  });
});
