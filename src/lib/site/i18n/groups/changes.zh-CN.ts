/** Issue #18: 变更记录——变更部分及其计算方法的中文用语。 */
import type { Dictionary } from '../en.ts';
import { GLOSSARY } from '../glossary.ts';
import { zh } from '../zh-spacing.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k]['zh-CN'];

export const changesZhCN: Dictionary['changes'] = {
  heading: '变更',
  figuresCaption: '变更成功率与紧急变更',
  successRate: '变更成功率',
  successDetail: (successful, closed, failed, rolledBack) =>
    zh`已关闭的 ${closed} 项变更中 ${successful} 项成功（${failed} 项失败，${rolledBack} 项已回退）`,
  emergencyShare: '紧急变更占比',
  emergencyDetail: (emergency, _n, changes) => zh`${changes} 项变更中 ${emergency} 项`,
  flaggedHeading: '可能的原因',
  flaggedSummary: (flagged, window) => zh`开始后 ${window}内其${g('service')}发生${g('outage')}的变更：${flagged} 项。`,
  listCaption: '本期的变更（按实际开始时间，无则按计划开始时间）',
  id: '变更',
  service: '服务',
  title: '摘要',
  type: '类型',
  outcome: '结果',
  planned: '计划',
  actual: '实际',
  incidentCaused: '引发事件',
  followedBy: '其后的故障',
  types: { normal: '常规', standard: '标准', emergency: '紧急' },
  outcomes: { successful: '成功', failed: '失败', 'rolled-back': '已回退' },
  notClosed: '未关闭',
  notDone: '未实施',
  yes: '是',
  no: '否',
  notRecorded: '—',
  possibleCause: '可能的原因',
  outageSpan: (from, to) => zh`${from} → ${to}`,
  none: '本期没有开始的变更。',
  csv: '下载变更记录 (CSV)',
  methodHeading: '变更',
  methodPeriod:
    '变更归属于其开始所在的评审期：按实际开始时间，无则按计划开始时间（变更导出：编号、服务、类型——常规 / 标准 / 紧急、结果——成功 / 失败 / 已回退、计划与实际的开始和结束时间、引发的事件）。类型与结果像优先级一样由导出中的用词映射。',
  methodSuccess:
    '变更成功率 = 成功的变更数 / 已关闭且有结果（成功、失败或已回退）的变更数；未关闭的变更不计入，无已关闭变更时为无数据。“成功但有问题”计为成功：变更已达成预期结果（变更管理的通行定义），问题留待变更回顾处理；已回退的变更未达成预期结果，不计为成功。',
  methodEmergency: '紧急变更占比 = 紧急变更数 / 本期全部变更数，不论结果。',
  methodFollowed: (window, key) =>
    zh`若检测数据中该变更所属${g('service')}的${g('outage')}开始于变更开始之时或之后、且不晚于变更开始后 ${window}（配置项 ${key}），该变更即标记为可能的原因；变更何时结束不影响判断。开始时间取实际开始时间，无则取计划开始时间；${g('outage')}从检测首次发现该${g('service')}不可用时算起。${g('maintenanceWindow')}内的不可用时间不算${g('outage')}。标记只是提请评审关注，并不证明因果。`,
};
