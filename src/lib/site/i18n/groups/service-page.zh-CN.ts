/** 服务页面用语 (issue #16)。 */

import { GLOSSARY } from '../glossary.ts';
import type { Widen } from '../widen.ts';
import { zh } from '../zh-spacing.ts';
import type { servicePageEn } from './service-page.en.ts';

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k]['zh-CN'];

export const servicePageZh: Widen<typeof servicePageEn> = {
  heading: (service, period) => zh`${service} — ${period}`,
  owner: (owner) => zh`负责团队：${owner}。`,
  probes: (probes) => zh`探针：${probes}。`,
  noProbes: '无',
  unnamedProbe: '一个，未命名（导出数据未注明）',
  availability: '可用性 ',
  againstTarget: (target) => zh`，目标 ${target}：`,
  coverage: (coverage) => zh`。监测覆盖率 ${coverage}`,
  lowCoverage: '（偏低：该数字所依据的监测过少）',
  latency: (checks, p50, p95, p99, share, threshold) =>
    zh`基于 ${checks} 次既非不可用、也不在维护中的检测：p50 ${p50}，p95 ${p95}，p99 ${p99}。其中 ${share} 不超过 ${threshold} 的阈值。`,
  noLatency: '没有既非不可用、也不在维护中的检测，因此没有延迟数字。',
  outages: (service, count, period, total) => zh`${service}在${period}发生 ${count} 次${g('outage')}，累计不可用 ${total}`,
  longest: (longest) => zh`，最长一次 ${longest}`,
  timeSplit: (down, degraded, noData, maintenance) => zh`不可用 ${down}，降级 ${degraded}，无数据 ${noData}，维护 ${maintenance}。`,
  tickets: (created, resolved, open, resolution, pending, noun) =>
    zh`涉及本服务的工单：本${noun}新建 ${created} 张，解决 ${resolved} 张，${noun}末${g('backlog')} ${open} 张。${g('resolution')} ${g('slaAttainment')}：${resolution}，待定 ${pending} 张`,
  responseMet: (response) => zh`；${g('firstResponse')} ${g('slaAttainment')}：${response}`,
  withN: (figure, n, lowSample) => zh`${figure}（n = ${n}${lowSample ? '，样本不足' : ''}）`,
  satisfaction: (csat, nps, ces) => zh`${g('csat')} ${csat}，${g('nps')} ${nps}，${g('ces')} ${ces}。`,
  yes: '是',
  no: '否',
  commentsCaption: (service) => zh`关于${service}的调查评论（最新在前；个人信息已屏蔽）`,
  noComments: '本期没有提及本服务的调查评论。',
  csvMaintenance: '维护窗口',
};
