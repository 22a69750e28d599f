import { describe, expect, it } from 'vitest';
import { commentaryFileName, resolveCommentary } from '../../../src/lib/site/i18n/commentary-locale.ts';

describe('commentary per locale (issue #16)', () => {
  it('two languages, both written: each page its own file, no notice', () => {
    // content/reviews/2026-10.mdx (English, the first locale) and 2026-10.zh-CN.mdx.
    expect(resolveCommentary([null, 'zh-CN'], ['en', 'zh-CN'])).toEqual({
      choices: {
        en: { fileLocale: null, language: 'en', fallback: false },
        'zh-CN': { fileLocale: 'zh-CN', language: 'zh-CN', fallback: false },
      },
      unused: [],
    });
  });

  it('a missing translation: the other language’s text with a notice', () => {
    expect(resolveCommentary([null], ['en', 'zh-CN']).choices['zh-CN']).toEqual({ fileLocale: null, language: 'en', fallback: true });
    // Only the Chinese file of an English-first review: the English page shows it with a notice.
    expect(resolveCommentary(['zh-CN'], ['en', 'zh-CN']).choices).toEqual({
      en: { fileLocale: 'zh-CN', language: 'zh-CN', fallback: true },
      'zh-CN': { fileLocale: 'zh-CN', language: 'zh-CN', fallback: false },
    });
  });

  it('the file without a locale is in the first locale, whichever that is', () => {
    expect(resolveCommentary([null, 'en'], ['zh-CN', 'en']).choices).toEqual({
      'zh-CN': { fileLocale: null, language: 'zh-CN', fallback: false },
      en: { fileLocale: 'en', language: 'en', fallback: false },
    });
    expect(resolveCommentary([null], ['zh-CN']).choices).toEqual({ 'zh-CN': { fileLocale: null, language: 'zh-CN', fallback: false } });
  });

  it('no commentary: null for every page', () => {
    expect(resolveCommentary([], ['en', 'zh-CN'])).toEqual({ choices: { en: null, 'zh-CN': null }, unused: [] });
  });

  it('files no page shows are listed with why, never dropped silently', () => {
    const r = resolveCommentary(['en', null, 'fr', 'zh-CN'], ['en']);
    expect(r.choices).toEqual({ en: { fileLocale: null, language: 'en', fallback: false } });
    expect(r.unused).toEqual([
      { fileLocale: 'en', reason: "a second en commentary: the file without a locale is already in en, the review's first locale" },
      { fileLocale: 'fr', reason: "fr is not one of the review's locales (en)" },
      { fileLocale: 'zh-CN', reason: "zh-CN is not one of the review's locales (en)" },
    ]);
  });

  it('file names per locale', () => {
    expect(commentaryFileName('2026-10', 'en', ['en', 'zh-CN'])).toBe('2026-10.mdx');
    expect(commentaryFileName('2026-10', 'zh-CN', ['en', 'zh-CN'])).toBe('2026-10.zh-CN.mdx');
    expect(commentaryFileName('2026-Q4', 'zh-CN', ['zh-CN', 'en'])).toBe('2026-Q4.mdx');
  });
});
