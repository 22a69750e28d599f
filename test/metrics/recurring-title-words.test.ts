/**
 * Title words for recurring issues: normalizeTitle, segmentTitle, the stop-word lists, jaccard.
 * Chinese cuts are those of ICU in Node 22 (checked with Intl.Segmenter when writing the tests).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard } from '../../src/lib/metrics/jaccard.ts';
import { normalizeTitle } from '../../src/lib/metrics/normalize-title.ts';
import { segmentTitle } from '../../src/lib/metrics/segment-title.ts';
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS, isStopWord, STOP_WORDS } from '../../src/lib/metrics/stop-words.ts';
import { assertProperty } from '../helpers/property.ts';

const words = (title: string) => segmentTitle(normalizeTitle(title));

describe('normalizeTitle', () => {
  it('NFKC and lower case', () => {
    // full-width letters and digits, the ﬁ ligature, the circled ① (NFKC → 1, then removed as a number)
    expect(normalizeTitle('ＶＰＮ Ｄｏｗｎ ﬁle ①')).toBe('vpn down file');
    expect(normalizeTitle('Café LOGIN')).toBe('café login');
    expect(normalizeTitle('Can’t log in')).toBe("can't log in");
  });

  it.each([
    // ids: tokens that mix letters and digits, #numbers, dashed ids
    ['INC0012 printer jammed', 'printer jammed'],
    ['#4411 printer jammed', 'printer jammed'],
    ['GD-10044: printer jammed', ': printer jammed'],
    ['printer jammed (ref SR-2026-000123)', 'printer jammed (ref )'],
    // numbers
    ['error 500 on checkout', 'error on checkout'],
    ['3 users locked out', 'users locked out'],
    ['version 2.4 rollout', 'version . rollout'],
    // IPv4, IPv6
    ['cannot reach 10.0.0.12:8080', 'cannot reach'],
    ['ping to 192.168.1.0/24 fails', 'ping to fails'],
    ['fe80::1%eth0 unreachable', 'unreachable'],
    ['2001:db8::ff00:42:8329 unreachable', 'unreachable'],
    // e-mails and URLs
    ['mailbox jo.doe@example.com full', 'mailbox full'],
    // The forms mask-personal-data.ts knows (audit of issue #13, defects 6 and 8): an issue key is made of
    // these words and published, so it must hold no piece of an address either.
    ['mailbox jo＠example.com full', 'mailbox full'],
    ['mailbox jo@例子.中国 full', 'mailbox full'],
    ['mailbox андрей@пример.рф full', 'mailbox full'],
    // local parts in CJK (the key held "张三@" before)
    ['mailbox 张三@example.com full', 'mailbox full'],
    ['mailbox li.lei+支持@example.cn full', 'mailbox full'],
    ['邮箱 张三@example.com 已满', '邮箱 已满'],
    ['mailbox jo%40example.com full', 'mailbox full'],
    ['https://status.example.com/incidents/123 down', 'down'],
    ['www.example.com slow', 'slow'],
    ['see svn+ssh://repo.example.com/trunk broken', 'see broken'],
    // a scheme of 32 characters, the longest the url rule takes (a longer run was read again from every word start)
    [`${'a'.repeat(32)}://example.com/x broken`, 'broken'],
    // dates and times
    ['backup failed 2026-11-03', 'backup failed'],
    ['backup failed 2026-11-03T08:15:00Z', 'backup failed'],
    ['backup failed 03/11/2026 at 08:15', 'backup failed at'],
    ['backup failed at 8:15 pm', 'backup failed at'],
    ['2026年11月3日备份失败', '备份失败'],
    ['11月3日备份失败', '备份失败'],
    // host names
    ['db-01.example.com unreachable', 'unreachable'],
    ['api.internal timeouts', 'timeouts'],
    ['a.b.c.example timeouts', 'timeouts'],
  ])('%s → %s', (title, expected) => expect(normalizeTitle(title)).toBe(expected));

  it('keeps dotted words that are not host names', () => {
    expect(normalizeTitle('Login failed.Please help')).toBe('login failed.please help');
    expect(normalizeTitle('node.js upgrade')).toBe('node.js upgrade');
  });

  it('titles that are only ids become empty', () => {
    expect(normalizeTitle('INC0012')).toBe('');
    expect(normalizeTitle('GD-10044')).toBe('');
    expect(normalizeTitle('  #4411 ')).toBe('');
    expect(normalizeTitle('')).toBe('');
  });

  it('removes digits glued to CJK text without merging the words around them', () => {
    expect(normalizeTitle('服务器01宕机')).toBe('服务器 宕机');
    expect(normalizeTitle('支付页面报错500')).toBe('支付页面报错');
  });

  it('is idempotent', () => {
    assertProperty(
      fc.property(fc.string({ unit: 'grapheme' }), (t) => normalizeTitle(normalizeTitle(t)) === normalizeTitle(t)),
      { numRuns: 1000 },
    );
  });
});

describe('segmentTitle', () => {
  it('splits Chinese into words with ICU and drops Chinese stop words', () => {
    // ICU: 无法 | 登录 | 客户 | 门户; 无法 ("unable") is a stop word
    expect(segmentTitle('无法登录客户门户')).toEqual(['登录', '客户', '门户']);
    expect(segmentTitle('客户门户登录失败')).toEqual(['客户', '门户', '登录', '失败']);
    // ICU: 请 | 帮忙 | 看一下 | 报表 | 导出 | 问题 — all but 报表 and 导出 are stop words
    expect(segmentTitle('请帮忙看一下报表导出问题')).toEqual(['报表', '导出']);
    // single CJK characters are words: ICU cuts 打印机 as 打印 | 机
    expect(segmentTitle('打印机无法打印')).toEqual(['打印', '机']);
  });

  it('mixed English and Chinese', () => {
    expect(segmentTitle('vpn连接失败')).toEqual(['vpn', '连接', '失败']);
    expect(words('VPN 连接失败')).toEqual(['vpn', '连接', '失败']);
    expect(words('邮件发送失败 email not sending')).toEqual(['邮件', '发送', '失败', 'email', 'sending']);
  });

  it('drops English stop words, punctuation and single Latin letters; keeps first-appearance order, no repeats', () => {
    expect(words('RE: FW: Cannot log in to the customer portal')).toEqual(['log', 'customer', 'portal']);
    expect(words('e-mail problem')).toEqual(['mail']);
    expect(words('portal portal PORTAL down')).toEqual(['portal', 'down']);
  });

  it('splits a word that ICU keeps together across a full stop', () => {
    expect(segmentTitle('login failed.please help')).toEqual(['login', 'failed']);
    expect(segmentTitle('node.js upgrade')).toEqual(['node', 'js', 'upgrade']);
  });

  it('titles with only ids, stop words or punctuation have no words', () => {
    expect(words('INC0012')).toEqual([]);
    expect(words('#4411 - INC0012 - 2026/11/03')).toEqual([]);
    expect(words('Please help!!')).toEqual([]);
    expect(words('请帮忙')).toEqual([]);
    expect(words('')).toEqual([]);
  });

  it('takes a custom stop-word set', () => {
    expect(segmentTitle('the portal', new Set())).toEqual(['the', 'portal']);
  });
});

describe('stop words', () => {
  it('lists are lower case, without repeats, and hold no failure words', () => {
    for (const w of ENGLISH_STOP_WORDS) expect(w).toBe(w.toLowerCase());
    expect(new Set(ENGLISH_STOP_WORDS).size).toBe(ENGLISH_STOP_WORDS.length);
    expect(new Set(CHINESE_STOP_WORDS).size).toBe(CHINESE_STOP_WORDS.length);
    expect(STOP_WORDS.size).toBe(ENGLISH_STOP_WORDS.length + CHINESE_STOP_WORDS.length);
    for (const w of ['error', 'failed', 'slow', 'down', 'timeout', '失败', '错误', '很慢', '超时']) expect(isStopWord(w)).toBe(false);
  });

  it('every Chinese entry is one ICU word segment, so it can match', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    for (const w of CHINESE_STOP_WORDS) expect([...segmenter.segment(w)].map((s) => s.segment)).toEqual([w]);
  });

  it('isStopWord', () => {
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord("can't")).toBe(true);
    expect(isStopWord('无法')).toBe(true);
    expect(isStopWord('login')).toBe(false);
  });
});

describe('jaccard', () => {
  it('shared over all, on sets', () => {
    // {login, portal, slow} ∩ {login, portal} = 2; ∪ = 3 → 2/3
    expect(jaccard(['login', 'portal', 'slow'], ['login', 'portal'])).toBe(2 / 3);
    // repeats count once: {a, b} vs {b, c} → 1/3
    expect(jaccard(['a', 'a', 'b'], ['b', 'c', 'c'])).toBe(1 / 3);
    expect(jaccard(['x'], ['y'])).toBe(0);
    expect(jaccard(['x'], [])).toBe(0);
    expect(jaccard(['登录', '客户', '门户'], ['客户', '门户', '登录', '失败'])).toBe(0.75);
  });

  it('two empty sets: null (undefined)', () => {
    expect(jaccard([], [])).toBeNull();
  });

  it('property: symmetric, in [0, 1], 1 for equal non-empty sets', () => {
    const set = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', '登录'), { maxLength: 8 });
    assertProperty(
      fc.property(set, set, (a, b) => {
        const j = jaccard(a, b);
        expect(jaccard(b, a)).toBe(j);
        if (a.length === 0 && b.length === 0) return j === null;
        return j !== null && j >= 0 && j <= 1 && (a.length === 0 || jaccard(a, [...a].reverse()) === 1);
      }),
    );
  });
});
