/**
 * Masking of personal data in comments (spec "Satisfaction": e-mail → [email], phone → [phone],
 * runs of 8+ digits counting single spaces or dashes → [number]). Phone numbers used are the
 * reserved fictional ranges: UK Ofcom drama numbers (020 7946 0xxx), North American 555-01xx.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/lib/metrics/mask-personal-data.ts';
import { maskIdentifier, maskPersonalDataMemo } from '../../src/lib/util/mask-personal-data.ts';
import { assertProperty } from '../helpers/property.ts';

const cases = (rows: Array<[string, string]>) => rows.map(([input, expected]) => ({ input, expected }));

describe('maskPersonalData: e-mail addresses', () => {
  it.each(
    cases([
      ['mail me at jo.doe@example.com please', 'mail me at [email] please'],
      ['j.smith1984@mail2.example.co.uk', '[email]'],
      ['<first+tag@sub.example.org>', '<[email]>'],
      ['(contact: ops-team@example.io)', '(contact: [email])'],
      ['josé.garcía@exämple.es', '[email]'],
      ['two: a@example.com, b@example.net.', 'two: [email], [email].'],
      ['x@y@z.com', 'x@[email]'],
    ]),
  )('$input', ({ input, expected }) => expect(maskPersonalData(input)).toBe(expected));

  // Leak audit: an apostrophe is RFC 5322 text in a local part, and common in Irish names; the part before
  // it was published ("mary.o'[email]"). An apostrophe before an address is a quote and stays.
  it.each(
    cases([
      ["mail mary.o'brien@contoso.example now", 'mail [email] now'],
      ["Jo.O'Neil@example.ie", '[email]'],
      ["write to 'jo.doe@example.com' today", "write to '[email]' today"],
      ["it's jo@example.com", "it's [email]"],
    ]),
  )('$input', ({ input, expected }) => {
    expect(maskPersonalData(input)).toBe(expected);
    expect(maskIdentifier(input)).toBe(expected);
  });

  it('masks an address with digits whole, not as e-mail plus number', () => {
    expect(maskPersonalData('user12345678@example.com')).toBe('[email]');
  });

  it('leaves text with @ that is not an address', () => {
    expect(maskPersonalData('ping @oncall about it')).toBe('ping @oncall about it');
    expect(maskPersonalData('meet @ 10:30')).toBe('meet @ 10:30');
  });
});

// Audit of issue #13's masking (defect 8): forms the first patterns missed. Full-width ＠ (U+FF20) is what a
// Chinese IME types in full-width mode, as it types the full-width digits masked above; internationalised
// addresses are RFC 6531 (SMTPUTF8) local parts and IDNA domains, whose label dots may be U+002E, U+FF0E or U+FF61.
describe('maskPersonalData: e-mail addresses in full-width and internationalised forms', () => {
  it.each(
    cases([
      ['mail jo＠example.com please', 'mail [email] please'],
      ['ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', '[email]'],
      ['jo﹫example.com', '[email]'],
      ['请发到jo＠example.cn，谢谢', '请发到[email]，谢谢'],
      ['jo@例子.中国', '[email]'],
      ['mail jo@例子.中国 today', 'mail [email] today'],
      ['jo@bücher.example', '[email]'],
      ['андрей@пример.рф', '[email]'],
      ['Ελένη@παράδειγμα.ελ', '[email]'],
      ['δοκιμή.jo@example.gr', '[email]'],
      // URL-encoded @, as a query string carries it
      ['jo%40example.com', '[email]'],
      // Leak audit: an IDNA A-label top-level domain (xn--fiqs8s is 中国, RFC 3492) was cut at its dashes: '[email]--fiqs8s'
      ['jo@xn--fsqu00a.xn--fiqs8s', '[email]'],
      ['mail JO@EXAMPLE.XN--FIQS8S today', 'mail [email] today'],
    ]),
  )('$input', ({ input, expected }) => expect(maskPersonalData(input)).toBe(expected));

  it('the CJK text before a Latin local part is kept: the change of script is where the local part starts', () => {
    expect(maskPersonalData('邮箱zhang.san@example.cn谢谢')).toBe('邮箱[email]谢谢');
  });
});

// RFC 6531 lets a local part hold any letters and digits: 张三@example.com is an address, and was published
// whole (or, for li.lei+支持@…, as "li.lei+支持" followed by nothing masked at all). Chinese and Japanese are
// written without spaces, so where such a local part starts is decided by the boundary before it: white
// space, punctuation (full-width included) or the start of the text; with none, the run of letters before
// the at-sign is masked with it (up to 64 characters), since masking a few words more is better than
// publishing the name.
describe('maskPersonalData: local parts in CJK and other scripts written without spaces', () => {
  it.each(
    cases([
      ['张三@example.com', '[email]'],
      ['王小明@公司.中国', '[email]'],
      ['li.lei+支持@example.cn', '[email]'],
      ['张三.li@example.com', '[email]'],
      ['田中太郎@例え.jp', '[email]'],
      ['たなか@example.jp', '[email]'],
      ['สมชาย@example.co.th', '[email]'],
      // a boundary before the local part: white space, full-width punctuation, brackets
      ['请联系 张三@example.com 处理', '请联系 [email] 处理'],
      ['请联系：张三@example.com，谢谢', '请联系：[email]，谢谢'],
      ['联系人（王小明@公司.中国）', '联系人（[email]）'],
      ['请联系 li.lei+支持@example.cn。', '请联系 [email]。'],
      ['mail 张三＠example.com today', 'mail [email] today'],
      // no boundary: the words before go with the name (a Latin top-level domain still ends at the CJK after it)
      ['请联系张三@example.com处理', '[email]处理'],
      ['发送至zhangsan@example.com或李四@example.com', '发送至[email][email]'],
      // Latin letters straight after CJK text start the local part there (a label before a pinyin address) …
      ['请联系zhang_san@example.com处理', '请联系[email]处理'],
      // … digits straight after CJK letters do not (张三01 is a local part; a label before a QQ number goes with it)
      ['张三01@example.com', '[email]'],
      ['邮箱12345678@qq.com', '[email]'],
    ]),
  )('$input', ({ input, expected }) => expect(maskPersonalData(input)).toBe(expected));

  it('takes at most 64 characters before the at-sign (the longest local part RFC 5321 allows)', () => {
    // 70 + 2 letters in one run: the last 64 go, the first 8 stay
    expect(maskPersonalData(`${'这'.repeat(70)}张三@example.com`)).toBe(`${'这'.repeat(8)}[email]`);
    expect(maskPersonalData(`${'这'.repeat(62)}张三@example.com`)).toBe('[email]');
  });

  // The bound holds for every local part, not only CJK ones: unbounded, each start in a long run of
  // local-part characters was read to its end again (a 16,384-character cell of letters and an
  // at-sign, or of `a%40` repeated, took 0.7–1.9 s to mask; bounded, about 25 ms). What is past 64
  // characters before the at-sign is no part of any address RFC 5321 allows.
  it('takes at most 64 characters of a Latin local part too; the rest of the run stays', () => {
    expect(maskPersonalData(`${'a'.repeat(70)}@example.com`)).toBe(`${'a'.repeat(6)}[email]`);
    expect(maskPersonalData(`${'a'.repeat(64)}@example.com`)).toBe('[email]');
    // 40 × 'b.' + 'jo' is 82 characters: the last 64 go, the first 18 (9 × 'b.') stay.
    expect(maskPersonalData(`x ${'b.'.repeat(40)}jo@example.com`)).toBe(`x ${'b.'.repeat(9)}[email]`);
    // Cells at the field limit (field-limit.ts) with an at-sign and no address: left as they are.
    for (const cell of [`${'a'.repeat(16_383)}@`, `a@${'b.'.repeat(8_191)}`, 'a%40'.repeat(4_096)])
      expect(maskPersonalData(cell)).toBe(cell);
  });

  it('leaves CJK text with an at-sign that is no address', () => {
    for (const text of ['@张三 请看一下', '张三@李四', '问题@v2.0版本', '任务@2026.10', '请@所有人。谢谢', '价格@5.99元'])
      expect(maskPersonalData(text)).toBe(text);
  });
});

describe('maskPersonalData: phone numbers', () => {
  it.each(
    cases([
      // international
      ['+44 20 7946 0958', '[phone]'],
      ['+1-617-555-0123', '[phone]'],
      ['+86 138 0013 8000', '[phone]'],
      ['+8613800138000', '[phone]'],
      ['+1 (617) 555-0123', '[phone]'],
      ['+44 (0)20 7946 0958', '[phone]'],
      ['+49 30 901820', '[phone]'],
      // Leak audit: a lone digit after the country code (French and Australian mobiles) failed the match;
      // spaced, the run rule took it as '+[number]', dotted nothing did.
      ['+33 6 12 34 56 78', '[phone]'],
      ['+33.6.12.34.56.78', '[phone]'],
      ['+61 4 1234 5678', '[phone]'],
      // national
      ['(617) 555-0123', '[phone]'],
      ['617-555-0123', '[phone]'],
      ['617.555.0123', '[phone]'],
      ['617 555 0123', '[phone]'],
      ['1-800-555-0199', '[phone]'],
      ['020 7946 0958', '[phone]'],
      ['(020) 7946 0958', '[phone]'],
      ['010-12345678', '[phone]'],
      ['0755-8888 6666', '[phone]'],
      ['13800138000', '[phone]'],
      ['138 0013 8000', '[phone]'],
      ['138-0013-8000', '[phone]'],
      // Leak audit: dotted national numbers in groups of two or three were published whole (dots join no
      // digit run): France 0X.XX.XX.XX.XX, Switzerland 0XX.XXX.XX.XX, Belgium 0XXX.XX.XX.XX (their plans' forms).
      ['06.12.34.56.78', '[phone]'],
      ['tél. 01.23.45.67.89.', 'tél. [phone].'],
      ['079.123.45.67', '[phone]'],
      ['0471.12.34.56', '[phone]'],
    ]),
  )('$input', ({ input, expected }) => expect(maskPersonalData(input)).toBe(expected));

  it('inside sentences', () => {
    expect(maskPersonalData('Call me on +44 20 7946 0958 or (617) 555-0123, thanks!')).toBe('Call me on [phone] or [phone], thanks!');
    expect(maskPersonalData('Rang 020 7946 0958 3 times, no answer')).toBe('Rang [phone] 3 times, no answer');
    expect(maskPersonalData('tel:+1-617-555-0123.')).toBe('tel:[phone].');
  });

  it('a national number with a slash between area code and number (German, Austrian, Swiss usage)', () => {
    expect(maskPersonalData('tel. 0171/1234567')).toBe('tel. [phone]');
    expect(maskPersonalData('Tel.: 089/12345678, Fax 089 / 1234')).toBe('Tel.: [phone], Fax 089 / 1234');
    expect(maskPersonalData('+49 171/1234567')).toBe('[phone]');
  });

  it('a number glued to letters is an id, not a phone', () => {
    expect(maskPersonalData('ticket INC0012345678 reopened')).toBe('ticket INC[number] reopened');
  });

  it('a "+" number too long for a phone (over 15 digits) is still masked, as a number', () => {
    expect(maskPersonalData('+44 20 7946 0958 2026 1')).toBe('+[number]');
  });
});

describe('maskPersonalData: runs of 8 or more digits', () => {
  it.each(
    cases([
      ['12345678', '[number]'],
      ['card 4111 1111 1111 1111 expired', 'card [number] expired'],
      ['card 4111-1111-1111-1111', 'card [number]'],
      ['account 1234-5678', 'account [number]'],
      ['order 12 34 56 78', 'order [number]'],
      ['order no. 2024110312345678', 'order no. [number]'],
      ['10 000 000', '[number]'],
      // 7 digits are not a run
      ['1234567', '1234567'],
      ['123 4567', '123 4567'],
      // a double space or another separator ends a run
      ['1234  5678', '1234  5678'],
      ['1234/5678', '1234/5678'],
      ['1234.5678', '1234.5678'],
      ['1234, 5678', '1234, 5678'],
    ]),
  )('$input', ({ input, expected }) => expect(maskPersonalData(input)).toBe(expected));

  it('full-width digits count as digits', () => {
    expect(maskPersonalData('号码１２３４５６７８')).toBe('号码[number]');
    expect(maskPersonalData('１３８００１３８０００')).toBe('[phone]');
  });
});

describe('maskPersonalData: ordinary text is untouched', () => {
  it.each([
    'It failed 3 times on P1 tickets since version 2.4',
    'Resolved on 2026-11-03 at 08:15',
    'Resolved 2026-11-03 08:15:00, reopened 2026-11-04T09:30:00+08:00',
    'Between 03-11-2026 and 11-30-2026',
    'Our contract 2019-2026 is up for renewal',
    // Carpentries post-workshop survey (test data set): workshop names with a day range and a year
    'OSU - Sept 19-20 2016',
    'Met Office, Exeter, UK - Nov 24-25 2016',
    'Workshop 3-4 March, 2016',
    'Waited 45 minutes, queue position 12, 99.9% uptime claimed',
    'Call 555-0123 (7 digits, local)',
    'Score 10/10, would recommend!',
    '',
    '   ',
    "Can't log in — SSO loop; tried Chrome 120 & Firefox 121.",
    '很好，谢谢！处理得很快，3天就解决了。',
    '2026年11月3日下午3点提交，11月5日才回复',
  ])('%s', (text) => expect(maskPersonalData(text)).toBe(text));

  // Texts real exports hold that are not personal data (audit, defect 8): dates and times in the forms
  // parse-timestamp.ts reads, versions, ticket ids of ServiceNow (INC + 7 digits), Jira and Zendesk,
  // durations, percentages and amounts. None has a run of 8 digits joined by single spaces or dashes.
  it.each([
    'closed 2026/10/01, reopened 2026/10/03',
    'down from 2026-10-01 10:00 to 2026-10-01 12:30',
    'at 2026-10-01T10:00:00+08:00 and 01/10/2026 10:00',
    'from 09:15:30.250 to 23:59',
    'upgraded to 1.2.3, then 10.0.19045.3570',
    // dotted dates beside the dotted phone rule: too few groups
    'on 01.02.2026 and 01.02.03',
    'duplicate of INC0012345 and RITM0012345, see PROJ-1234 and #4411',
    'CHG0030001 rolled back',
    'took 2h 30m (PT2H30M), 90 min over',
    'uptime 99.95 %, error rate 0.5%',
    'refund of $12,345,678.90 or € 1.234.567,89 or ¥98765',
    'scored 10/10, 4/5, 100/200',
  ])('%s', (text) => expect(maskPersonalData(text)).toBe(text));

  it('a date glued to other digits by a space or dash is part of the run (the spec counts digits across single spaces and dashes)', () => {
    // "2026-11-03 12345678": 8 + 8 digits joined by dashes and one space → one 16-digit run.
    expect(maskPersonalData('2026-11-03 12345678')).toBe('[number]');
    // Found by the property test: a date inside "-11-03 2016-11-03-11-03" (16 digits joined) must not split the run.
    expect(maskPersonalData('-11-03 2016-11-03-11-03')).toBe('-[number]');
    // A word between them separates: the date stays, the short number stays.
    expect(maskPersonalData('ref 12345 on 2026-11-03')).toBe('ref 12345 on 2026-11-03');
    // A clock time after a date is still a date and a time.
    expect(maskPersonalData('on 2026-11-03 08:15 we')).toBe('on 2026-11-03 08:15 we');
  });
});

// Audit defect 10: a post-mortem link lost its page id (`pageId=[number]`). Web addresses keep their
// digits (a page id or path, not a phone number); e-mail addresses in them are still masked.
describe('maskPersonalData: web addresses', () => {
  it.each(
    cases([
      [
        'https://wiki.example.com/pages/viewpage.action?pageId=123456789',
        'https://wiki.example.com/pages/viewpage.action?pageId=123456789',
      ],
      ['see http://status.example.com/incidents/12345678.', 'see http://status.example.com/incidents/12345678.'],
      ['www.example.com/t/2024110312345678 (order)', 'www.example.com/t/2024110312345678 (order)'],
      ['https://crm.example.com/find?q=jo%40example.com&id=12345678', 'https://crm.example.com/find?q=[email]&id=12345678'],
      ['https://wiki.example.com/display/~jo.doe@example.com', 'https://wiki.example.com/display/~[email]'],
      // outside the address, masking goes on as usual
      ['call 07700 900123 or see https://x.example/a/12345678', 'call [phone] or see https://x.example/a/12345678'],
      // an address ends at a character a URI cannot hold: white space, full-width punctuation, CJK
      ['见https://x.example/a，电话13800138000', '见https://x.example/a，电话[phone]'],
      // not web addresses: tel: and mailto: links are masked like text
      ['tel:+44-20-7946-0958', 'tel:[phone]'],
      ['mailto:jo@example.com', 'mailto:[email]'],
    ]),
  )('$input', ({ input, expected }) => expect(maskPersonalData(input)).toBe(expected));
});

describe('maskPersonalData: Chinese text', () => {
  it.each(
    cases([
      ['请联系13800138000', '请联系[phone]'],
      ['请联系13800138000，谢谢', '请联系[phone]，谢谢'],
      ['电话：010-12345678，找王经理', '电话：[phone]，找王经理'],
      ['我的手机号是 138 0013 8000，邮箱zhang.san@example.cn', '我的手机号是 [phone]，邮箱[email]'],
      ['邮箱zhang.san@example.cn谢谢', '邮箱[email]谢谢'],
      ['订单号2024110312345678一直没发货', '订单号[number]一直没发货'],
      ['身份证号11010519491231002X', '身份证号[number]X'],
      ['银行卡 6222 0212 3456 7890 被扣款两次', '银行卡 [number] 被扣款两次'],
      ['请拨打+86 10 6552 9988转客服', '请拨打[phone]转客服'],
      ['2026-11-03 联系了 13800138000 三次', '2026-11-03 联系了 [phone] 三次'],
    ]),
  )('$input', ({ input, expected }) => expect(maskPersonalData(input)).toBe(expected));
});

// Audit of session 27: IPv4 and IPv6 addresses (personal data under the GDPR, CJEU C-582/14 Breyer) were
// published whole in comments, titles, categories and rejected values. Addresses used are the
// documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; RFC 3849: 2001:db8::/32).
describe('maskPersonalData: IP addresses', () => {
  it.each(
    cases([
      ['IP 192.168.100.200 was blocked', 'IP [ip] was blocked'],
      ['from 10.0.0.12 and 192.168.0.10.', 'from [ip] and [ip].'],
      ['login from 203.0.113.7:51234 failed', 'login from [ip]:51234 failed'],
      ['ping to 198.51.100.0/24 fails', 'ping to [ip]/24 fails'],
      ['(client 192.0.2.1)', '(client [ip])'],
      ['IP:192.0.2.1,', 'IP:[ip],'],
      // glued to CJK text, which has no spaces between words
      ['主机192.0.2.1出错', '主机[ip]出错'],
      ['客户端IP：203.0.113.9。', '客户端IP：[ip]。'],
      // in a web address: the address identifies the device there too (the rest of the link stays)
      ['see http://192.0.2.10/status?id=12345678', 'see http://[ip]/status?id=12345678'],
      ['0.0.0.0 and 255.255.255.255', '[ip] and [ip]'],
      // IPv6, RFC 4291 section 2.2 forms
      ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', '[ip]'],
      ['from 2001:db8::7 today', 'from [ip] today'],
      ['fe80::1ff:fe23:4567:890a%eth0', '[ip]%eth0'],
      ['[2001:db8::1]:8080', '[[ip]]:8080'],
      ['::ffff:192.0.2.1', '[ip]'],
      ['2001:db8:0:0:1:0:0:1', '[ip]'],
      ['2001:db8::', '[ip]'],
      // MAC addresses (IEEE 802, six pairs joined by one kind of separator): a device's hardware address
      ['laptop MAC 3C:22:FB:01:AB:9E, please whitelist', 'laptop MAC [mac], please whitelist'],
      ['网卡3c-22-fb-01-ab-9e无法联网', '网卡[mac]无法联网'],
      ['00-11-22-33-44-55', '[mac]'],
      // an address glued to a masked phone number behind a dot: masked on the second pass, still idempotent
      ['192.0.2.1.13800138000', '[ip].[phone]'],
    ]),
  )('$input', ({ input, expected }) => {
    expect(maskPersonalData(input)).toBe(expected);
    expect(maskPersonalData(expected)).toBe(expected);
  });

  // Shapes near an address that are not one: versions, amounts, times, C++ scopes, the loopback.
  it.each([
    'upgraded 1.2.3.4.5 to v10.2.0.1, then V2.0.0.1',
    'build 10.0.19045.3570 on Chrome 120.0.6099.109',
    '256.1.1.1 and 1.2.3.999',
    'ver 1.2.3.4a, rev_1.2.3.4',
    '€ 1.200.100.000 or 1.200.100.000,00 € or EUR 1.200.100.000 or 1.200.100.000 DKK',
    'at 08:15:00.250, 2026-11-03T08:15:00+08:00',
    'std::vector and dead::beef, see ::1 and :: here',
    'host.192.0.2.1',
    // not MAC addresses: mixed separators, seven pairs, a time
    '3C:22-FB:01-AB:9E and 3C:22:FB:01:AB:9E:77 at 08:15:30',
    // found by the property test below: a North American phone shape at the head of a dotted version
    'build 100.100.1000.0',
  ])('%s', (text) => expect(maskPersonalData(text)).toBe(text));

  it('a Swiss phone number in dotted groups is a phone, not an address (an octet has no leading zero)', () => {
    expect(maskPersonalData('079.123.45.67')).toBe('[phone]');
  });
});

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
/** An IPv6 address from eight groups: written in full, with leading zeros dropped, or with one run of groups compressed to `::`. */
const ipv6 = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
    fc.nat(7),
    fc.integer({ min: 0, max: 7 }),
    fc.boolean(),
  )
  .map(([groups, from, length, padded]) => {
    const hex = groups.map((g) => (padded ? g.toString(16).padStart(4, '0') : g.toString(16)));
    if (length < 2) return hex.join(':');
    const to = Math.min(8, from + length);
    return `${hex.slice(0, from).join(':')}::${hex.slice(to).join(':')}`;
  })
  // At least two groups and a digit written: the loopback `::1` and hex words alone are left (isIpv6).
  .filter((a) => a.split(':').filter((g) => g !== '').length >= 2 && /\d/.test(a));
/** What stands around an address in a ticket or comment: spaces, brackets, a port, a prefix, CJK text, a sentence end. */
const before = fc.constantFrom('', 'IP ', 'from ', '(', '主机', '客户端IP：', 'http://', '[', ', ');
const after = fc.constantFrom('', ' failed', ')', '/24', '.', '。', '出错', ']', ', ok');
/** A port follows an IPv4 address as is; an IPv6 address takes one only in brackets (RFC 3986), as `[2001:db8::1]:8080`. */
const port = fc.constantFrom('', ':8080');

const hexPair = fc.integer({ min: 0, max: 255 }).map((b) => b.toString(16).padStart(2, '0'));
const mac = fc
  .tuple(fc.array(hexPair, { minLength: 6, maxLength: 6 }), fc.constantFrom(':', '-'), fc.boolean())
  .map(([pairs, sep, upper]) => (upper ? pairs.join(sep).toUpperCase() : pairs.join(sep)));

describe('maskPersonalData: IP address properties', () => {
  it('masks every generated IPv4 address, whatever stands around it', () => {
    assertProperty(
      fc.property(before, ipv4, port, after, (b, a, p, z) => {
        expect(maskPersonalData(`${b}${a}${p}${z}`)).toBe(`${b}[ip]${p}${z}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks every generated IPv6 address, in full or compressed', () => {
    assertProperty(
      fc.property(before, ipv6, port, after, (b, a, p, z) => {
        expect(maskPersonalData(`${b}[${a}]${p}${z}`)).toBe(`${b}[[ip]]${p}${z}`);
        expect(maskPersonalData(`${b}${a}${z}`)).toBe(`${b}[ip]${z}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks every generated MAC address', () => {
    assertProperty(
      fc.property(before, mac, after, (b, a, z) => {
        expect(maskPersonalData(`${b}${a}${z}`)).toBe(`${b}[mac]${z}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('masks no generated version string, date, clock time or money amount', () => {
    const n = (max: number) => fc.integer({ min: 0, max });
    const version = fc.oneof(
      // glued to a v, or with five or more parts, or one part over 255: a version, never an address
      fc.tuple(fc.constantFrom('v', 'V'), fc.array(n(999), { minLength: 1, maxLength: 5 })).map(([v, p]) => `${v}${p.join('.')}`),
      fc.array(n(300), { minLength: 5, maxLength: 7 }).map((p) => p.join('.')),
      fc.array(n(99), { minLength: 1, maxLength: 3 }).map((p) => p.join('.')),
      // (a last part of 4 digits would make `100.256.1000` a North American phone number written with dots)
      fc.tuple(n(255), n(255), fc.integer({ min: 256, max: 99999 }), n(999)).map((p) => p.join('.')),
    );
    const pad = (x: number) => String(x).padStart(2, '0');
    const day = fc.tuple(fc.integer({ min: 1970, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
    const time = fc
      .tuple(n(23), n(59), n(59), n(999))
      .map(([h, m, s, ms]) => [
        `${pad(h)}:${pad(m)}`,
        `${pad(h)}:${pad(m)}:${pad(s)}`,
        `${pad(h)}:${pad(m)}:${pad(s)}.${String(ms).padStart(3, '0')}`,
      ]);
    const date = fc
      .tuple(day, time, fc.nat(5))
      .map(
        ([[y, mo, d], t, form]) =>
          [
            `${y}-${pad(mo)}-${pad(d)}`,
            `${y}-${pad(mo)}-${pad(d)}T${t[1]}+08:00`,
            `${pad(d)}.${pad(mo)}.${y} ${t[0]}`,
            `${y}/${pad(mo)}/${pad(d)} ${t[2]}`,
            `${pad(d)}/${pad(mo)}/${y}`,
            t[2],
          ][form] as string,
      );
    // Grouped with commas, dots, apostrophes or thin spaces, or ungrouped up to 7 digits (8 are a run by definition).
    const money = fc
      .tuple(fc.integer({ min: 0, max: 9_999_999_999 }), n(99), fc.nat(4), fc.constantFrom('$', '€', '£', '¥', 'EUR ', 'USD ', 'CHF '))
      .map(([whole, cents, form, cur]) => {
        const g = (sep: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const c = pad(cents);
        return [
          `${cur}${g(',')}.${c}`,
          `${g('.')},${c} ${cur.trim()}`,
          `${cur}${g('.')}`,
          `${cur}${g("'")}`,
          `${cur}${String(whole % 10_000_000)}`,
        ][form] as string;
      });
    // Not a lone space: two numbers joined by one make a digit run by definition (`$10000 100.0` has 8 digits).
    const sep = fc.constantFrom(', ', '; ', ' and ', '，');
    const text = fc
      .array(fc.tuple(fc.oneof(version, date, money), sep), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.flat().join(''));
    assertProperty(
      fc.property(text, (t) => {
        expect(maskPersonalData(t)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });
});

// Text made of the characters the rules care about, so the properties meet edge cases often.
const piece = fc.constantFrom(
  '0',
  '1',
  '4',
  '9',
  '13800138000',
  '2026',
  '-11-03',
  ' ',
  '  ',
  '-',
  '+',
  '(',
  ')',
  '.',
  ':',
  '@',
  'a',
  'x.y',
  'com',
  '.org',
  '请',
  '联系',
  '张三',
  '．',
  '，',
  '１',
  'INC',
  '\u00A0',
  '[phone]',
  '19',
  '-20',
  ' 2016',
  '12:30',
  '10.0.0.1',
  '::',
  'fe80',
  '255',
);
const commentLike = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const SIMPLE_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

describe('maskPersonalData: found by the property tests', () => {
  it.each(
    cases([
      // the mobile number is masked first; the "+" number behind it then matches too
      ['13800138000+0-11-03.617', '[phone][phone]'],
      // too many digits for one "+" number; the mobile number is masked, then the shorter "+" number matches
      ['+0555.0200.13800138000', '[phone].[phone]'],
      ['A@..AA.@..Aa', '[email][email]'],
    ]),
  )('$input', ({ input, expected }) => {
    expect(maskPersonalData(input)).toBe(expected);
    expect(maskPersonalData(expected)).toBe(expected);
  });
});

describe('maskPersonalData: properties', () => {
  it('is idempotent', () => {
    assertProperty(
      fc.property(fc.oneof(commentLike, fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        const once = maskPersonalData(text);
        expect(maskPersonalData(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves an e-mail address that a simple regex finds', () => {
    const email = fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9._%+-]{1,12}$/),
        fc.stringMatching(/^[A-Za-z0-9.-]{1,12}$/),
        fc.stringMatching(/^[A-Za-z]{2,6}$/),
      )
      .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
    const text = fc.array(fc.oneof(email, piece), { maxLength: 12 }).map((parts) => parts.join(''));
    assertProperty(
      fc.property(fc.oneof(text, commentLike), (t) => !SIMPLE_EMAIL.test(maskPersonalData(t))),
      { numRuns: 2000 },
    );
  });

  it('masks an internationalised or full-width address whole, between spaces', () => {
    // Parts as RFC 6531 and IDNA allow them: local parts in Latin, Greek or Cyrillic letters and digits
    // (full-width too), any at-sign form, domain labels in Latin, Han or Cyrillic, Latin or other TLDs.
    const local = fc.constantFrom('jo', 'j.o', 'ｊｏ', 'андрей', 'Ελένη', 'jo+tag', 'user12345678', 'ｕ１');
    const at = fc.constantFrom('@', '＠', '﹫', '%40');
    const label = fc.constantFrom('example', '例子', 'пример', 'mail2', 'ｅｘａｍｐｌｅ', 'bücher');
    const tld = fc.constantFrom('com', 'cn', '中国', 'рф', 'ελ', 'ｃｏｍ');
    const dot = fc.constantFrom('.', '．');
    const around = fc.constantFrom('', 'mail ', '请发到 ', 'tel 0171/1234567 ');
    assertProperty(
      fc.property(around, local, at, fc.array(label, { minLength: 1, maxLength: 3 }), dot, tld, (before, l, a, labels, d, t) => {
        const address = `${l}${a}${labels.join(d)}${d}${t}`;
        const masked = maskPersonalData(`${before}${address} thanks`);
        expect(masked.endsWith(' [email] thanks') || masked === '[email] thanks').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('masks a local part written in CJK, Thai or mixed scripts whole, from a boundary or the start of its run', () => {
    const local = fc.constantFrom('张三', '王小明', 'li.lei+支持', '张三.li', '田中太郎', 'たなか', 'สมชาย', '客服01', 'zhang.三');
    const at = fc.constantFrom('@', '＠', '﹫');
    const domain = fc.constantFrom('example.com', '公司.中国', 'example.cn', 'ｅｘａｍｐｌｅ．ｃｏｍ', 'mail2.example.co.jp');
    // what may stand before it: nothing, a boundary, or letters glued to it (then they are masked with it)
    const before = fc.constantFrom('', '请联系 ', '请联系：', '（', '邮箱，', 'mail ');
    const glued = fc.constantFrom('', '请联系', '邮件发给', 'ติดต่อ');
    const after = fc.constantFrom('', ' 谢谢', '，谢谢', '。', ' thanks');
    assertProperty(
      fc.property(before, glued, local, at, domain, after, (b, g, l, a, d, z) => {
        expect(maskPersonalData(`${b}${g}${l}${a}${d}${z}`)).toBe(`${b}[email]${z}`);
      }),
      { numRuns: 500 },
    );
  });

  it('never publishes a CJK name glued to an address, wherever its run starts', () => {
    // names from characters the text around them never uses, so a leak is visible
    const name = fc.string({ unit: fc.constantFrom('张', '三', '李', '四', '王'), minLength: 1, maxLength: 4 });
    const text = fc.string({ unit: fc.constantFrom('请', '联', '系', '处', '理', ' ', '，', 'a', '1'), maxLength: 80 });
    assertProperty(
      fc.property(text, name, fc.constantFrom('@example.com', '＠公司.中国'), (t, n, rest) => {
        const masked = maskPersonalData(`${t}${n}${rest}`);
        expect(masked).toMatch(/\[email\]$/);
        expect(masked).not.toMatch(/[张三李四王]/);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves 8 digits joined by single spaces or dashes outside a date or time', () => {
    // what the masking keeps on purpose: ISO and day-month-year dates, clock times, year and day ranges
    const kept =
      /(?<!\d)(?:(?:19|20)\d\d-\d\d?-\d\d?|\d\d?-\d\d?-(?:19|20)\d\d|\d\d?:\d\d(?::\d\d)?|(?:19|20)\d\d-(?:19|20)\d\d|\d\d?-\d\d?,? (?:19|20)\d\d)(?!\d)/g;
    assertProperty(
      fc.property(commentLike, (t) => {
        const masked = maskPersonalData(t).replace(kept, '#');
        return !/\d(?:[ -]?\d){7}/.test(masked);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves text without digits or @ as it is', () => {
    assertProperty(
      fc.property(
        fc.string().filter((s) => !/[\d@０-９]/.test(s)),
        (t) => maskPersonalData(t) === t,
      ),
    );
  });
});

// Audit item 11b: ids of exported records were published unmasked. An id's digits are the id (a Boston 311
// case number has 12, `CASE_ENQUIRY_ID` in /work/shared/datasets/boston-311-2015), so only e-mail and IP addresses go.
describe('maskIdentifier', () => {
  it.each(
    cases([
      ['101001240746', '101001240746'],
      ['INC0012345678', 'INC0012345678'],
      ['T-1 jo@example.com', 'T-1 [email]'],
      ['jo＠example.com', '[email]'],
      ['host 192.0.2.1 down', 'host [ip] down'],
      ['', ''],
    ]),
  )('$input', ({ input, expected }) => expect(maskIdentifier(input)).toBe(expected));

  it('masks what maskPersonalData masks as an e-mail or IP address, and nothing else', () => {
    assertProperty(
      fc.property(fc.oneof(commentLike, fc.string()), (t) => {
        const id = maskIdentifier(t);
        expect(maskPersonalData(id)).toBe(maskPersonalData(t));
        expect(id.includes('[phone]') || id.includes('[number]')).toBe(t.includes('[phone]') || t.includes('[number]'));
        expect(id.includes('[ip]')).toBe(maskPersonalData(t).includes('[ip]') || t.includes('[ip]'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('maskPersonalDataMemo', () => {
  it('gives what maskPersonalData gives', () => {
    const mask = maskPersonalDataMemo();
    for (const t of ['Call +44 20 7946 0958', 'Access', 'Call +44 20 7946 0958']) expect(mask(t)).toBe(maskPersonalData(t));
  });
});
