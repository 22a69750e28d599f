/** 改进措施登记的中文用语 (issue #18)，与 actions.en.ts 一一对应（类型检查保证键与参数一致）。 */
import type { Dictionary } from '../en.ts';
import { GLOSSARY } from '../glossary.ts';
import { zh } from '../zh-spacing.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k]['zh-CN'];

export const actionsZhCN: Dictionary['actions'] = {
  nav: '改进措施',
  heading: '改进措施',
  intro: (period) => zh`各次评审决定的改进措施，按${period}结束时的状态列出。`,
  registerLink: '各评审期的全部改进措施',
  openedCaption: '本期新开的措施',
  dueCaption: '本期到期的措施',
  overdueCaption: '本期结束时已逾期的措施（已到期，但未完成也未撤销）',
  closedCaption: '本期关闭的措施：是否见效？',
  none: '本期没有新开、到期、逾期或关闭的措施。',
  noneFor: (caption) => zh`${caption}：无。`,
  id: '措施',
  title: '内容',
  owner: '负责方',
  opened: '开立',
  due: '到期',
  status: '状态',
  closed: '关闭',
  moves: '应改善的指标',
  expected: '预期效果',
  before: '之前',
  after: '之后',
  verdict: '是否见效？',
  statusWords: { open: '进行中', done: '已完成', dropped: '已撤销' },
  overdue: '已逾期',
  closedIn: (status, period) => zh`${status}（${period}）`,
  overdueAfter: '，',
  targetAnd: (target, direction) => zh`${target}；${direction}`,
  linkAfter: '。',
  verdicts: { met: '✓ 达到预期', 'not-met': '✗ 未达预期', 'no-data': zh`– ${g('noData')}`, dropped: '不判定（已撤销）' },
  noFigure: '未关联指标',
  metrics: {
    availability: g('availability'),
    responseAttainment: zh`${g('firstResponse')} ${g('slaAttainment')}`,
    resolutionAttainment: zh`${g('resolution')} ${g('slaAttainment')}`,
    csat: g('csat'),
    nps: g('nps'),
    ces: g('ces'),
    recurring: zh`${g('recurringIssue')}的${g('ticket')}数`,
  },
  figure: (metric, of) => (of === null ? metric : zh`${metric}：${of}`),
  allPriorities: '全部优先级',
  target: (t) => zh`${g('target')} ${t}`,
  direction: { increase: '越高越好', decrease: '越低越好' },
  valueIn: (value, period) => zh`${value}（${period}）`,
  pageTitle: '改进措施登记',
  asOf: (file, sha, period) =>
    zh`依据 ${file}（文件校验值 ${sha}…）及截至${period}的评审。逾期指仍在进行且在${period}结束前已到期。各评审页按该期结束时的状态列出措施；已发布的评审保持发布时的内容。`,
  registerCaption: '登记中的全部措施及其当前状态',
  counts: (open, overdue, done, dropped) => zh`进行中 ${open} 项（其中逾期 ${overdue} 项），已完成 ${done} 项，已撤销 ${dropped} 项。`,
  methodHeading: '改进措施',
  methodRegister: (file) =>
    zh`改进措施在评审会上决定，登记在 ${file} 中：编号、内容、负责方、开立的评审月份、到期时间（日期，或评审期：取其最后一天）、状态（进行中、已完成、已撤销）、关闭月份、应改善的指标及预期效果（文字说明，可附目标值）。`,
  methodPeriods:
    '每期评审列出：在本期各月开立的措施、在本期某一天到期的措施、本期结束时逾期的措施（此前已开立、在本期最后一天前到期、且到本期结束仍未完成或撤销），以及在本期各月关闭的措施；均按本期结束时的状态列出，之后才关闭的措施显示为进行中。',
  methodBeforeAfter:
    '是否见效：对关联了指标且已关闭的措施，“之前”取开立当月的指标值，“之后”取关闭后第一个完整月份（即关闭月份的下一个月，如 9 月关闭则取 10 月）的指标值。不以其他月份替代：该月无值，或下一个月尚未评审时，为无数据。指标即各期评审中的数字：服务的可用性、某优先级（或全部优先级）的首次响应或解决 SLA 达成率、满意度 (CSAT)、净推荐值 (NPS)、客户费力度 (CES)，或某重复问题当月的工单数（没有则为 0）。',
  methodVerdict:
    '判定仅针对已完成的措施：有目标值时，“之后”达到目标即为达到预期（越高越好的指标不低于目标，越低越好的指标不高于目标）；没有目标值时，“之后”比“之前”向更好的方向变化即为达到预期。所需数值缺失时为无数据。已撤销的措施只列出数值，不作判定。',
  methodFrozen: (file) =>
    zh`已发布的评审把当时的措施固定在其快照中，之后修改 ${file} 既不会改变它，也不会把它标记为已变更（措施不属于指标数字）；之后因数字或评述变更而发布的修订会固定当时的措施。改进措施页面显示登记的当前内容，依据登记文件及最后一个已生成的评审月份，而不是生成时的时钟。登记文件存在时，每个页面的导航都链接到改进措施页面，修订版本的永久页面也不例外：导航是网站的框架，不属于修订版本发布的内容。`,
};
