/** 会议摘要用语 (issue #18 第 4 项)：每个周期评审旁的一页摘要 (digest.md, digest.html)。 */
import type { Dictionary } from '../en.ts';
import { GLOSSARY } from '../glossary.ts';
import { quoteValueIn } from '../locale-format.ts';
import { zh } from '../zh-spacing.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k]['zh-CN'];

export const digestZhCN: Dictionary['digest'] = {
  title: (review, period) => zh`${review} — ${period}摘要`,
  published: (n) => zh`${g('published')}${g('revision')}版本 ${n}`,
  draft: zh`${g('draft')}，尚未发布：数字可能变化`,
  otherLanguage: '本摘要中文版',
  partial: '导出数据在本期结束前截止，数字不完整。',
  attentionHeading: g('attention'),
  previous: { month: '上月', quarter: '上季度', year: '上年' },
  attentionNone: (previous) => zh`没有未达标、有风险或较${previous}明显变差的数字。`,
  budgetUsedUp: zh`✗ ${g('errorBudget')}已用尽`,
  worse: '↘ 变差',
  recurringNew: '↻ 新出现',
  recurringGrowing: '↻ 增多',
  recurringLabel: (title) => zh`${g('recurringIssue')}${quoteValueIn(title, 'zh-CN')}`,
  recurringText: (tickets, count, previous) => zh`${tickets} 张${g('ticket')}，${previous} ${count} 张`,
  againstTarget: (value, target) => zh`${value}，${g('target')}为 ${target}`,
  previousWas: (value, previous) => zh`（${previous} ${value}）`,
  budgetUsed: (share) => zh`；${g('errorBudget')}已用 ${share}`,
  headlineHeading: '要点',
  columns: { figure: '指标', value: '数值', target: g('target'), verdict: '结论', change: '变化', n: '依据' },
  availabilityOf: (service) => zh`${service} ${g('availability')}`,
  responseMet: zh`${g('firstResponse')} ${g('slaAttainment')}`,
  resolutionMet: zh`${g('resolution')} ${g('slaAttainment')}`,
  csat: g('csat'),
  nps: g('nps'),
  ticketsCreated: '新建工单',
  backlogAtEnd: zh`期末${g('backlog')}`,
  monitored: (duration) => zh`监测 ${duration}`,
  ticketsJudged: (_n, n) => zh`已判定 ${n} 张${g('ticket')}`,
  responses: (_n, n) => zh`${n} 份回复`,
  noTarget: '—',
  linksHeading: '站点链接',
  reviewLink: '完整评审',
  ticketsLink: '数字背后的工单',
  dataQualityLink: g('dataQuality'),
  methodLink: '各项数字的计算方法',
  snapshotLink: '全部数字 (JSON)',
  pdfPageOf: (page, total) => zh`第 ${page} 页，共 ${total} 页`,
  pdfPrinted: (date) => zh`打印于 ${date}`,
  madeBy: (tool) => zh`由 ${tool} 根据本期快照生成；数字与评审页面一致。`,
};
