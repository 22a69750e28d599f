/**
 * The data-quality page's reasons in the reader's language. Ingest writes each reject's reason in
 * English (the CLI stays English, and reasons are grouped by their English class, file-account.ts
 * reasonClass); the Chinese page translates the known shapes and keeps the quoted values as they
 * are. A reason of an unknown shape is shown as written, so nothing is hidden.
 */
import type { Locale } from '../../model/locales.ts';

type Rule = [RegExp, (...groups: string[]) => string];

/** English reason shapes (ingest's texts) → Chinese; groups carry the values through unchanged. */
const ZH: Rule[] = [
  [/^expected a date like (.+?), got (.+)$/s, (like, got) => `应为类似 ${like} 的日期，实际为 ${got}`],
  [/^expected (\d+) fields like the header, got (\d+)$/, (n, got) => `应与表头一样有 ${n} 个字段，实际为 ${got} 个`],
  [/^expected a number, got (.+)$/, (got) => `应为数字，实际为 ${got}`],
  [/^expected a value from (.+?) to (.+?), got (.+)$/, (a, b, got) => `应为 ${a} 到 ${b} 之间的值，实际为 ${got}`],
  [/^expected a whole number from (.+?) to (.+?), got (.+)$/, (a, b, got) => `应为 ${a} 到 ${b} 之间的整数，实际为 ${got}`],
  [/^expected minutes after creation \(0 or more\), got (.+)$/, (got) => `应为新建后的分钟数（0 或以上），实际为 ${got}`],
  [/^expected yes\/no or a count, got (.+)$/, (got) => `应为 是/否 或次数，实际为 ${got}`],
  [/^unknown service (".*?") \(not a configured id, alias or name\)$/, (v) => `未知服务 ${v}（不是已配置的编号、别名或名称）`],
  [/^unknown priority (".*?"); add it to a level's words$/, (v) => `未知优先级 ${v}；请将其加入某一级别的 words`],
  [
    /^unknown status (".*?"); map it under values\.status in the source config$/,
    (v) => `未知状态 ${v}；请在数据源配置的 values.status 下映射`,
  ],
  [
    /^unknown on-time verdict (".*?"); map it under values\.sourceOnTime to true or false$/,
    (v) => `未知的按时结论 ${v}；请在 values.sourceOnTime 下映射为 true 或 false`,
  ],
  [/^no score: csat, nps and ces are all empty$/, () => '无评分：csat、nps 与 ces 均为空'],
  [/^required (.+?) is empty$/, (what) => `必填的 ${what} 为空`],
  [/^the value is empty$/, () => '值为空'],
];

/** A reason (or reason class, possibly prefixed "field: ") in a locale; English is returned as it is. */
export function localizeReason(reason: string, locale: Locale): string {
  if (locale === 'en') return reason;
  const field = /^([A-Za-z][\w.]*): (.*)$/s.exec(reason);
  const [prefix, body] = field && !/^(expected|unknown|required|no score)/.test(reason) ? [`${field[1]}：`, field[2] ?? ''] : ['', reason];
  for (const [re, zh] of ZH) {
    const m = re.exec(body);
    if (m) return prefix + zh(...m.slice(1).map((s) => s ?? ''));
  }
  return reason;
}
