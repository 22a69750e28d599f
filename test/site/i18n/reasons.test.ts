/**
 * Issue #16: every reason shape the ingest writes reads in Chinese on a Chinese data-quality page.
 * The timestamp reasons come from parseTimestamp itself; the others are copied from the ingest's
 * source (row-mappers.ts, csv-stream.ts, rollup-rows.ts, duckdb-sources.ts, presets.ts), one example per
 * shape; a test reads those sources and fails on a reason text without an example.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/lib/config/presets.ts';
import { reasonClass } from '../../../src/lib/ingest/file-account.ts';
import { localizeReason, REASON_RULES, reasonParts } from '../../../src/lib/site/i18n/reasons.ts';
import { parseTimestamp, type TimestampOptions } from '../../../src/lib/time/parse-timestamp.ts';
import { reasonText } from '../../../src/lib/util/reason.ts';

const LONDON: TimestampOptions = { timeZone: 'Europe/London', dateOrder: 'ymd', ambiguous: 'reject', epochUnit: 'auto' };
const whyReason = (text: string, opts: Partial<TimestampOptions> = {}) => {
  const r = parseTimestamp(text, { ...LONDON, ...opts });
  if (r.ok) throw new Error(`${text} parsed`);
  return r.reason;
};
const why = (text: string, opts: Partial<TimestampOptions> = {}) => reasonText(whyReason(text, opts));

const TIMESTAMP_REASONS = [
  whyReason('31/02/2026'),
  whyReason('31/02/2026 08:15', { dateOrder: 'dmy' }),
  whyReason('2026-02-30 10:00'),
  whyReason('2026-13-01 10:00'),
  whyReason('2026-10-01 24:00'),
  whyReason('2026-10-01 25:00'),
  whyReason('2026-10-01 10:61'),
  whyReason('2026-10-01 10:00:61'),
  whyReason('2500-01-01 10:00'),
  whyReason('2026-03-29 01:30'),
  whyReason('2026-10-25 01:30'),
  whyReason('17621577001'),
  whyReason('45000'),
  whyReason('1762157700.5'),
  whyReason('99999999999', { epochUnit: 's' }),
  whyReason('2026-10-01 13:00 PM'),
  whyReason('2026-10-01T10:00:00+25:00'),
  whyReason(''),
];
const TIMESTAMPS = TIMESTAMP_REASONS.map((r) => reasonText(r));

const OTHERS = [
  'expected 7 fields like the header, got 5',
  'expected a number, got "x"',
  'expected a number, got "Very satisfied"; map score words under values.csat',
  'expected a value from 1 to 5, got 9',
  'expected a value from 1 to 5, got "Great" (mapped to 9)',
  'expected a whole number from 0 to 10, got 3.5',
  'expected a whole number from 0 to 10, got "Fairly likely" (mapped to 7.5)',
  'expected minutes after creation (0 or more), got "-3"',
  'expected yes/no or a count, got "maybe"',
  'unknown service "Billing" (not a configured id, alias or name)',
  'unknown service "Web Portal" reads like the configured id "web-portal": add "Web Portal" to its aliases',
  'service "reporting" is configured but not monitored: it has no target and latencyThresholdMs; give it both to take its checks',
  'service "BI reports" (id "reporting") is configured but not monitored: it has no target and latencyThresholdMs; give it both to take its checks',
  'unknown priority "P9"; add it to a level\'s words',
  'unknown incident level "S9"; add it to an incident level\'s words',
  'unknown status "gone"; map it under values.status in the source config',
  'unknown on-time verdict "late-ish"; map it under values.sourceOnTime to true or false',
  'status "Closed" means resolved, but the resolved time is empty',
  'resolved after the export was taken (asOf 2026-10-20 00:00)',
  'actual start after the export was taken (asOf 2026-11-01T00:00:00+08:00)',
  'first response is before the ticket was created',
  'resolved before the ticket was created',
  'detected before the incident started',
  'acknowledged before the incident started',
  'acknowledged before the incident was detected',
  'restored before the incident started',
  'unknown change type "Major"; map it under values.type to normal, standard or emergency',
  'unknown change outcome "Partly"; map it under values.outcome to successful, failed or rolled-back',
  'planned end before the planned start',
  'actual end without an actual start',
  'actual end before the actual start',
  'neither a planned nor an actual start',
  'required change id is empty',
  'required change type is empty',
  'no score: csat, nps and ces are all empty',
  'required ticket id is empty',
  'holds a byte-order mark (U+FEFF) inside the file: two exports joined, or a stray mark',
  "holds bytes that are not valid UTF-8 (Caf\\xE9); check the file's encoding",
  "holds bytes that are not valid GB18030 (decoded as U+FFFD); check the file's encoding",
  'holds bytes that are not valid UTF-8',
  'has a quote inside an unquoted field (quote the whole field and double the quote)',
  'has text after the closing quote of a field',
  'has a quote opened at line 12 that is never closed: this line and every line after it are rejected',
  'lies inside the quote opened at line 12 that is never closed',
  'expected a date like 2026-10-31, got "31/10/2026"',
  'expected a whole number of 0 or more, got "-1"',
  'expected "index:count" pairs separated by spaces, got "3;4"',
  'expected probe names separated by |, got "a||b"',
  'unsupported rollup format version "9"; this tool reads version 1',
  'unknown service "billing" (rollups name services by their id: api, web)',
  '2026-10-25 is 24 h long in UTC, the review zone, not 25 h: were the rollups cut in another zone?',
  "up + down + no data + maintenance is 23 h, not the day's 24 h",
  'degraded time 3.5 h exceeds up time 2 h',
  'first and last check times are empty exactly when checks is 0',
  'not within 2026-10-01 in Europe/London',
  'not within 2026-10-01 after the first check',
  "latency population 300 exceeds the day's 288 checks",
  'fast checks 290 exceed the latency population 288',
  'expected bucket indices in ascending order, each once, with counts above 0',
  'the zeros (3) and the buckets (280) add up to 283, not 288',
  'outage 2 is not a run within 2026-10-01 after the one before it',
  'the outages add up to 1.5 h, not down_ms 2 h',
  'maintenance heartbeat (status 3): it is neither up nor down; declare the window under maintenance in the config',
  'left out by the DuckDB recipe, which reads a word or number of this row otherwise than the review does (docs/rollups.md)',
];

// Words a Chinese reason keeps: config keys and values written as in the config, units, encodings.
const KEPT = new Set(
  'asOf target latencyThresholdMs DuckDB docs rollups md Very satisfied Great Fairly likely reporting BI reports dateOrder dmy mdy epochUnit excel serial ambiguous earlier later values status sourceOnTime true false words aliases csat nps ces UTC AM PM FEFF UTF GB18030 FFFD Caf xE9 down_ms maintenance index count startMs endMs Europe London Billing Web Portal web portal billing api gone Closed late ish maybe Major Partly type outcome normal standard emergency successful failed rolled back'.split(
    ' ',
  ),
);

describe('data-quality reasons in Chinese: every shape the ingest writes', () => {
  const all = [...TIMESTAMPS, ...OTHERS];

  // A reason's class as the row account makes it (reasonClass); the hand-copied reasons are strings, their quoted parts taken for values.
  const classes = new Map([
    ...TIMESTAMP_REASONS.map((r) => [reasonText(r), reasonClass(r)] as const),
    ...OTHERS.map((r) => [r, r.replace(/"[^"]*"/g, '"…"')] as const),
  ]);

  it('each reason, and its class with the values as "…", reads in Chinese with the values kept, in Chinese quotes', () => {
    for (const reason of all)
      for (const r of [reason, classes.get(reason) as string, `created: ${reason}`]) {
        const zh = localizeReason(r, 'zh-CN');
        expect(zh, r).not.toBe(r);
        expect(/[\u4e00-\u9fff]/.test(zh), r).toBe(true);
        // The field name before "：" is the export's column, as written.
        const english = (zh.replace(/^\w+：/, '').match(/[A-Za-z][A-Za-z0-9_]+/g) ?? []).filter(
          (w) => !KEPT.has(w) && !/^[A-Za-z]\d+$/.test(w),
        );
        expect(english, `${r} → ${zh}`).toEqual([]);
        for (const quoted of r.match(/"[^"]*"/g) ?? []) expect(zh, r).toContain(`“${quoted.slice(1, -1)}”`);
        // No example's value holds a straight quote, so none is left in its Chinese.
        expect(zh, r).not.toContain('"');
      }
  });

  it('every rule is one some reason reads through (no rule for a shape that does not exist)', () => {
    const unused = REASON_RULES.filter(([re]) => !all.some((r) => re.test(r.replace(/^\w+: /, ''))));
    expect(unused.map(([re]) => re.source)).toEqual([]);
  });

  // The list above is copied by hand, so a reason ingest starts writing could be missing from it
  // (the real exports' audit found three: a score label's hint, "(mapped to …)", the DuckDB recipe's
  // rows). Every reason text written in the ingest's source must have an example above.
  it('every reason the ingest source writes has an example above', () => {
    const templates = INGEST_FILES.flatMap((file) =>
      reasonTemplates(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')).map((t) => `${file}: ${t}`),
    );
    const presetWords = Object.values(PRESETS).flatMap((p) => Object.values(p.rejectWords ?? {}).flatMap((w) => Object.values(w)));
    expect(templates.length).toBeGreaterThan(40);
    const missing = [...templates, ...presetWords].filter((t) => {
      const re = templatePattern(t.replace(/^[\w/.-]+\.ts: /, ''));
      return !all.some((r) => re.test(r));
    });
    expect(missing).toEqual([]);
  });

  it('the template reader finds what it should (and a missing example would be caught)', () => {
    // Source text written with § for $, so it is not read as a placeholder here.
    const $ = (s: string) => s.replaceAll('§', '$');
    const template = $('expected a number, got §{quoted(v)}; map score words under values.§{field}');
    const src = `x(reason\`${template}\`); y(words('the value is empty')); setFault('has text')`;
    expect(reasonTemplates(src)).toEqual([template, 'the value is empty', 'has text']);
    const re = templatePattern(template);
    expect(re.test('expected a number, got "Very satisfied"; map score words under values.csat')).toBe(true);
    expect(re.test('expected a number, got "x"')).toBe(false);
  });

  // Chinese quotes values as the dictionary does (重复问题“…”), full-width: no space on either side
  // (docs/i18n.md, "Chinese typography"), whether the value is Latin or Chinese.
  it.each(['Payments', '支付', '…'])(
    'quotes every value as “%s” with no space beside the quotes, keeping the spacing convention',
    (value) => {
      const HAN = '\\p{Script=Han}';
      const rules: Array<[string, RegExp]> = [
        ['a straight quote', /"/u],
        ['a space after full-width punctuation', /[，。：；、（）“”][ ]/u],
        ['a space before full-width punctuation', /[ ][，。：；、（）“”]/u],
        ['Chinese right before a Latin letter or digit', new RegExp(`(?![年月])${HAN}[A-Za-z0-9(]|[年月][A-Za-z(]`, 'u')],
        ['a Latin letter or digit right before Chinese', new RegExp(`[A-Za-z)%]${HAN}|[0-9](?![年月日])${HAN}`, 'u')],
      ];
      const broken = all.flatMap((reason) => {
        // The values, not the rollup format's notation the tool's words quote ("index:count" pairs).
        const values = reason.replace(/"[^"]*"/g, (q) => (q === '"index:count"' || q === '"startMs/endMs"' ? q : `"${value}"`));
        const zh = localizeReason(values, 'zh-CN');
        return rules.filter(([, re]) => re.test(zh)).map(([rule]) => `${rule}: ${zh}`);
      });
      expect(broken).toEqual([]);
    },
  );

  it('leaves an English reason as ingest wrote it, its values in straight quotes', () => {
    for (const reason of all) expect(localizeReason(reason, 'en')).toBe(reason);
  });

  it('hand-checked quoting: the value kept whole, a quote inside it too', () => {
    // The rules' own words (reasons.ts), with the values in “”: no space beside a quote, one beside a Latin word.
    expect(
      localizeReason('unknown service "Web Portal" reads like the configured id "web-portal": add "Web Portal" to its aliases', 'zh-CN'),
    ).toBe('未知服务“Web Portal”看起来像已配置的编号“web-portal”：请将“Web Portal”加入其 aliases');
    expect(localizeReason('expected a number, got "a"b"', 'zh-CN')).toBe('应为数字，实际为“a"b”');
    expect(localizeReason('expected "index:count" pairs separated by spaces, got "3;4"', 'zh-CN')).toBe(
      '应为以空格分隔的“index:count”数对，实际为“3;4”',
    );
    expect(localizeReason('expected 7 fields like the header, got 5', 'zh-CN')).toBe('应与表头一样有 7 个字段，实际为 5 个');
  });

  it('hand-checked examples', () => {
    expect(localizeReason(why('2026-02-30 10:00'), 'zh-CN')).toBe('“2026-02-30 10:00”不是真实的日期：2026年2月只有 28 天');
    expect(localizeReason(why('31/02/2026'), 'zh-CN')).toBe(
      '应为类似 2026-11-03 08:15 的日期，实际为“31/02/2026”；日在前或月在前的日期请设置 dateOrder: dmy 或 mdy',
    );
    expect(
      localizeReason(
        'timeMs: "…" does not exist in Europe/London (clocks go forward); set ambiguous: earlier or later to read it',
        'zh-CN',
      ),
    ).toBe('timeMs：“…”在 Europe/London 不存在（时钟拨快）；如需读取，请设置 ambiguous: earlier 或 later');
    expect(localizeReason('required ticket id is empty', 'zh-CN')).toBe('必填的工单编号为空');
    expect(localizeReason('resolvedMs: resolved before the ticket was created', 'zh-CN')).toBe('resolvedMs：解决时间早于工单新建时间');
  });

  it('hand-checked examples of the shapes the real exports audit found untranslated', () => {
    expect(localizeReason('expected a number, got "Very satisfied"; map score words under values.csat', 'zh-CN')).toBe(
      '应为数字，实际为“Very satisfied”；请在 values.csat 下映射评分用词',
    );
    expect(localizeReason('csat: expected a value from 1 to 5, got "Great" (mapped to 9)', 'zh-CN')).toBe(
      'csat：应为 1 到 5 之间的值，实际为“Great”（映射为 9）',
    );
    expect(localizeReason('expected a value from 1 to 5, got 9', 'zh-CN')).toBe('应为 1 到 5 之间的值，实际为 9');
    expect(
      reasonParts(
        'left out by the DuckDB recipe, which reads a word or number of this row otherwise than the review does (docs/rollups.md)',
        'zh-CN',
      ),
    ).toEqual([
      { text: '被 DuckDB 配方略去：该配方对本行某个用词或数字的读法与本评审不同（见 ', code: false },
      { text: 'docs/rollups.md', code: true },
      { text: '）', code: false },
    ]);
  });

  it('names config words as code, and never takes a mark from an export value', () => {
    expect(reasonParts('unknown priority "P9"; add it to a level\'s words', 'zh-CN')).toEqual([
      { text: '未知优先级“P9”；请将其加入某一级别的 ', code: false },
      { text: 'words', code: true },
    ]);
    // Control characters in a value (an odd export) are dropped, so they cannot open a code part.
    expect(reasonParts('expected a number, got "\u0002x\u0003"', 'zh-CN')).toEqual([{ text: '应为数字，实际为“x”', code: false }]);
    expect(reasonParts('expected a number, got "\u0002x"', 'en')).toEqual([{ text: 'expected a number, got "x"', code: false }]);
  });
});

/** The source files whose texts become reject reasons (the timestamp reasons are made live above, and listed here too). */
const INGEST_FILES = [
  'src/lib/ingest/row-mappers.ts',
  'src/lib/ingest/rollup-rows.ts',
  'src/lib/ingest/csv-stream.ts',
  'src/lib/ingest/duckdb-sources.ts',
  'src/lib/time/parse-timestamp.ts',
];

/** The reason texts a source file writes: reason`…` templates, words('…'), setFault('…') and `reason: \`…\`` faults. */
function reasonTemplates(source: string): string[] {
  const re = /reason`((?:[^`\\]|\\.)*)`|words\(\s*'((?:[^'\\]|\\.)*)'|setFault\(\s*'((?:[^'\\]|\\.)*)'|reason: `((?:[^`\\]|\\.)*)`/g;
  return [...source.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').replace(/\\'/g, "'"));
}

/** A template as a pattern its reasons match: a quoted(…) part is a quoted text, any other ${…} any text (possibly none). */
function templatePattern(template: string): RegExp {
  const parts = template.split(/(\$\{[^}]*\}+)/);
  const body = parts
    .map((p, i) => (i % 2 === 0 ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : p.startsWith('${quoted(') ? '"[^"]*"' : '[\\s\\S]*?'))
    .join('');
  return new RegExp(`^(?:\\w+: )?${body}$`);
}
