/** 工单明细页面用语 (issue #16)：本期数字背后的工单。 */
import type { Widen } from '../widen.ts';
import { zh } from '../zh-spacing.ts';
import type { ticketsPageEn } from './tickets-page.en.ts';

export const ticketsPageZh: Widen<typeof ticketsPageEn> = {
  title: (period) => zh`数字背后的工单，${period}`,
  heading: (period) => zh`数字背后的工单 — ${period}`,
  note: (zone) => zh`工单标题中的电子邮件地址、电话号码与长串数字已屏蔽。时间均为${zone}。`,
  missedHeading: '未达成的时限',
  missedIntro: (count, _n, period) =>
    zh`${period}共有 ${count} 项时限未达成：即[工单 SLA 达成率](0)中未达标计数背后的工单，各自计入其时限到期所在的评审期。`,
  missedCaption: (period) => zh`${period}未达成首次响应时限或解决时限的工单，按时限排序`,
  ticket: '工单',
  titleColumn: '标题',
  deadline: '时限到期',
  missedTarget: '时限',
  outcome: '结果',
  firstResponse: '首次响应',
  resolution: '解决',
  stillOpen: '判定时仍未完成',
  lateResponded: (at) => zh`超时：${at} 响应`,
  lateResolved: (at) => zh`超时：${at} 解决`,
  firstShown: (shown, total) => zh`共 ${total} 项，此处列出前 ${shown} 项；全部见 CSV。`,
  csvMissed: '全部未达成的时限',
  recurringHeading: '重复问题的工单',
  issueLabel: (n) => zh`第 ${n} 个重复问题的工单`,
  issueCaption: (count, _n) => zh`${count} 张工单`,
  firstListed: (n) => zh`，列出前 ${n} 张`,
  open: '未关闭',
  recurringNote: (n) =>
    zh`以上为[重复问题表](0)中最大的 ${n} 个问题，每个最多列出 20 张工单：[这些工单 (CSV)](1)；每个问题全部工单的编号见[重复问题 (CSV)](2)。`,
  back: (period) => zh`返回${period}评审`,
  backLabel: '返回',
};
