/**
 * Masking of identity and account numbers, Cisco MACs, addresses and phone numbers in other digits,
 * versions, and export file names (the audit after session 27; README "Personal data"). Numbers
 * used: HMRC's NINO rules (National Insurance Manual NIM39110), the Receita Federal's CPF and CNPJ
 * check digits, the BSN 11-test, ISO 13616's IBAN check (the examples are the standard's and the
 * banks' published specimens: GB29 NWBK 6016 1331 9268 19, DE89 3704 0044 0532 0130 00), and
 * the documentation address ranges (RFC 5737).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/util/folded-text.ts';
import { isBsn, isIban, maskIdentityNumbersGated } from '../../src/lib/util/mask-identity-numbers.ts';
import { maskFileName, maskIdentifier, maskPersonalData } from '../../src/lib/util/mask-personal-data.ts';
import { assertProperty } from '../helpers/property.ts';

const cases = (rows: Array<[string, string]>) => rows.map(([input, expected]) => ({ input, expected }));
const masksTo = ({ input, expected }: { input: string; expected: string }) => {
  expect(maskPersonalData(input)).toBe(expected);
  expect(maskPersonalData(expected)).toBe(expected);
};

describe('maskPersonalData: national identifiers with their punctuation → [id]', () => {
  it.each(
    cases([
      // UK National Insurance numbers: compact, in pairs, lower case
      ['NI number AB 12 34 56 C, thanks', 'NI number [id], thanks'],
      ['NINO: AB123456C.', 'NINO: [id].'],
      ['ni ab123456d', 'ni [id]'],
      ['国民保险号JT 12 34 56 A', '国民保险号[id]'],
      // Brazilian CPF (123.456.789-09: check digits 0 and 9 by the Receita Federal's rule) and CNPJ
      ['CPF 123.456.789-09 cadastrado', 'CPF [id] cadastrado'],
      ['CNPJ: 12.345.678/0001-95', 'CNPJ: [id]'],
      // Dutch BSN: the 4-2-3 form, and the 3-3-3 form when it passes the 11-test (9·1+8·2+…+2·8 − 2 = 154 = 14·11)
      ['BSN 1234.56.789', 'BSN [id]'],
      ['burgerservicenummer 123.456.782', 'burgerservicenummer [id]'],
      // passport numbers after a word that says so
      ['passport no. 123456789', 'passport no. [id]'],
      ['Passport Number: X1234567 expired', 'Passport Number: [id] expired'],
      ['护照号码：E12345678', '护照号码：[id]'],
      ['护照E12345678已过期', '护照[id]已过期'],
      ['Reisepass C01X00T47', 'Reisepass [id]'],
      ['Reisepass-Nr. C01X00T47', 'Reisepass-Nr. [id]'],
    ]),
  )('$input', masksTo);

  it.each([
    // HMRC never issues these prefixes or letters: its specimen QQ, D/F/I/Q/U/V, O second, BG GB KN NK NT TN ZZ; suffix A–D only
    'specimen QQ 12 34 56 C',
    'DA123456A FA123456A AO123456A GB123456A ZZ123456A TN123456A',
    'AB123456E and AB12345C and XAB123456C',
    // 123.456.789 fails the 11-test (156 − 9 = 147): a grouped number
    '123.456.789 visitors',
    // amounts in European grouping beside a currency or with a decimal comma
    '€ 123.456.782 and 123.456.782,00 and 123.456.782 EUR',
    // codes with no passport word before them, and passport words with no number
    'code X1234567, ref AB1234567, PROJ1234, INC0012345',
    'passport renewal requested, passport expired 2026-10-01',
  ])('%s', (text) => expect(maskPersonalData(text)).toBe(text));

  it('a bare 11-digit CPF is a run of digits, masked by the run rule', () => {
    expect(maskPersonalData('CPF 12345678909')).toBe('CPF [number]');
  });
});

describe('maskPersonalData: IBANs → [iban], checked with ISO 13616 mod 97', () => {
  it.each(
    cases([
      // leak audit: its letters were kept (`GB29 NWBK [number]`)
      ['IBAN GB29 NWBK 6016 1331 9268 19, BIC NWBKGB2L', 'IBAN [iban], BIC NWBKGB2L'],
      ['GB29NWBK60161331926819', '[iban]'],
      ['pay DE89 3704 0044 0532 0130 00.', 'pay [iban].'],
      ['gb29nwbk60161331926819', '[iban]'],
      // a word after the IBAN is no part of it
      ['GB29 NWBK 6016 1331 9268 19 SENT', '[iban] SENT'],
      ['账户GB29NWBK60161331926819已冻结', '账户[iban]已冻结'],
    ]),
  )('$input', masksTo);

  it('a wrong check leaves the IBAN rule out; the digit-run rule still takes the digits', () => {
    expect(maskPersonalData('GB29 NWBK 6016 1331 9268 18')).toBe('GB29 NWBK [number]');
    expect(isIban('GB29NWBK60161331926819')).toBe(true);
    expect(isIban('GB29NWBK60161331926818')).toBe(false);
  });
});

describe('maskPersonalData: MAC addresses as Cisco writes them, and addresses after a label', () => {
  it.each(
    cases([
      ['switch port 0011.2233.4455 flapping', 'switch port [mac] flapping'],
      ['mac aabb.ccdd.eeff', 'mac [mac]'],
      // leak audit: a label's colon glued to the address kept it whole
      ['MAC:3C:22:FB:01:AB:9E', 'MAC:[mac]'],
      ['IP:2001:db8::1', 'IP:[ip]'],
    ]),
  )('$input', masksTo);
});

describe('maskPersonalData: addresses and phone numbers in full-width or other-script digits', () => {
  it.each(
    cases([
      ['主机１９２．１６８．０．１无法访问', '主机[ip]无法访问'],
      ['IP：２０３．０．１１３．７', 'IP：[ip]'],
      ['电话：１３８－００１３－８０００，谢谢', '电话：[phone]，谢谢'],
      ['＋４４ ２０ ７９４６ ０９５８', '[phone]'],
      // Arabic-Indic and Devanagari digits (Unicode Nd): read by their value
      ['هاتف ٠٢٠ ٧٩٤٦ ٠٩٥٨', 'هاتف [phone]'],
      ['फ़ोन +९१ ९८७६५ ४३२१०', 'फ़ोन [phone]'],
      // mathematical digits (two UTF-16 units each)
      ['𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎 called', '[phone] called'],
      // what is kept stays as written: the full-width comma and colon, the CJK around it
      ['ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ，１９２．０．２．１', '[email]，[ip]'],
    ]),
  )('$input', masksTo);

  it.each(['版本１．２．３', '第３条，共１２项', '①②③④⑤⑥⑦⑧⑨ and x² + y²'])('%s is untouched', (text) =>
    expect(maskPersonalData(text)).toBe(text),
  );
});

describe('maskPersonalData: a four-part version after a version word is no address', () => {
  it.each([
    'version 4.2.1.0',
    'v4.2.1.0',
    'v 4.2.1.0',
    'build 4.2.1.0',
    'firmware 10.1.0.3',
    'Firmware: 10.1.0.3',
    '版本 4.2.1.0',
    '版本号：4.2.1.0',
    'upgraded to Version 4.2.1.0 today',
  ])('%s', (text) => expect(maskPersonalData(text)).toBe(text));

  it.each(
    cases([
      ['server 10.1.0.3', 'server [ip]'],
      ['from 10.247.28.103', 'from [ip]'],
      ['conversion 10.1.0.3', 'conversion [ip]'],
      ['version 4.2.1.0 on host 10.1.0.3', 'version 4.2.1.0 on host [ip]'],
    ]),
  )('$input', masksTo);
});

describe('maskIdentifier and maskFileName', () => {
  it.each(
    cases([
      ['INC0012345', 'INC0012345'],
      ['101001240746', '101001240746'],
      ['T-1 GB29NWBK60161331926819', 'T-1 [iban]'],
      ['T-1 AB123456C', 'T-1 [id]'],
      ['T-1 0011.2233.4455', 'T-1 [mac]'],
    ]),
  )('maskIdentifier $input', ({ input, expected }) => expect(maskIdentifier(input)).toBe(expected));

  it.each(
    cases([
      ['data/tickets/tickets-jane.doe@example.com.csv', 'data/tickets/[email].csv'],
      ['data/surveys/from-192.0.2.1.csv.gz', 'data/surveys/from-[ip].csv.gz'],
      ['exports/AB123456C.parquet', 'exports/[id].parquet'],
      // an export's date and number trace it and are kept
      ['data/tickets/export-2026-10-01-1234567.csv', 'data/tickets/export-2026-10-01-1234567.csv'],
      ['data/checks/checks-2026-10.csv.gz', 'data/checks/checks-2026-10.csv.gz'],
      ['rollups/*.parquet (3 files)', 'rollups/*.parquet (3 files)'],
    ]),
  )('maskFileName $input', ({ input, expected }) => expect(maskFileName(input)).toBe(expected));
});

// Generators of possible identifiers only: check digits computed by each scheme's rule.
const digit = fc.integer({ min: 0, max: 9 });
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n });
const ninoPrefix = fc
  .tuple(fc.constantFrom(...'ABCEGHJKLMNOPRSTWXYZ'), fc.constantFrom(...'ABCEGHJKLMNPRSTWXYZ'))
  .map(([a, b]) => a + b)
  .filter((p) => !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p));
const nino = fc
  .tuple(ninoPrefix, digits(6), fc.constantFrom('A', 'B', 'C', 'D'), fc.boolean(), fc.boolean())
  .map(([p, d, s, spaced, lower]) => {
    const n = spaced ? `${p} ${d.slice(0, 2).join('')} ${d.slice(2, 4).join('')} ${d.slice(4).join('')} ${s}` : `${p}${d.join('')}${s}`;
    return lower ? n.toLowerCase() : n;
  });
/** The Receita Federal's mod-11 check digit over weights starting at `top`. */
const mod11 = (d: number[], top: number) => {
  const r = d.reduce((s, x, k) => s + x * (top - k), 0) % 11;
  return r < 2 ? 0 : 11 - r;
};
const cpf = digits(9).map((d) => {
  const a = mod11(d, 10);
  const b = mod11([...d, a], 11);
  const s = d.join('');
  return `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6)}-${a}${b}`;
});
const cnpjCheck = (d: number[]) => {
  const w = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2].slice(13 - d.length);
  const r = d.reduce((s, x, k) => s + x * (w[k] as number), 0) % 11;
  return r < 2 ? 0 : 11 - r;
};
const cnpj = fc.tuple(digits(8), fc.integer({ min: 1, max: 9999 })).map(([d, branch]) => {
  const body = [...d, ...String(branch).padStart(4, '0').split('').map(Number)];
  const a = cnpjCheck(body);
  const b = cnpjCheck([...body, a]);
  const s = body.join('');
  return `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}/${s.slice(8)}-${a}${b}`;
});
const bsn = fc
  .tuple(digits(8), fc.boolean())
  .map(([d, own]) => {
    const last = d.reduce((s, x, k) => s + x * (9 - k), 0) % 11;
    const s = `${d.join('')}${last}`;
    return { s, ok: last <= 9 && !/^0+$/.test(s), own };
  })
  .filter((b) => b.ok)
  .map(({ s, own }) => (own ? `${s.slice(0, 4)}.${s.slice(4, 6)}.${s.slice(6)}` : `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6)}`));
/** Countries and their BBAN shapes (SWIFT IBAN registry): letters of a bank code, then digits. */
const IBAN_SHAPES: Array<[string, number, number]> = [
  ['GB', 4, 14],
  ['DE', 0, 18],
  ['NL', 4, 10],
  ['FR', 0, 23],
  ['NO', 0, 11],
  ['ES', 0, 20],
  ['IT', 1, 22],
  ['CH', 0, 17],
];
const mod97 = (s: string) =>
  [...s].reduce((r, c) => {
    const v = Number.parseInt(c, 36);
    return (v < 10 ? r * 10 + v : r * 100 + v) % 97;
  }, 0);
const iban = fc
  .tuple(
    fc.constantFrom(...IBAN_SHAPES),
    fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 4, maxLength: 4 }),
    digits(23),
    fc.boolean(),
  )
  .map(([[cc, letters, n], l, d, spaced]) => {
    const bban = l.slice(0, letters).join('') + d.slice(0, n).join('');
    const check = String(98 - mod97(`${bban}${cc}00`)).padStart(2, '0');
    const compact = `${cc}${check}${bban}`;
    return spaced ? (compact.match(/.{1,4}/g) as string[]).join(' ') : compact;
  });
const passport = fc
  .tuple(
    fc.constantFrom('passport ', 'Passport no. ', 'passport number: ', 'PASSPORT # ', '护照', '护照号码：', 'Reisepass ', 'passeport '),
    fc.constantFrom('', 'E', 'G', 'C0', 'X'),
    fc.integer({ min: 10_000, max: 99_999_999 }),
  )
  .map(([word, head, n]) => ({ word, number: `${head}${n}`.slice(0, 9) }))
  .filter(({ number }) => number.length >= 6);
const hex4 = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16).padStart(4, '0'));
const ciscoMac = fc.tuple(hex4, hex4, hex4, fc.boolean()).map(([a, b, c, up]) => {
  const m = `${a}.${b}.${c}`;
  return up ? m.toUpperCase() : m;
});
/** Digits of other scripts, by their zero: full-width, Arabic-Indic, Devanagari, Thai, mathematical bold. */
const ZEROS = [0xff10, 0x0660, 0x0966, 0x0e50, 0x1d7ce];
const inScript = (text: string, zero: number, wideDots: boolean) =>
  text.replace(/\d/g, (c) => String.fromCodePoint(zero + Number(c))).replace(/\./g, wideDots ? '．' : '.');
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([b, d]) => `1${b}${d.join('')}`);
const before = fc.constantFrom('', 'see ', '(', '号码', '：', 'ref: ', ', ');
const after = fc.constantFrom('', ' ok', ')', '.', '。', '已处理', ', thanks');

describe('properties: every generated identifier is masked, whatever stands around it', () => {
  it('National Insurance numbers, CPF, CNPJ and BSN → [id]', () => {
    assertProperty(
      fc.property(before, fc.oneof(nino, cpf, cnpj, bsn), after, (b, id, z) => {
        expect(maskPersonalData(`${b}${id}${z}`)).toBe(`${b}[id]${z}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('IBANs → [iban], with and without spaces', () => {
    assertProperty(
      fc.property(before, iban, after, (b, i, z) => {
        expect(isIban(i.replaceAll(' ', ''))).toBe(true);
        expect(maskPersonalData(`${b}${i}${z}`)).toBe(`${b}[iban]${z}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('passport numbers after a passport word → [id], the word kept', () => {
    assertProperty(
      fc.property(passport, after, ({ word, number }, z) => {
        expect(maskPersonalData(`${word}${number}${z}`)).toBe(`${word}[id]${z}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('Cisco MACs → [mac]', () => {
    assertProperty(
      fc.property(before, ciscoMac, after, (b, m, z) => {
        expect(maskPersonalData(`${b}${m}${z}`)).toBe(`${b}[mac]${z}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('IPv4 addresses and mobile numbers in other scripts’ digits → [ip], [phone], the text around kept as written', () => {
    assertProperty(
      fc.property(before, fc.oneof(ipv4, mobile), fc.constantFrom(...ZEROS), fc.boolean(), after, (b, x, zero, wide, z) => {
        const token = x.includes('.') ? '[ip]' : '[phone]';
        expect(maskPersonalData(`${b}${inScript(x, zero, wide)}${z}`)).toBe(`${b}${token}${z}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('properties: nothing that is not personal data is masked', () => {
  it('versions after a version word, dates, times, amounts, ticket keys and common codes', () => {
    const n = (max: number) => fc.integer({ min: 0, max });
    const pad = (x: number, w = 2) => String(x).padStart(w, '0');
    const version = fc
      .tuple(
        fc.constantFrom('version ', 'Version: ', 'v', 'v ', 'build ', 'firmware ', 'FW ', 'release ', '版本 ', '版本号：', '固件'),
        octet,
        octet,
        octet,
        octet,
      )
      .map(([w, ...p]) => `${w}${p.join('.')}`);
    const date = fc
      .tuple(fc.integer({ min: 1970, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), n(23), n(59), n(59))
      .chain(([y, mo, d, h, mi, s]) =>
        fc.constantFrom(
          `${y}-${pad(mo)}-${pad(d)}`,
          `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`,
          `${pad(d)}.${pad(mo)}.${y}`,
          `${y}/${pad(mo)}/${pad(d)} ${pad(h)}:${pad(mi)}`,
          `${y}年${mo}月${d}日`,
        ),
      );
    const money = fc
      .tuple(n(9_999_999), n(99), fc.constantFrom('$', '€', '£', 'USD ', 'CHF '))
      .map(([w, c, cur]) => `${cur}${String(w).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pad(c)}`);
    const key = fc.tuple(fc.constantFrom('INC', 'RITM', 'CHG', 'PRB', 'REQ', 'TASK'), n(9_999_999)).map(([p, k]) => `${p}${pad(k, 7)}`);
    const code = fc.oneof(
      fc.tuple(fc.constantFrom('PROJ', 'OPS', 'SD', 'HR'), fc.integer({ min: 1, max: 99_999 })).map(([p, k]) => `${p}-${k}`),
      fc.constantFrom(
        'ISO 9001',
        'ISO 27001',
        'HTTP 503',
        'P1',
        'Sev2',
        'E404',
        'AB12',
        'NWBKGB2L',
        'UTF-8',
        'RFC 5737',
        'SHA-256',
        'A4',
        'COVID-19',
      ),
      fc.tuple(fc.constantFrom('AB', 'XY', 'GB'), fc.integer({ min: 10, max: 99 })).map(([p, k]) => `${p}${k}`),
    );
    const sep = fc.constantFrom(', ', '; ', ' and ', '，');
    const text = fc
      .array(fc.tuple(fc.oneof(version, date, money, key, code), sep), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.flat().join(''));
    assertProperty(
      fc.property(text, (t) => {
        expect(maskPersonalData(t)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('the BSN 11-test agrees with its definition', () => {
    expect(isBsn('123456782')).toBe(true);
    expect(isBsn('123456789')).toBe(false);
    expect(isBsn('000000000')).toBe(false);
  });
});

describe('the gates: a pattern skipped where its gate does not match changes nothing', () => {
  it('gated and ungated give the same text, for every identifier form, the words around them and noise', () => {
    // The gates are a fast path (mask-identity-numbers.ts GATES); the ungated run is the rule itself.
    const noise = fc.stringMatching(/^[A-Za-z0-9 .\-/:#护照号码pasPAS]{0,24}$/);
    const piece = fc.oneof(
      nino,
      cpf,
      cnpj,
      bsn,
      iban,
      passport.map(({ word, number }) => `${word}${number}`),
      ciscoMac,
      fc.constantFrom('INC0012345', 'T-1001', 'AB12', 'pass 12', 'v4.2.1.0', '€ 123.456.782', '123.456.782,00'),
      noise,
    );
    assertProperty(
      fc.property(fc.array(piece, { maxLength: 4 }), fc.constantFrom(' ', '', ', ', '：'), (pieces, sep) => {
        const text = pieces.join(sep);
        expect(maskIdentityNumbersGated(fold(text), true).text).toBe(maskIdentityNumbersGated(fold(text), false).text);
      }),
      { numRuns: 3000 },
    );
  });
});
