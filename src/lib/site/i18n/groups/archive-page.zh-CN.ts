/** 归档页面用语 (issue #16)：全部评审期及其修订版本。 */
import type { Widen } from '../widen.ts';
import { zh } from '../zh-spacing.ts';
import type { archivePageEn } from './archive-page.en.ts';

export const archivePageZh: Widen<typeof archivePageEn> = {
  availabilityMet: '可用性达标（受监测服务）',
  metOf: (met, judged) => zh`${judged} 个中 ${met} 个`,
  status: { draft: '草稿', published: '已发布', changed: '已发布；较新的导出数据有差异' },
  partial: '（数据不完整）',
  range: (from, to) => zh`${from} – ${to}`,
  noData: '所有数据源均无数据',
  months: (n) => zh`（${n} 个月）`,
  noReview: '：无评审',
  snapshotOf: (period) => zh`：${period}的快照`,
  dataQualityOf: (period) => zh`：${period}`,
  csvPeriods: '评审期列表',
};
