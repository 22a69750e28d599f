/**
 * The data-quality page's reasons in the reader's language. Ingest writes each reject's reason in
 * English (the CLI stays English, and reasons are grouped by their English class, file-account.ts
 * reasonClass); the Chinese page translates every shape ingest writes (row-mappers.ts,
 * csv-stream.ts, parse-timestamp.ts, rollup-rows.ts, duckdb-sources.ts, the presets' reject words) and keeps the
 * values (in the locale's quotes: quoteValueIn), config words and units as they are. A reason of an unknown shape is shown as
 * written, so nothing is hidden; test/site/i18n/reasons.test.ts holds one example of each shape.
 */
import type { Locale } from '../../model/locales.ts';
import { quoteValueIn } from './locale-format.ts';
import { zh } from './zh-spacing.ts';

type Rule = [RegExp, (...groups: string[]) => string];

// A config word in a Chinese reason (dateOrder: dmy, values.status …) is marked, so the page shows it
// as code, written as in the config; the marks are control characters no export text is shown with.
const OPEN = '\u0002';
const CLOSE = '\u0003';
const C = (word: string) => `${OPEN}${word}${CLOSE}`;
/** A text without the marks (an export value never carries one into a reason). */
const unmark = (s: string) => s.split(OPEN).join('').split(CLOSE).join('');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What a required cell holds, as ingest names it ("required ticket id is empty"). */
const WHAT: Record<string, string> = {
  timestamp: '时间戳',
  service: '服务',
  status: '状态',
  'ticket id': '工单编号',
  priority: '优先级',
  'incident id': '事件编号',
  level: '事件级别',
  'change id': '变更编号',
  'change type': '变更类型',
  // The format's notation, quoted in the tool's words, is quoted as a Chinese text quotes.
  '"index:count" pairs': `${quoteValueIn('index:count', 'zh-CN')}数对`,
  '"startMs/endMs" runs': `${quoteValueIn('startMs/endMs', 'zh-CN')}时段`,
  // The same in a reason class, its quoted part shown as "…" (file-account.ts reasonClass).
  '"…" pairs': `${quoteValueIn('…', 'zh-CN')}数对`,
  '"…" runs': `${quoteValueIn('…', 'zh-CN')}时段`,
};
const what = (w: string) => WHAT[w] ?? w;
/** The event a time records, as ingest names it ("resolved after the export was taken"). */
const EVENT: Record<string, string> = {
  created: '新建时间',
  'first response': '首次响应时间',
  resolved: '解决时间',
  checked: '检测时间',
  submitted: '提交时间',
  started: '开始时间',
  detected: '发现时间',
  acknowledged: '响应时间',
  restored: '恢复时间',
  'actual start': '实际开始时间',
  'actual end': '实际结束时间',
};
const or = (s: string) => s.replace(/ or /g, ' 或 ');
const UNIT: Record<string, string> = {
  'a spreadsheet serial date': '电子表格序列日期',
  'epoch milliseconds': '纪元毫秒数',
  'epoch seconds': '纪元秒数',
};
const year = (y: string) =>
  y === 'before 1970' ? '早于 1970 年' : y === 'year after 9999' ? '晚于 9999 年' : `${y.replace(/^year /, '')} 年`;

/** A score word's mapped value after the export's text ("（映射为 9）"); nothing when it was not mapped. */
const mappedTo = (to: string) => (to ? `（映射为 ${to}）` : '');

/** English reason shapes (ingest's texts) → Chinese; groups carry the values through unchanged. */
export const REASON_RULES: readonly Rule[] = [
  // Row mappers (row-mappers.ts).
  [
    /^expected a date like (.+?), got (.+); for day- or month-first dates set dateOrder: dmy or mdy$/s,
    (like, got) => zh`应为类似 ${or(like)} 的日期，实际为 ${got}；日在前或月在前的日期请设置 ${C('dateOrder: dmy')} 或 ${C('mdy')}`,
  ],
  [/^expected a date like (.+?), got (.+)$/s, (like, got) => zh`应为类似 ${or(like)} 的日期，实际为 ${got}`],
  [/^expected (\d+) fields like the header, got (\d+)$/, (n, got) => zh`应与表头一样有 ${n} 个字段，实际为 ${got} 个`],
  // A survey score given as a label the source does not map (row-mappers.ts scoreWords).
  [
    /^expected a number, got (".*?"); map score words under (values\.\w+)$/s,
    (got, key) => zh`应为数字，实际为 ${got}；请在 ${C(key)} 下映射评分用词`,
  ],
  [/^expected a number, got (.+)$/s, (got) => zh`应为数字，实际为 ${got}`],
  // A mapped score word out of range says what it was mapped to: "got "Great" (mapped to 9)".
  [
    /^expected a value from (.+?) to (.+?), got (.+?)(?: \(mapped to (.+)\))?$/s,
    (a, b, got, to) => zh`应为 ${a} 到 ${b} 之间的值，实际为 ${got}${mappedTo(to)}`,
  ],
  [
    /^expected a whole number from (.+?) to (.+?), got (.+?)(?: \(mapped to (.+)\))?$/s,
    (a, b, got, to) => zh`应为 ${a} 到 ${b} 之间的整数，实际为 ${got}${mappedTo(to)}`,
  ],
  [/^expected minutes after creation \(0 or more\), got (.+)$/s, (got) => zh`应为新建后的分钟数（0 或以上），实际为 ${got}`],
  [/^expected yes\/no or a count, got (.+)$/s, (got) => zh`应为 是/否 或次数，实际为 ${got}`],
  [/^unknown service (".*?") \(not a configured id, alias or name\)$/s, (v) => zh`未知服务 ${v}（不是已配置的编号、别名或名称）`],
  [
    /^unknown service (".*?") reads like the configured id (".*?"): add (".*?") to its aliases$/s,
    (v, id, add) => zh`未知服务 ${v} 看起来像已配置的编号 ${id}：请将 ${add} 加入其 ${C('aliases')}`,
  ],
  [
    /^service (".*?")(?: \(id (".*?")\))? is configured but not monitored: it has no target and latencyThresholdMs; give it both to take its checks$/s,
    (v, id) =>
      zh`服务 ${v}${id ? zh`（编号 ${id}）` : ''} 已配置但未被监测：没有 ${C('target')} 和 ${C('latencyThresholdMs')}；两者都设置后才接收其检测数据`,
  ],
  [/^unknown priority (".*?"); add it to a level's words$/s, (v) => zh`未知优先级 ${v}；请将其加入某一级别的 ${C('words')}`],
  [
    /^unknown incident level (".*?"); add it to an incident level's words$/s,
    (v) => zh`未知事件级别 ${v}；请将其加入某一事件级别的 ${C('words')}`,
  ],
  [
    /^unknown status (".*?"); map it under values\.status in the source config$/s,
    (v) => zh`未知状态 ${v}；请在数据源配置的 ${C('values.status')} 下映射`,
  ],
  [
    /^unknown on-time verdict (".*?"); map it under values\.sourceOnTime to true or false$/s,
    (v) => zh`未知的按时结论 ${v}；请在 ${C('values.sourceOnTime')} 下映射为 ${C('true')} 或 ${C('false')}`,
  ],
  [/^status (".*?") means resolved, but the resolved time is empty$/s, (v) => zh`状态 ${v} 表示已解决，但解决时间为空`],
  [
    /^(created|first response|resolved|checked|submitted|started|detected|acknowledged|restored|actual start|actual end) after the export was taken \(asOf (.+)\)$/s,
    (event, asOf) => zh`${EVENT[event] ?? event}晚于导出时间（${C('asOf')} ${asOf}）`,
  ],
  [/^first response is before the ticket was created$/, () => '首次响应早于工单新建时间'],
  [/^resolved before the ticket was created$/, () => '解决时间早于工单新建时间'],
  [/^detected before the incident started$/, () => '发现时间早于事件开始时间'],
  [/^acknowledged before the incident started$/, () => '响应时间早于事件开始时间'],
  [/^acknowledged before the incident was detected$/, () => '响应时间早于事件发现时间'],
  [/^restored before the incident started$/, () => '恢复时间早于事件开始时间'],
  [
    /^unknown change type (".*?"); map it under values\.type to normal, standard or emergency$/s,
    (v) => zh`未知变更类型 ${v}；请在 ${C('values.type')} 下映射为 ${C('normal')}、${C('standard')} 或 ${C('emergency')}`,
  ],
  [
    /^unknown change outcome (".*?"); map it under values\.outcome to successful, failed or rolled-back$/s,
    (v) => zh`未知变更结果 ${v}；请在 ${C('values.outcome')} 下映射为 ${C('successful')}、${C('failed')} 或 ${C('rolled-back')}`,
  ],
  [/^planned end before the planned start$/, () => '计划结束时间早于计划开始时间'],
  [/^actual end without an actual start$/, () => '有实际结束时间，但没有实际开始时间'],
  [/^actual end before the actual start$/, () => '实际结束时间早于实际开始时间'],
  [/^neither a planned nor an actual start$/, () => '既没有计划开始时间，也没有实际开始时间'],
  [/^no score: csat, nps and ces are all empty$/, () => zh`无评分：${C('csat')}、${C('nps')} 与 ${C('ces')} 均为空`],
  [/^required (.+?) is empty$/, (w) => zh`必填的${what(w)}为空`],
  [/^the value is empty$/, () => '值为空'],
  // Timestamps (parse-timestamp.ts): the value comes first, quoted.
  [
    /^(".*?") read as (.+?) is out of range: (.+?) \(expected (\d+)–(\d+)\); check epochUnit$/s,
    (v, unit, y, a, b) => zh`${v} 按${UNIT[unit] ?? unit}读取超出范围：${year(y)}（应为 ${a}–${b} 年）；请检查 ${C('epochUnit')}`,
  ],
  [
    /^(".*?") is a fractional number; epoch timestamps are whole seconds \(10 digits\) or milliseconds \(13 digits\) unless epochUnit names the unit(; a spreadsheet serial date needs epochUnit: excel-serial)?$/s,
    (v, serial) =>
      zh`${v} 是小数；除非 ${C('epochUnit')} 指定单位，纪元时间戳应为整秒（10 位）或整毫秒（13 位）${serial ? `；电子表格序列日期需设置 ${C('epochUnit: excel-serial')}` : ''}`,
  ],
  [
    /^(".*?") has (\d+) digits; epoch timestamps have 10 \(seconds\) or 13 \(milliseconds\)(, and a spreadsheet serial date needs epochUnit: excel-serial)?; set epochUnit to read other lengths$/s,
    (v, n, serial) =>
      zh`${v} 有 ${n} 位数字；纪元时间戳为 10 位（秒）或 13 位（毫秒）${serial ? `，电子表格序列日期需设置 ${C('epochUnit: excel-serial')}` : ''}；读取其他位数请设置 ${C('epochUnit')}`,
  ],
  [
    /^(".*?") does not exist in (\S+) \(clocks go forward\); set ambiguous: earlier or later to read it$/s,
    (v, zone) => zh`${v} 在 ${zone} 不存在（时钟拨快）；如需读取，请设置 ${C('ambiguous: earlier')} 或 ${C('later')}`,
  ],
  [
    /^(".*?") is ambiguous in (\S+) \(repeated hour when clocks go back\); set ambiguous: earlier or later$/s,
    (v, zone) => zh`${v} 在 ${zone} 有歧义（时钟拨慢时重复的一小时）；请设置 ${C('ambiguous: earlier')} 或 ${C('later')}`,
  ],
  [
    /^(".*?") has hour (\d+) with (AM|PM); a 12-hour clock runs 1–12$/s,
    (v, h, ap) => zh`${v} 的小时为 ${h} 且带 ${ap}；12 小时制的小时为 1–12`,
  ],
  [/^(".*?") has an impossible UTC offset$/s, (v) => zh`${v} 的 UTC 偏移不可能存在`],
  [/^(".*?") is out of range: year (-?\d+) \(expected (\d+)–(\d+)\)$/s, (v, y, a, b) => zh`${v} 超出范围：${y} 年（应为 ${a}–${b} 年）`],
  [/^(".*?") is not a real date: there is no month (\d+)$/s, (v, m) => zh`${v} 不是真实的日期：没有 ${m} 月`],
  [
    /^(".*?") is not a real date: (\w+) (\d+) has (\d+) days$/s,
    // The month written close up as one piece (2026年2月), as formatPeriodIn writes it.
    (v, month, y, d) => zh`${v} 不是真实的日期：${`${y}年${MONTHS.indexOf(month) + 1}月`}只有 ${d} 天`,
  ],
  [
    /^(".*?") is not a real time: 24:00 is not a time of day, write 00:00 of the next day$/s,
    (v) => zh`${v} 不是真实的时间：24:00 不是一天中的时刻，请写作次日 00:00`,
  ],
  [
    /^(".*?") is not a real time: there is no (hour|minute|second) (\d+)$/s,
    (v, unit, n) => zh`${v} 不是真实的时间：没有第 ${n} ${unit === 'hour' ? '时' : unit === 'minute' ? '分' : '秒'}`,
  ],
  // The CSV reader (csv-stream.ts): a line's fault.
  [
    /^holds a byte-order mark \(U\+FEFF\) inside the file: two exports joined, or a stray mark$/,
    () => '文件中间含有字节顺序标记 (U+FEFF)：两个导出文件被拼接，或是多余的标记',
  ],
  [
    /^holds bytes that are not valid (\S+) \(decoded as U\+FFFD\); check the file's encoding$/,
    (enc) => zh`含有不是有效 ${enc} 的字节（已解码为 U+FFFD）；请检查文件的编码`,
  ],
  [
    /^holds bytes that are not valid (\S+) \((.+)\); check the file's encoding$/s,
    (enc, bytes) => zh`含有不是有效 ${enc} 的字节（${bytes}）；请检查文件的编码`,
  ],
  [/^holds bytes that are not valid (\S+)$/, (enc) => zh`含有不是有效 ${enc} 的字节`],
  [
    /^has a quote inside an unquoted field \(quote the whole field and double the quote\)$/,
    () => '未加引号的字段中有引号（请给整个字段加引号，并将其中的引号写两遍）',
  ],
  [/^has text after the closing quote of a field$/, () => '字段的结束引号之后还有文字'],
  [
    /^has a quote opened at line (\d+) that is never closed: this line and every line after it are rejected$/,
    (n) => zh`第 ${n} 行开始的引号始终没有闭合：该行及其后的每一行均被拒绝`,
  ],
  [/^lies inside the quote opened at line (\d+) that is never closed$/, (n) => zh`位于第 ${n} 行开始、始终没有闭合的引号之内`],
  // Daily rollups (rollup-rows.ts).
  [/^expected a whole number of 0 or more, got (.+)$/s, (got) => zh`应为 0 或以上的整数，实际为 ${got}`],
  [/^expected (.+?) separated by spaces, got (.+)$/s, (w, got) => zh`应为以空格分隔的${what(w)}，实际为 ${got}`],
  [/^expected probe names separated by \|, got (.+)$/s, (got) => zh`应为以 | 分隔的探针名称，实际为 ${got}`],
  [
    /^unsupported rollup format version (".*?"); this tool reads version (\d+)$/s,
    (v, n) => zh`不支持的汇总格式版本 ${v}；本工具读取版本 ${n}`,
  ],
  [
    /^unknown service (".*?") \(rollups name services by their id: (.*)\)$/s,
    (v, ids) => zh`未知服务 ${v}（汇总数据以编号指代服务：${ids}）`,
  ],
  [
    /^(\S+) is (\S+ h) long in (\S+), the review zone, not (\S+ h): were the rollups cut in another zone\?$/,
    (date, len, zone, day) => zh`${date} 在评审时区 ${zone} 中长 ${len}，而不是 ${day}：汇总数据是否按其他时区切分？`,
  ],
  [
    /^up \+ down \+ no data \+ maintenance is (\S+ h), not the day's (\S+ h)$/,
    (sum, day) => zh`正常 + 不可用 + 无数据 + 维护 = ${sum}，而不是当天的 ${day}`,
  ],
  [/^degraded time (\S+ h) exceeds up time (\S+ h)$/, (d, u) => zh`降级时间 ${d} 超过正常时间 ${u}`],
  [/^first and last check times are empty exactly when checks is 0$/, () => '首末检测时间应当且仅当检测次数为 0 时为空'],
  [/^not within (\S+) in (\S+)$/, (date, zone) => zh`不在 ${zone} 的 ${date} 之内`],
  [/^not within (\S+) after the first check$/, (date) => zh`不在 ${date} 内首次检测之后`],
  [/^latency population (\d+) exceeds the day's (\d+) checks$/, (n, c) => zh`延迟样本数 ${n} 超过当天的检测次数 ${c}`],
  [/^fast checks (\d+) exceed the latency population (\d+)$/, (f, n) => zh`达标检测数 ${f} 超过延迟样本数 ${n}`],
  [/^expected bucket indices in ascending order, each once, with counts above 0$/, () => '桶序号应按升序排列、各出现一次，且计数大于 0'],
  [
    /^the zeros \((\d+)\) and the buckets \((\d+)\) add up to (\d+), not (\d+)$/,
    (z, b, sum, n) => zh`零值（${z}）与各桶（${b}）合计 ${sum}，而不是 ${n}`,
  ],
  [/^outage (\d+) is not a run within (\S+) after the one before it$/, (k, date) => zh`第 ${k} 次故障不是 ${date} 内、在前一次之后的时段`],
  [/^the outages add up to (\S+ h), not down_ms (\S+ h)$/, (sum, down) => zh`各次故障合计 ${sum}，而不是 ${C('down_ms')} 的 ${down}`],
  // A DuckDB source's row its recipe left out (duckdb-sources.ts).
  [
    /^left out by the DuckDB recipe, which reads a word or number of this row otherwise than the review does \(docs\/rollups\.md\)$/,
    () => zh`被 DuckDB 配方略去：该配方对本行某个用词或数字的读法与本评审不同（见 ${C('docs/rollups.md')}）`,
  ],
  // The presets' reject words (config/presets.ts).
  [
    /^maintenance heartbeat \(status 3\): it is neither up nor down; declare the window under maintenance in the config$/,
    () => zh`维护心跳（状态 3）：既不算正常也不算不可用；请在配置的 ${C('maintenance')} 下声明该维护窗口`,
  ],
];

/** A reason (or reason class, possibly prefixed "field: ") in a locale; English is returned as it is. */
export function localizeReason(reason: string, locale: Locale): string {
  return reasonParts(reason, locale)
    .map((p) => p.text)
    .join('');
}

/** A reason in a locale as parts: the config words it names (code: true) apart from the words around them. */
export function reasonParts(reason: string, locale: Locale): Array<{ text: string; code: boolean }> {
  const marked = marks(reason, locale);
  const parts: Array<{ text: string; code: boolean }> = [];
  for (const [i, piece] of marked.split(OPEN).entries()) {
    const [code, rest] = i === 0 ? [null, piece] : [piece.slice(0, piece.indexOf(CLOSE)), piece.slice(piece.indexOf(CLOSE) + 1)];
    if (code) parts.push({ text: code, code: true });
    if (rest) parts.push({ text: rest, code: false });
  }
  return parts;
}

/**
 * A value ingest quoted ("P9", a class's "…") in the locale's quotes; anything else as it is. The rules
 * are written with the `zh` tag, so the space beside a value follows from its quotes (未知优先级“P9”).
 */
function requote(group: string, locale: Locale): string {
  const value = /^"([\s\S]*)"$/.exec(group);
  return value ? quoteValueIn(value[1] ?? '', locale) : group;
}

function marks(reason: string, locale: Locale): string {
  // A reason shown as written keeps no control character that would read as a mark.
  if (locale === 'en') return unmark(reason);
  const field = /^([A-Za-z][\w.]*): (.*)$/s.exec(reason);
  const [prefix, body] = field && !/^(expected|unknown|required|no score)/.test(reason) ? [`${field[1]}：`, field[2] ?? ''] : ['', reason];
  for (const [re, translate] of REASON_RULES) {
    const m = re.exec(body);
    if (m) return prefix + translate(...m.slice(1).map((s) => requote(unmark(s ?? ''), locale)));
  }
  return unmark(reason);
}
