/**
 * A revision pins each commentary file with the language it is written in, so a later change of
 * `review.locales` (its order, a language added or dropped) never moves published words to
 * another language's page; revisions pinned before that are read with the first language their
 * snapshot lists.
 */
import { describe, expect, it } from 'vitest';
import { publishedFirstLocale } from '../../src/lib/site/pinned-commentary.ts';
import { pinnedLanguages } from '../../src/lib/snapshot/commentary-files.ts';
import { commentaryChanged, type PublishedRevision } from '../../src/lib/snapshot/revisions.ts';

const bare = { file: 'content/reviews/2026-10.mdx', locale: null, source: 'English' };
const zh = { file: 'content/reviews/2026-10.zh-CN.mdx', locale: 'zh-CN', source: '中文' };

describe('the language of pinned commentary', () => {
  it('the bare file is pinned in the review’s first language; a duplicate <period>.<first>.mdx leaves both as they are', () => {
    expect(pinnedLanguages([bare, zh], 'en').map((c) => c.locale)).toEqual(['en', 'zh-CN']);
    expect(pinnedLanguages([bare, zh], 'zh-CN').map((c) => c.locale)).toEqual([null, 'zh-CN']);
  });

  it('commentary is compared file by file: a recorded language is no change, a renamed file is', () => {
    const pinned = pinnedLanguages([bare, zh], 'en');
    expect(commentaryChanged(pinned, [bare, zh])).toBe(false);
    expect(commentaryChanged([bare, zh], [bare, zh])).toBe(false);
    expect(commentaryChanged(pinned, [{ ...bare, file: 'content/reviews/2026-10.en.mdx', locale: 'en' }, zh])).toBe(true);
    expect(commentaryChanged(pinned, [{ ...bare, source: 'Edited' }, zh])).toBe(true);
  });

  it('an older revision’s bare file is in the first language its snapshot lists names for, else unknown', () => {
    const rev = (byLocale?: Record<string, unknown>) => ({ snapshot: { review: { byLocale } } }) as unknown as PublishedRevision;
    expect(publishedFirstLocale(rev({ en: {}, 'zh-CN': {} }))).toBe('en');
    expect(publishedFirstLocale(rev({ 'zh-CN': {}, en: {} }))).toBe('zh-CN');
    expect(publishedFirstLocale(rev(undefined))).toBeNull();
  });
});
