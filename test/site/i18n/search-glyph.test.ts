import { describe, expect, it } from 'vitest';
import { cjkCharacters, NOTDEF_PROBE, tofuCharacters } from '../../../src/lib/site/i18n/glyph-check.ts';
import { pagefindLanguage, searchIndexOptions } from '../../../src/lib/site/i18n/search-language.ts';

describe('search per language', () => {
  it('Pagefind keys an index by the lang in lower case (as pagefind-entry.json lists it: "zh-cn")', () => {
    expect(pagefindLanguage('zh-CN')).toBe('zh-cn');
    expect(pagefindLanguage('en')).toBe('en');
  });
  it('one locale forces it; two let each page’s <html lang> choose its index', () => {
    expect(searchIndexOptions(['zh-CN'])).toEqual({ forceLanguage: 'zh-cn' });
    expect(searchIndexOptions(['en'])).toEqual({ forceLanguage: 'en' });
    expect(searchIndexOptions(['en', 'zh-CN'])).toEqual({});
  });
});

describe('glyph check', () => {
  it('collects each CJK character once, in order, punctuation included, Latin and digits left out', () => {
    expect(cjkCharacters('无法登录客户门户（SSO）：登录 3 次')).toEqual(['无', '法', '登', '录', '客', '户', '门', '（', '）', '：', '次']);
    expect(cjkCharacters('Availability 99.9 %')).toEqual([]);
  });
  it('names the characters drawn like the .notdef box, and none when all have glyphs', () => {
    const drawn = new Map([
      ['登', 'h1'],
      ['录', 'box'],
      ['户', 'h3'],
    ]);
    expect(tofuCharacters(drawn, 'box')).toEqual(['录']);
    expect(tofuCharacters(new Map([['登', 'h1']]), 'box')).toEqual([]);
    expect(NOTDEF_PROBE.codePointAt(0)).toBe(0x378);
  });
});
