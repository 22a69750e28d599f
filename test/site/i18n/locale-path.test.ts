import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../src/lib/model/locales.ts';
import { defaultLocale, localePath, otherLocales, splitLocalePath, switchLocalePath } from '../../../src/lib/site/i18n/locale-path.ts';
import { assertProperty } from '../../helpers/property.ts';

const both: Locale[] = ['zh-CN', 'en'];

describe('localePath', () => {
  it('one locale: the site at the root, paths unchanged', () => {
    expect(localePath('en', ['en'], '/reviews/2026-10/')).toBe('/reviews/2026-10/');
    expect(localePath('zh-CN', ['zh-CN'], '/')).toBe('/');
  });
  it('two locales: each under its folder', () => {
    expect(localePath('zh-CN', both, '/reviews/2026-10/')).toBe('/zh-CN/reviews/2026-10/');
    expect(localePath('en', both, '/')).toBe('/en/');
    expect(localePath('en', both, 'method/')).toBe('/en/method/');
  });
  it('a locale the review is not built in is a programming error, not a silent root path', () => {
    expect(() => localePath('zh-CN', ['en'], '/')).toThrow('locale zh-CN is not one of the review');
  });
  it('the default locale is the first configured', () => {
    expect(defaultLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(defaultLocale(['en', 'zh-CN'])).toBe('en');
    expect(() => defaultLocale([])).toThrow('review.locales is empty');
  });
});

describe('splitLocalePath and the language switch', () => {
  it('reads the locale folder back', () => {
    expect(splitLocalePath('/zh-CN/services/api/', both)).toEqual({ locale: 'zh-CN', path: '/services/api/' });
    expect(splitLocalePath('/en/', both)).toEqual({ locale: 'en', path: '/' });
    expect(splitLocalePath('/en', both)).toEqual({ locale: 'en', path: '/' });
    expect(splitLocalePath('/en/reviews/2026-10/#attention', both)).toEqual({ locale: 'en', path: '/reviews/2026-10/#attention' });
  });
  it('a path outside the locale folders, or a one-language site, is in the default locale', () => {
    expect(splitLocalePath('/reviews/2026-10/tickets.csv', both)).toEqual({ locale: 'zh-CN', path: '/reviews/2026-10/tickets.csv' });
    // "/english/" only starts with "en": not a locale folder.
    expect(splitLocalePath('/english/', both)).toEqual({ locale: 'zh-CN', path: '/english/' });
    // One locale: a page that happens to be called /en/ is not a locale folder.
    expect(splitLocalePath('/en/x/', ['zh-CN'])).toEqual({ locale: 'zh-CN', path: '/en/x/' });
  });
  it('switches to the same page in the other language', () => {
    expect(switchLocalePath('/zh-CN/reviews/2026-10/r2/', 'en', both)).toBe('/en/reviews/2026-10/r2/');
    expect(switchLocalePath('/en/method/', 'zh-CN', both)).toBe('/zh-CN/method/');
    expect(otherLocales('en', both)).toEqual(['zh-CN']);
    expect(otherLocales('en', ['en'])).toEqual([]);
  });
  it('property: splitLocalePath inverts localePath, and switching there and back is the identity', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    const page = fc.array(segment, { maxLength: 4 }).map((s) => `/${s.map((x) => `${x}/`).join('')}`);
    const configured = fc.constantFrom<Locale[]>(['en'], ['zh-CN'], ['zh-CN', 'en'], ['en', 'zh-CN']);
    assertProperty(
      fc.property(configured, page, (locales, p) => {
        for (const l of locales) {
          const at = localePath(l, locales, p);
          expect(splitLocalePath(at, locales)).toEqual({ locale: l, path: p });
          for (const o of locales) expect(switchLocalePath(switchLocalePath(at, o, locales), l, locales)).toBe(at);
        }
      }),
    );
    expect(LOCALES).toEqual(['zh-CN', 'en']);
  });
});
