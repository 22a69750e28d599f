/**
 * Links in the commentary (site-links.ts commentaryHref): written from the review's root, shown under the
 * base path and in the reader's language. Expected values by hand from the rule in its doc comment.
 */
import { describe, expect, it } from 'vitest';
import { commentaryHref } from '../../src/lib/site/site-links.ts';

const both = ['en', 'zh-CN'] as const;

describe('commentaryHref', () => {
  it('puts a page link in the reader’s language folder, under the base path, keeping its fragment and query', () => {
    expect(commentaryHref('/method/#tickets', 'zh-CN', both, '/')).toBe('/zh-CN/method/#tickets');
    expect(commentaryHref('/method/#tickets', 'en', both, '/review/')).toBe('/review/en/method/#tickets');
    expect(commentaryHref('/reviews/2026-09/?x=1#outages', 'en', both, '/')).toBe('/en/reviews/2026-09/?x=1#outages');
  });

  it('adds the trailing slash a page folder needs, and nothing to a file', () => {
    expect(commentaryHref('/reviews/2026-09', 'zh-CN', both, '/')).toBe('/zh-CN/reviews/2026-09/');
    expect(commentaryHref('/reviews/2026-09/outages.csv', 'zh-CN', both, '/review/')).toBe('/review/reviews/2026-09/outages.csv');
  });

  it('keeps a language folder the link already names', () => {
    expect(commentaryHref('/en/method/', 'zh-CN', both, '/')).toBe('/en/method/');
    expect(commentaryHref('/zh-CN/method/', 'en', both, '/review/')).toBe('/review/zh-CN/method/');
  });

  it('with one language adds only the base path', () => {
    expect(commentaryHref('/method/', 'en', ['en'], '/')).toBe('/method/');
    expect(commentaryHref('/method/', 'zh-CN', ['zh-CN'], '/review/')).toBe('/review/method/');
    // "en" is no language folder of a Chinese-only site: a page of that name is linked as any other.
    expect(commentaryHref('/en/', 'zh-CN', ['zh-CN'], '/')).toBe('/en/');
  });

  it('leaves relative, external and in-page links as written', () => {
    for (const link of [
      '#recurring',
      'outages.csv',
      '../2026-08/',
      'https://status.example.org/',
      '//cdn.example.org/x',
      'mailto:desk@example.org',
    ])
      expect(commentaryHref(link, 'zh-CN', both, '/review/')).toBe(link);
  });
});
