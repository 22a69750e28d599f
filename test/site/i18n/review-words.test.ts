/**
 * The period review in Chinese (issue #16): the words its components and charts take from the
 * dictionary, the charts' words and number formats, and the commentary's figures. The whole
 * built page is scanned in test/build/review-chinese.test.ts; this checks the parts one by one.
 * Expected texts are written out by hand from the zh-CN dictionary and locale-format.ts's rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { presetFor } from '../../../src/lib/config/presets.ts';
import { figureText } from '../../../src/lib/site/commentary-figures.ts';
import { agreementNoteIn, agreementNoteRich } from '../../../src/lib/site/i18n/agreement-notes.ts';
import { dictionary } from '../../../src/lib/site/i18n/dictionaries.ts';
import { parseRich, plainRich } from '../../../src/lib/site/i18n/rich-text.ts';
import { slots } from '../../../src/lib/site/i18n/slots.ts';
import { chartLanguage, trendCharts } from '../../../src/lib/site/trend-charts.ts';
import type { PeriodSnapshot } from '../../../src/lib/snapshot/build-snapshots.ts';
import { GENERIC_AGREEMENT_NOTE } from '../../../src/lib/snapshot/review-coverage.ts';
import { dailyAvailabilityConfig, dailyLatencyConfig, seriesConfig } from '../../../src/scripts/chart-specs.ts';
import { fourDays, theme } from '../../helpers/chart-fixtures.ts';
import { texts } from '../../helpers/dictionary-texts.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const october = (): PeriodSnapshot => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/mini/expected/2026-10.json'), 'utf8'));

// The groups the period review's components read (the groups this part of issue #16 owns).
const GROUPS = ['review', 'chartWords', 'sections', 'headline', 'columns', 'captions', 'notices', 'charts', 'verdict', 'flags'] as const;
// Words a reader of either language reads as they are.
const ACRONYMS = new Set(['SLA', 'CSAT', 'NPS', 'CES', 'MTTR', 'CSV', 'JSON', 'UTC']);
/** The Latin words of a text that are not acronyms (p50, n and {0} are not words). */
const words = (s: string) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ACRONYMS.has(w));

describe('the review’s words in Chinese', () => {
  const en = dictionary('en');
  const zh = dictionary('zh-CN');

  it('every text of the review’s groups differs from the English, unless it is only acronyms, figures and symbols', () => {
    const same = GROUPS.flatMap((g) => {
      const zhTexts = new Map(texts(zh[g], g));
      return texts(en[g], g).filter(([key, text]) => zhTexts.get(key) === text && words(text).length > 0);
    });
    expect(same).toEqual([]);
  });

  it('the check would catch one: an English text left in place is reported', () => {
    expect(words('Met target')).toEqual(['Met', 'target']);
    expect(words('CSAT (n = 3) p95 {0}')).toEqual([]);
  });

  it('keeps each language’s own order around a link', () => {
    // A link inside a sentence is a rich-text mark whose address the page gives (rich-text.ts).
    expect(parseRich(en.review.superseded('r2', '2026-11-02'))).toEqual([
      { kind: 'text', text: 'Superseded by ' },
      { kind: 'link', text: 'r2', link: 0 },
      { kind: 'text', text: ' on 2026-11-02' },
    ]);
    expect(parseRich(zh.review.superseded('r2', '2026-11-02'))).toEqual([
      { kind: 'text', text: '已于 2026-11-02 被 ' },
      { kind: 'link', text: 'r2', link: 0 },
      { kind: 'text', text: ' 取代' },
    ]);
    // No space before it: it follows a full stop, and Chinese joins sentences with nothing between them.
    expect(parseRich(zh.review.latestIs('r3'))).toEqual([
      { kind: 'text', text: '最新为 ' },
      { kind: 'link', text: 'r3', link: 0 },
      { kind: 'text', text: '。' },
    ]);
    expect(parseRich(zh.review.draftPeriod('2026年10月', zh.status.draft))[1]).toEqual({ kind: 'strong', text: '草稿' });
    expect(plainRich(en.review.topRecurring(5, en.sections.recurring))).toBe(
      'The top 5 recurring issues (all figures in Recurring issues):',
    );
  });

  it('the month notices link the month’s name wherever the language puts it (PeriodReview)', () => {
    expect(parseRich(zh.status.monthDiffers('2026年10月', 2, 'quarter', 3))).toEqual([
      { kind: 'link', text: '2026年10月', link: 0 },
      { kind: 'text', text: '已发布的修订版本 2 与本季度所依据的数字不同：3 项数字，例如' },
    ]);
    expect(parseRich(en.status.aggregateDiffers('Q4 2026', 1))[0]).toEqual({ kind: 'link', text: 'Q4 2026', link: 0 });
  });

  it('English counts agree with their nouns at 1 and above; Chinese takes the same arguments', () => {
    expect(en.review.ticketsJudged(1, '1')).toBe('n = 1 ticket judged');
    expect(en.review.responses(2, '2')).toBe('n = 2 responses');
    expect(en.review.recurringTickets(1, '1', '0', 'month')).toBe('1 ticket, 0 the previous month');
    expect(en.review.ticketJoin(1, '1', '1')).toBe('1 response names a ticket; 1 matched one.');
    expect(en.review.recurringNote(1, '1', 1, '1')).toBe('1 ticket created in this period in 1 group');
    expect(en.review.recurringNote(1_204, '1,204', 64, '64')).toBe('1,204 tickets created in this period in 64 groups');
    expect(en.changes.emergencyDetail('1', 1, '1')).toBe('1 of 1 change');
    expect(en.digest.responses(1, '1')).toBe('1 response');
    expect(en.notices.dataQualitySummary('1', 1, '0', '0', '1')).toBe(
      'Rows read from 1 file touching this period: 1; accepted 0, rejected 0, duplicates 1.',
    );
    expect(zh.review.ticketsJudged(1, '1')).toBe('n = 已判定 1 张工单');
  });

  it('counts services with 个 and figures with 项, at risk included, in one message each (AttentionList)', () => {
    // The at-risk count belongs to its noun: 80 services, 2 of them at risk, are "2 个有风险", never "2 项有风险".
    expect(zh.review.availabilityCount(78, 80, 2)).toBe('80 个受监测服务中 78 个达到可用性目标（2 个有风险）');
    expect(zh.review.availabilityCount(6, 6, 0)).toBe('6 个受监测服务中 6 个达到可用性目标');
    expect(zh.review.figuresCount(3, 4, 1)).toBe('工单与满意度目标 4 项中达标 3 项（1 项有风险）');
    expect(zh.review.figuresCount(4, 4, 0)).toBe('工单与满意度目标 4 项中达标 4 项');
    expect(en.review.availabilityCount(78, 80, 2)).toBe('Availability met 78 of 80 monitored services (2 at risk)');
    expect(en.review.availabilityCount(1, 1, 0)).toBe('Availability met 1 of 1 monitored service');
    expect(en.review.figuresCount(3, 4, 1)).toBe('Ticket and satisfaction targets met 3 of 4 (1 at risk)');
  });

  it('a revision’s history says what changed since: figures, the commentary, or both (RevisionHistory)', () => {
    const tail = ' This page keeps showing the published revision until a new one is recorded.';
    expect(en.review.changedSince(1, 0, true)).toBe(`Since revision 1 was published, the commentary changed.${tail}`);
    expect(en.review.changedSince(2, 1, false)).toBe(`Since revision 2 was published, the exports give 1 different figure.${tail}`);
    expect(en.review.changedSince(1, 18, true)).toBe(
      `Since revision 1 was published, the exports give 18 different figures and the commentary changed.${tail}`,
    );
    expect(zh.review.changedSince(1, 0, true)).toBe('修订版本 1 发布后，评述有改动。在记录新的修订版本之前，本页仍显示已发布的修订版本。');
    expect(zh.review.changedSince(1, 18, true)).toBe(
      '修订版本 1 发布后，导出数据给出了 18 项不同的数字，评述有改动。在记录新的修订版本之前，本页仍显示已发布的修订版本。',
    );
  });

  it('the texts the browser completes keep their figure slots: chart words and the print date (slots.ts)', () => {
    expect(slots(zh.review.printed)).toEqual(['打印于 ', 0]);
    expect(slots('{0} and {1}')).toEqual([0, ' and ', 1]);
    expect(slots('no slot')).toEqual(['no slot']);
  });
});

const days = fourDays;

type Ds = { label: string };
type Callbacks = { label: (item: TooltipItem<'bar' | 'line'>) => string };
const item = (label: string, dataIndex: number, y: number | null) =>
  ({ dataset: { label }, dataIndex, parsed: { y } }) as unknown as TooltipItem<'bar' | 'line'>;

describe('charts in Chinese', () => {
  const zh = { ...days, ...chartLanguage('zh-CN') };

  it('English payloads carry nothing extra: the chart script’s defaults are English', () => {
    expect(chartLanguage('en')).toEqual({});
  });

  it('draws the daily availability legend, target and tooltips in Chinese, with percent signs set close up', () => {
    const cfg = dailyAvailabilityConfig(zh, theme);
    const labels = (cfg.data.datasets as unknown as Ds[]).map((d) => d.label);
    expect(labels).toEqual(['达标', '未达标', '无数据（不计入）', '目标 99.50%', '维护窗口（不计入）', '当日部分时间无数据']);
    const tip = cfg.options?.plugins?.tooltip?.callbacks as unknown as Callbacks;
    expect(tip.label(item('未达标', 1, 0.98))).toBe('可用性 98.000%（未达标）');
    expect(tip.label(item('无数据（不计入）', 2, 1))).toBe('无数据：当日没有任何监测时间');
    // 3 600 000 of 86 400 000 ms without data: 4.17 % → 4 %.
    expect(tip.label(item('当日部分时间无数据', 3, 1))).toBe('当日部分时间无数据（4%）');
    expect(tip.label(item('维护窗口（不计入）', 1, 1))).toBe('维护窗口（不计入各项数字）');
    const y = cfg.options?.scales?.y as unknown as { ticks: { callback: (v: number) => string }; title: { text: string } };
    // The axis runs from 0.97 (zoomedMin of 0.98 and the target), so ticks have one decimal.
    expect(y.ticks.callback(0.99)).toBe('99.0%');
    expect(y.title.text).toBe('可用性');
    // Days as a Chinese reader writes them: 10月1日 on the axis, 2026年10月1日 over the tooltip.
    expect(cfg.data.labels?.slice(0, 2)).toEqual(['10月1日', '10月2日']);
    const title = (tip as unknown as { title: (items: Array<{ dataIndex: number }>) => string }).title;
    expect(title([{ dataIndex: 0 }])).toBe('2026年10月1日');
    // English as before: "10-01", and the date as written.
    const enCfg = dailyAvailabilityConfig(days, theme);
    expect(enCfg.data.labels?.slice(0, 1)).toEqual(['10-01']);
    const enTip = enCfg.options?.plugins?.tooltip?.callbacks as unknown as { title: (items: Array<{ dataIndex: number }>) => string };
    expect(enTip.title([{ dataIndex: 0 }])).toBe('2026-10-01');
  });

  it('draws latency in Chinese: the threshold and the axis title', () => {
    const cfg = dailyLatencyConfig(
      {
        kind: 'daily-latency',
        service: 'Search',
        dates: ['2026-10-01'],
        p50: [100],
        p95: [200],
        p99: [300],
        thresholdMs: 1500,
        ...chartLanguage('zh-CN'),
      },
      theme,
    );
    expect((cfg.data.datasets as unknown as Ds[]).map((d) => d.label)).toEqual(['p50', 'p95', 'p99', '阈值 1,500 ms']);
    // A tooltip line takes the full-width colon of the chart words (chartWords.valueTip).
    const tip = cfg.options?.plugins?.tooltip?.callbacks as unknown as { label: (item: TooltipItem<'line'>) => string };
    expect(tip.label(item('p95', 0, 200) as unknown as TooltipItem<'line'>)).toBe('p95：200 ms');
    const y = cfg.options?.scales?.y as unknown as { title: { text: string } };
    expect(y.title.text).toBe('延迟');
  });

  it('formats series tooltips and ticks in the payload’s locale', () => {
    const cfg = seriesConfig(
      {
        kind: 'lines',
        labels: ['2026年9月', '2026年10月'],
        series: [{ label: '可用性', values: [0.999, 1] }],
        unit: 'ratio',
        min: 0,
        max: 1,
        locale: 'zh-CN',
      },
      theme,
    );
    const tip = cfg.options?.plugins?.tooltip?.callbacks as unknown as Callbacks;
    // min 0 → whole-percent ticks; tooltips keep at least one decimal.
    expect(tip.label(item('可用性', 0, 0.999))).toBe('可用性: 99.9%');
    // With the page's chart words (ChartFigure adds them to every payload), the colon is the full-width one.
    const withWords = seriesConfig(
      {
        kind: 'lines',
        labels: ['2026年10月'],
        series: [{ label: '可用性', values: [1] }],
        unit: 'ratio',
        min: 0,
        max: 1,
        ...chartLanguage('zh-CN'),
      },
      theme,
    );
    const zhTip = withWords.options?.plugins?.tooltip?.callbacks as unknown as Callbacks;
    expect(zhTip.label(item('可用性', 0, 0.999))).toBe('可用性：99.9%');
    const y = cfg.options?.scales?.y as unknown as { ticks: { callback: (v: number) => string } };
    expect(y.ticks.callback(0.5)).toBe('50%');
  });

  it('writes a negative score with the minus sign in tooltips and ticks, as the tables beside the chart do (NPS)', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const cfg = seriesConfig(
        { kind: 'lines', labels: ['a', 'b'], series: [{ label: 'NPS', values: [-24.5, 10] }], unit: 'score', locale },
        theme,
      );
      const tip = cfg.options?.plugins?.tooltip?.callbacks as unknown as Callbacks;
      expect(tip.label(item('NPS', 0, -24.5))).toBe('NPS: −24.5');
      const y = cfg.options?.scales?.y as unknown as { ticks: { callback: (v: number) => string } };
      expect(y.ticks.callback(-20)).toBe('−20');
      expect(y.ticks.callback(2.5)).toBe('2.5');
    }
  });

  it('names the trend charts’ months, series and targets in the page’s language', () => {
    const snap = october();
    const zhCharts = trendCharts(snap, snap.headline.trend, 'zh-CN');
    expect(zhCharts.tickets.labels).toEqual(['2026年10月']);
    expect(zhCharts.tickets.series.map((s) => s.label)).toEqual(['解决 SLA 达成率', '首次响应 SLA 达成率']);
    // A space between the service's Latin name and the Chinese after it (docs/i18n.md, Chinese typography).
    expect(zhCharts.availability[0]?.label).toBe('API 每月可用性与其 99.00% 目标对比折线图');
    expect(zhCharts.availability[0]?.chart.reference).toEqual({ label: '目标 99.00%', value: 0.99 });
    // English as the pages read before issue #16.
    const enCharts = trendCharts(snap, snap.headline.trend);
    expect(enCharts.tickets.labels).toEqual(['October 2026']);
    expect(enCharts.tickets.series.map((s) => s.label)).toEqual(['Resolution SLA met', 'First-response SLA met']);
    expect(enCharts.availability[0]?.label).toBe('Line chart of API availability per month against its 99.00 % target');
    expect(enCharts.availability[0]?.chart.reference).toEqual({ label: 'Target 99.00 %', value: 0.99 });
  });
});

describe('commentary figures in the commentary’s language', () => {
  // api was down 30 min of 24 h 10 min covered (commentary-figures.test.ts): 1 − 1800 / 87000 = 0.97931.
  it('formats availability, targets and durations in Chinese; English as before', () => {
    const snap = october();
    expect(figureText(snap, { metric: 'availability', service: 'api' }, 'zh-CN')).toEqual({ text: '97.931%' });
    expect(figureText(snap, { metric: 'target', service: 'api' }, 'zh-CN')).toEqual({ text: '99.00%' });
    // Minutes alone are 分钟 (locale-format.ts formatDurationIn).
    expect(figureText(snap, { metric: 'downtime', service: 'api' }, 'zh-CN')).toEqual({ text: '30 分钟' });
    expect(figureText(snap, { metric: 'availability', service: 'api' })).toEqual({ text: '97.931 %' });
    expect(figureText(snap, { metric: 'downtime', service: 'api' }, 'en')).toEqual({ text: '30 min' });
  });
});

describe('source-agreement notes in the page’s language', () => {
  const boston = presetFor('boston-311')?.sourceVerdictNote as string;
  const servicenow = presetFor('servicenow-incident')?.sourceVerdictNote as string;

  it('English shows every note as the snapshot holds it: the dictionary’s English is the presets’ own text', () => {
    for (const note of [GENERIC_AGREEMENT_NOTE, boston, servicenow]) expect(agreementNoteIn(note, 'en')).toBe(note);
  });

  it('Chinese shows the tool’s notes in Chinese, field and tool names as written, and a config’s own note as written', () => {
    expect(agreementNoteIn(GENERIC_AGREEMENT_NOTE, 'zh-CN')).toBe(
      '两者不一致时，源系统所用的截止时间、计时方式或判定时刻与配置的目标及导出数据的截止时间不同。',
    );
    expect(agreementNoteIn(servicenow, 'zh-CN')).toBe(
      'made_sla 衡量的是到关闭（closed_at）的时间，而不是到解决的时间：按时解决但数天后才关闭的事件，在 ServiceNow 中算超时，在本站算按时。',
    );
    expect(agreementNoteIn(boston, 'zh-CN')).toMatch(/^市政系统/);
    expect(agreementNoteIn('Our own words.', 'zh-CN')).toBe('Our own words.');
  });

  it('shows field names as code in every language, and a config’s own note as written, never as markup', () => {
    expect(agreementNoteRich(servicenow, 'zh-CN')).toBe(
      '`made_sla` 衡量的是到关闭（`closed_at`）的时间，而不是到解决的时间：按时解决但数天后才关闭的事件，在 ServiceNow 中算超时，在本站算按时。',
    );
    expect(agreementNoteRich(servicenow, 'en')).toBe(
      '`made_sla` measures the time to closure (`closed_at`), not to resolution: an incident resolved in time but closed days later is late for ServiceNow and on time for us.',
    );
    expect(agreementNoteRich(GENERIC_AGREEMENT_NOTE, 'en')).toBe(GENERIC_AGREEMENT_NOTE);
    expect(agreementNoteRich('Our `own` **words**.', 'zh-CN')).toBeNull();
  });
});

describe('the English dictionary repeats the tool’s notes word for word', () => {
  it('holds the generic note and each preset’s note as the snapshot writes them', () => {
    const r = dictionary('en').review;
    expect(r.genericAgreement).toBe(GENERIC_AGREEMENT_NOTE);
    expect(r.presetAgreement['servicenow-incident']('made_sla', 'closed_at', 'ServiceNow')).toBe(
      presetFor('servicenow-incident')?.sourceVerdictNote,
    );
    expect(r.presetAgreement['boston-311']).toBe(presetFor('boston-311')?.sourceVerdictNote);
  });
});
