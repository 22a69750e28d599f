/** 图表内的文字（图例、提示框、坐标轴标题），见 chart-words.en.ts。`{0}`、`{1}` 处填入格式化后的数字。 */
import type { Dictionary } from '../en.ts';

export const chartWordsZhCN: Dictionary['chartWords'] = {
  metTarget: '达标',
  belowTarget: '未达标',
  noData: '无数据（不计入）',
  maintenance: '维护窗口（不计入）',
  partial: '当日部分时间无数据',
  target: '目标 {0}',
  threshold: '阈值 {0}',
  maintenanceTip: '维护窗口（不计入各项数字）',
  partialTip: '当日部分时间无数据（{0}）',
  noDataTip: '无数据：当日没有任何监测时间',
  availabilityTip: '可用性 {0}（{1}）',
  valueTip: '{0}：{1}',
  availability: '可用性',
  latency: '延迟',
};
