/**
 * The Chinese pages in the states the bundled sample never reaches (issue #16, the real exports'
 * audit): a month whose every check is down (no latency), a month with no tickets, tickets exported
 * without a reopen field (Boston 311, Upptime-only months), and quarter and year pages beside the
 * months. A small review is built through the real CLI in both languages; every Chinese page is
 * scanned for English as test/build/zh-pages-english.test.ts scans the sample's, and the empty
 * states are read by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dictionary } from '../../src/lib/site/i18n/dictionaries.ts';
import { dataTexts, englishFragments, englishHits, markdownText, visibleText } from '../helpers/english-scan.ts';
import { monthOfChecks } from '../helpers/small-review.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');

const CONFIG = `review:
  name: Empty states
  timeZone: UTC
  locales: [zh-CN, en]
services:
  - { id: api, name: API, owner: Platform, target: 0.99, latencyThresholdMs: 200 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
sources:
  - { id: mon, kind: checks, files: "data/checks-*.csv" }
  - { id: desk, kind: tickets, files: data/tickets.csv }
`;

describe('Chinese pages in the states the sample never reaches', () => {
  let work: string;
  const page = (p: string) => visibleText(readFileSync(path.join(work, 'dist/zh-CN', p), 'utf8')).join('\n');

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-zh-empty-'));
    mkdirSync(path.join(work, 'data'));
    writeFileSync(path.join(work, 'review.config.yaml'), CONFIG);
    // September up all month; October down all month: no check is up and out of maintenance.
    // Exported without a probe column: the checks' one probe is the tool's, unnamed.
    const withoutProbe = (csv: string) => csv.replace('service,probe,', 'service,').replaceAll(',api,p1,', ',api,');
    writeFileSync(path.join(work, 'data/checks-2026-09.csv'), withoutProbe(monthOfChecks(2026, 9, () => false)));
    writeFileSync(path.join(work, 'data/checks-2026-10.csv'), withoutProbe(monthOfChecks(2026, 10, () => true)));
    // Tickets in September only, without a reopen column; October has none.
    writeFileSync(
      path.join(work, 'data/tickets.csv'),
      'id,created,first_response,resolved,priority,title\nT-1,2026-09-10 12:05,2026-09-10 12:10,2026-09-10 13:00,P1,API down\n',
    );
    const { REVIEW_BASE: _b, REVIEW_SITE: _s, ...env } = process.env;
    const r = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, 'build', '--config', path.join(work, 'review.config.yaml')],
      { cwd: ROOT, encoding: 'utf8', env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' } },
    );
    expect(r.status, r.stderr).toBe(0);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('leaves no English interface word on any Chinese page', () => {
    const snapshots = path.join(work, 'snapshots/draft');
    const data = [
      ...readdirSync(snapshots).flatMap((f) =>
        dataTexts(JSON.parse(readFileSync(path.join(snapshots, f), 'utf8')), (at) => /rejects\[\]\.reason$/.test(at)),
      ),
      ...dataTexts(parse(CONFIG), () => false),
    ];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : /^(index\.html|digest\.(html|md))$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    const files = walk(path.join(work, 'dist/zh-CN'));
    expect(files.map((f) => path.relative(work, f))).toContain('dist/zh-CN/reviews/2026/data-quality/index.html');
    const fragments = englishFragments();
    const other = [dictionary('en').digest.otherLanguage];
    const failed = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return englishHits(f.endsWith('.md') ? markdownText(text, other) : visibleText(text), data, fragments).map(
        (h) => `${path.relative(work, f)}: ${h.key}: "${h.text}" in “${h.context}”`,
      );
    });
    expect(failed).toEqual([]);
  });

  it('a month without a latency figure says so, instead of "其中无数据不超过…的阈值"', () => {
    const october = page('reviews/2026-10/services/api/index.html');
    expect(october).toContain('没有既非不可用、也不在维护中的检测，因此没有延迟数字。');
    expect(october).not.toContain('其中无数据');
    expect(page('reviews/2026-09/services/api/index.html')).toContain('基于 4,320 次既非不可用、也不在维护中的检测');
  });

  it('tickets without reopen data say so, instead of "在 0 张…工单中占无数据"', () => {
    expect(page('reviews/2026-09/index.html')).toContain('重开率：无数据（没有带重开记录的已解决工单）。');
    expect(page('reviews/2026-09/index.html')).not.toContain('在 0 张有重开记录');
  });

  it('a month without tickets says so once: no empty recurring-issues table, no "0 张工单，分为 0 组"', () => {
    const html = readFileSync(path.join(work, 'dist/zh-CN/reviews/2026-10/index.html'), 'utf8');
    expect(html).not.toContain('data-table="recurring"');
    expect(page('reviews/2026-10/index.html').match(/本期没有新建工单。/g)?.length).toBe(1);
    expect(page('reviews/2026-10/index.html')).not.toContain('分为 0 组');
    // September has its ticket: the table is there.
    expect(readFileSync(path.join(work, 'dist/zh-CN/reviews/2026-09/index.html'), 'utf8')).toContain('data-table="recurring"');
  });

  it('names no probe "default" when the export names none: the one probe is said to be unnamed, in each language', () => {
    expect(page('reviews/2026-09/services/api/index.html')).toContain('探针：一个，未命名（导出数据未注明）。');
    expect(page('reviews/2026-09/services/api/index.html')).not.toContain('default');
    const en = visibleText(readFileSync(path.join(work, 'dist/en/reviews/2026-09/services/api/index.html'), 'utf8')).join('\n');
    expect(en).toContain('Probes: one, unnamed (the export names none).');
  });

  it('quarter and year pages name their period, not the month', () => {
    const year = page('reviews/2026/data-quality/index.html');
    expect(year).toContain('包含本年数据的文件');
    expect(year).toContain('各数据源的数据截至时间：数字以年末与该时间中较早者为准');
    expect(year).not.toMatch(/本月|月末/);
    expect(page('reviews/2026-Q4/data-quality/index.html')).toContain('包含本季度数据的文件');
    const service = page('reviews/2026/services/api/index.html');
    expect(service).toContain('本年快照 (JSON)');
    expect(service).toContain('故障（确认不可用的最长连续时段；截取到本年）');
    expect(page('reviews/2026-10/data-quality/index.html')).toContain('包含本月数据的文件');
  });
});
