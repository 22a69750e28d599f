/**
 * The review's terms in both languages, in one place (issue #16): the dictionaries take their
 * words from here, so "availability" is 可用性 on every page, and docs/glossary.md is generated
 * from it (`npm run docs:glossary`, checked in step by a test). The Chinese are the words Chinese
 * ITSM readers expect (SLA 达成率, 首次响应, 解决时限 …); acronyms that readers use as such
 * (SLA, CSAT, NPS, CES, MTTR) stay beside the Chinese term.
 */
import type { Locale } from '../../model/locales.ts';

export interface Term {
  en: string;
  'zh-CN': string;
  /** What the term means here, in English (the glossary page's third column). */
  note: string;
}

export const GLOSSARY = {
  availability: { en: 'availability', 'zh-CN': '可用性', note: 'up ÷ (up + down), maintenance and no-data time excluded' },
  coverage: { en: 'coverage', 'zh-CN': '监测覆盖率', note: 'share of the month (less maintenance) that checks cover' },
  target: { en: 'target', 'zh-CN': '目标', note: 'a service’s availability target, or a priority’s SLA target' },
  slaAttainment: { en: 'SLA attainment', 'zh-CN': 'SLA 达成率', note: 'met ÷ (met + breached)' },
  firstResponse: { en: 'first response', 'zh-CN': '首次响应', note: 'time from creation to the first response' },
  resolution: { en: 'resolution', 'zh-CN': '解决', note: 'time from creation to resolution' },
  resolutionTarget: { en: 'resolution target', 'zh-CN': '解决时限', note: 'a priority’s resolution SLA' },
  responseTarget: { en: 'response target', 'zh-CN': '响应时限', note: 'a priority’s first-response SLA' },
  backlog: { en: 'backlog', 'zh-CN': '积压', note: 'created before the period’s end and not resolved before it' },
  csat: { en: 'CSAT', 'zh-CN': '满意度 (CSAT)', note: 'share of satisfied survey responses' },
  nps: { en: 'NPS', 'zh-CN': '净推荐值 (NPS)', note: '% promoters − % detractors' },
  ces: { en: 'CES', 'zh-CN': '客户费力度 (CES)', note: 'mean customer effort score' },
  errorBudget: { en: 'error budget', 'zh-CN': '错误预算', note: 'allowed down time = (1 − target) × eligible time' },
  recurringIssue: { en: 'recurring issue', 'zh-CN': '重复问题', note: 'a ticket group seen in 2 of 6 months or 3 times in one' },
  topIssues: { en: 'top recurring issues', 'zh-CN': '高频问题', note: 'the largest recurring issues of a period' },
  attention: {
    en: 'needs attention',
    'zh-CN': '需关注事项',
    note: 'the list at the top of a review: breaches, budgets used up, risks, adverse changes, new or growing recurring issues',
  },
  maintenanceWindow: { en: 'planned maintenance', 'zh-CN': '维护窗口', note: 'planned time excluded from every figure' },
  dataQuality: { en: 'data quality', 'zh-CN': '数据质量', note: 'accepted, rejected and duplicate rows of every export' },
  draft: { en: 'draft', 'zh-CN': '草稿', note: 'figures not yet published; may still change' },
  published: { en: 'published', 'zh-CN': '已发布', note: 'a frozen revision, signed off' },
  revision: { en: 'revision', 'zh-CN': '修订', note: 'one published, frozen version of a period’s review' },
  outage: { en: 'outage', 'zh-CN': '故障', note: 'a maximal run of confirmed down time' },
  mttr: { en: 'MTTR', 'zh-CN': '平均恢复时间 (MTTR)', note: 'mean outage length' },
  latency: { en: 'latency', 'zh-CN': '延迟', note: 'response time of the checks' },
  met: { en: 'met', 'zh-CN': '达标', note: 'target reached' },
  atRisk: { en: 'at risk', 'zh-CN': '有风险', note: 'met, but more than the at-risk share of the error budget used' },
  breached: { en: 'breached', 'zh-CN': '未达标', note: 'target missed' },
  noData: { en: 'no data', 'zh-CN': '无数据', note: 'no eligible time or no responses' },
  pending: { en: 'pending', 'zh-CN': '待定', note: 'a ticket with no SLA outcome yet' },
  priority: { en: 'priority', 'zh-CN': '优先级', note: 'a ticket’s priority level' },
  businessHours: { en: 'business hours', 'zh-CN': '工作时间', note: 'time counted on a business calendar' },
  service: { en: 'service', 'zh-CN': '服务', note: 'a service under review' },
  ticket: { en: 'ticket', 'zh-CN': '工单', note: 'a service desk ticket' },
  lowSample: { en: 'low sample', 'zh-CN': '样本不足', note: 'fewer responses than the low-sample threshold' },
  lowCoverage: { en: 'low coverage', 'zh-CN': '覆盖不足', note: 'coverage below the configured threshold' },
  degraded: { en: 'degraded', 'zh-CN': '降级', note: 'up, but enough probes say degraded or down' },
  down: { en: 'down', 'zh-CN': '不可用', note: 'enough probes say down' },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof GLOSSARY;

/** A term in a language, as the dictionaries use it. */
export function term(key: TermKey, locale: Locale): string {
  return GLOSSARY[key][locale];
}

/** docs/glossary.md: every term in both languages, in the glossary's order. */
export function renderGlossary(): string {
  const rows = Object.values(GLOSSARY as Record<string, Term>).map((t) => `| ${t.en} | ${t['zh-CN']} | ${t.note} |`);
  return [
    '# Glossary (English · 中文)',
    '',
    'Generated from `src/lib/site/i18n/glossary.ts` by `npm run docs:glossary`; a test checks it is in step.',
    'The pages of both languages take these terms from that one file.',
    '',
    '| English | 中文 | Meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
