/** 会议摘要用语 (issue #18 第 4 项)：每个周期评审旁的一页摘要 (digest.md, digest.html)。 */
import type { Dictionary } from '../en.ts';
import { GLOSSARY } from '../glossary.ts';
import { zh } from '../zh-spacing.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k]['zh-CN'];

export const digestZhCN: Dictionary['digest'] = {
  title: (review, period) => zh`${review} — ${period}摘要`,
  published: (n) => zh`已发布第 ${n} 次${g('revision')}`,
  draft: zh`${g('draft')}，尚未发布：数字可能变化`,
  partial: '导出数据在本周期结束前截止，数字不完整。',
  attentionHeading: '需要关注',
  previous: { month: '上月', quarter: '上季度', year: '上年' },
  attentionNone: (previous) => zh`没有未达标、有风险或较${previous}明显变差的指标。`,
  availabilityCount: (met, judged, atRisk) =>
    zh`${g('availability')}达标：${judged} 个受监测服务中 ${met} 个${atRisk > 0 ? zh`（${atRisk} 个${g('atRisk')}）` : ''}。`,
  figuresCount: (met, judged, atRisk) =>
    zh`工单与满意度目标达标：${judged} 项中 ${met} 项${atRisk > 0 ? zh`（${atRisk} 项${g('atRisk')}）` : ''}。`,
  budgetUsedUp: zh`✗ ${g('errorBudget')}已用尽`,
  worse: '↘ 变差',
  recurringNew: '↻ 新出现',
  recurringGrowing: '↻ 增多',
  recurringLabel: (title) => zh`${g('recurringIssue')}“${title}”`,
  recurringText: (tickets, count, previous) => zh`${tickets} 张${g('ticket')}，${previous} ${count} 张`,
  againstTarget: (value, target) => zh`${value}，${g('target')} ${target}`,
  previousWas: (value, previous) => zh`（${previous} ${value}）`,
  budgetUsed: (share) => zh`；${g('errorBudget')}已用 ${share}`,
  headlineHeading: '主要指标',
  columns: { figure: '指标', value: '数值', target: g('target'), verdict: '结论', change: '变化', n: '依据' },
  availabilityOf: (service) => zh`${service} ${g('availability')}`,
  responseMet: '首次响应 SLA 达成率',
  resolutionMet: '工单解决 SLA 达成率',
  csat: g('csat'),
  nps: g('nps'),
  ticketsCreated: '新建工单',
  backlogAtEnd: zh`期末${g('backlog')}`,
  monitored: (duration) => zh`监测 ${duration}`,
  ticketsJudged: (n) => zh`已判定工单 ${n} 张`,
  responses: (n) => zh`答卷 ${n} 份`,
  noTarget: '—',
  linksHeading: '站点链接',
  reviewLink: '完整评审',
  ticketsLink: '未达标工单与重复问题',
  dataQualityLink: g('dataQuality'),
  methodLink: '各指标的计算方法',
  snapshotLink: '全部数字 (JSON)',
  pdfPageOf: (page, total) => zh`第 ${page} 页，共 ${total} 页`,
  pdfPrinted: (date) => zh`打印于 ${date}`,
  madeBy: (tool) => zh`由 ${tool} 根据本周期快照生成；数字与评审页面一致。`,
};
