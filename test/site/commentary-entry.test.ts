import { describe, expect, it } from 'vitest';
import { chooseEntry, entryLocale } from '../../src/lib/site/commentary-entry.ts';

describe('entryLocale', () => {
  it('reads the locale suffix of a period’s own files only', () => {
    expect(entryLocale('content/reviews/2026-10.mdx', '2026-10')).toBeNull();
    expect(entryLocale('content/reviews/2026-10.zh-CN.mdx', '2026-10')).toBe('zh-CN');
    expect(entryLocale('content/reviews/2026-08.zh-CN.mdx', '2026-10')).toBeUndefined();
    expect(entryLocale('content/reviews/2026-10-extra.mdx', '2026-10')).toBeUndefined();
    expect(entryLocale(undefined, '2026-10')).toBeUndefined();
    // Pinned files: r2 in the period's folder, not another period's r2.
    expect(entryLocale('pinned/2026-10/r2.zh-CN.mdx', 'r2', '2026-10')).toBe('zh-CN');
    expect(entryLocale('pinned/2026-09/r2.mdx', 'r2', '2026-10')).toBeUndefined();
    expect(entryLocale('pinned/2026-10/r12.mdx', 'r2', '2026-10')).toBeUndefined();
  });
});

describe('chooseEntry', () => {
  const en = { filePath: 'c/2026-10.mdx', id: 'en' };
  const zh = { filePath: 'c/2026-10.zh-CN.mdx', id: 'zh' };
  const other = { filePath: 'c/2026-08.mdx', id: 'aug' };
  it('gives each language its own file when there is one', () => {
    expect(chooseEntry([other, en, zh], '2026-10', undefined, 'zh-CN', ['en', 'zh-CN'])).toEqual({
      entry: zh,
      choice: { fileLocale: 'zh-CN', language: 'zh-CN', fallback: false },
    });
    expect(chooseEntry([other, en, zh], '2026-10', undefined, 'en', ['en', 'zh-CN'])?.entry).toBe(en);
  });
  it('falls back to the other language, marked, when a language has none', () => {
    expect(chooseEntry([en], '2026-10', undefined, 'zh-CN', ['en', 'zh-CN'])).toEqual({
      entry: en,
      choice: { fileLocale: null, language: 'en', fallback: true },
    });
    expect(chooseEntry([zh], '2026-10', undefined, 'en', ['en', 'zh-CN'])?.choice).toEqual({
      fileLocale: 'zh-CN',
      language: 'zh-CN',
      fallback: true,
    });
  });
  it('finds nothing for a period without commentary', () => {
    expect(chooseEntry([other], '2026-10', undefined, 'en', ['en', 'zh-CN'])).toBeUndefined();
  });
  it('in a one-language site shows the file without a locale, as before', () => {
    expect(chooseEntry([en, zh], '2026-10', undefined, 'en', ['en'])?.entry).toBe(en);
  });
});
