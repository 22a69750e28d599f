/**
 * `check` (what pull-request CI runs) finds the commentary problems the config alone shows, with the
 * rules build and publish use (commentary-check.ts), so a misspelt service is an error in the pull
 * request rather than at the monthly build. The review is test/helpers/small-review.ts: one monitored
 * service (api, with checks in September and October) and one priority (p1); a second service,
 * helpdesk, is added without a target, so it has no figures in any period.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { makeReview } from '../helpers/small-review.ts';

const october = [
  '---',
  'period: "2026-10"',
  'summary: "API <Figure metric=\\"availability\\" service=\\"apx\\" />"',
  '---',
  '',
  'Text <Figure metric="created" servce="api" /> {figures.api}.',
  '<Figure metric="created" service="helpdesk" />',
  '<Chart />',
  '<Trend metric="availability" service="api" /> <Figure metric="created" priority="p1" />',
  '',
].join('\n');

describe('check reports commentary problems before the build', () => {
  let dir = '';
  let config = '';
  const write = (name: string, text: string) => writeFileSync(path.join(dir, 'content/reviews', name), text);

  beforeAll(() => {
    dir = makeReview();
    config = path.join(dir, 'review.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('priorities:\n', '  - { id: helpdesk, name: Helpdesk, owner: Support }\npriorities:\n'),
    );
    mkdirSync(path.join(dir, 'content/reviews'), { recursive: true });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every problem of every file at once, each with its file (and line in the body), exit 1', async () => {
    write('2026-10.mdx', october);
    write('2026-09.mdx', '---\nperiod: "2026-09"\ntitle: September\n---\n\nCalm.\n');
    // The review builds English only: a Chinese file, and one whose locale is misspelt, are shown nowhere.
    write('2026-10.zh-CN.mdx', '---\nperiod: "2026-10"\nsummary: "平稳"\n---\n\n平稳。\n');
    write('2026-10.zh-cn.mdx', '---\nperiod: "2026-10"\nsummary: "平稳"\n---\n\n平稳。\n');
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    const from = lines.indexOf('error: 6 problems in the commentary');
    expect(from, r.err).toBeGreaterThanOrEqual(0);
    expect(lines.slice(from + 1)).toEqual([
      '  content/reviews/2026-09.mdx:1 summary: Invalid input: expected string (missing)',
      '  content/reviews/2026-10.mdx:3: <Figure metric="availability" service="apx" />: unknown service "apx"; valid: api',
      '  content/reviews/2026-10.mdx:6: <Figure metric="created" servce="api" />: unknown attribute "servce"; valid: metric, service, priority',
      // MDX compiles the name as written: the page would fail at render (`figures is not defined`).
      `  content/reviews/2026-10.mdx:6:48: {figures.api}: unknown name "figures"; valid: frontmatter, props and JavaScript's built-ins`,
      // helpdesk is in the config but has no target: no period's snapshot has figures for it.
      '  content/reviews/2026-10.mdx:7: <Figure metric="created" service="helpdesk" />: unknown service "helpdesk"; valid: api',
      '  content/reviews/2026-10.mdx:8: <Chart>: unknown component "Chart"; valid: Figure, Trend, RecurringIssues',
    ]);
    // Files no page shows are warnings (a translation may be written before its language is built), errors under --strict.
    expect(lines).toContain(
      'warning: content/reviews/2026-10.zh-cn.mdx: commentary no page shows: not named <period>.mdx or <period>.<locale>.mdx (2026-10.mdx, 2026-Q4.zh-CN.mdx)',
    );
    expect(lines).toContain(
      "warning: content/reviews/2026-10.zh-CN.mdx: commentary no page shows: zh-CN is not one of the review's locales (en)",
    );
    const json = await runCli(['check', '--json', '--config', config]);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.out) as { commentary: string[] }).commentary).toHaveLength(6);
  });

  it("says what publish says, in the same words; what needs a period's figures only publish and build find", async () => {
    rmSync(path.join(dir, 'content/reviews/2026-10.zh-CN.mdx'));
    rmSync(path.join(dir, 'content/reviews/2026-10.zh-cn.mdx'));
    const c = await runCli(['check', '--config', config]);
    const p = await runCli(['publish', '2026-10', '--config', config]);
    expect(p.code).toBe(1);
    const problems = (err: string) => err.split('\n').filter((l) => l.startsWith('  content/reviews/2026-10.mdx'));
    // October has no tickets (small-review.ts: T-1 is September's), so no priority applies then:
    // priority="p1" is valid by the config, and only the snapshot shows it has no October figures.
    expect(problems(p.err)).toEqual([
      ...problems(c.err),
      '  content/reviews/2026-10.mdx:9: <Figure metric="created" priority="p1" />: unknown priority "p1"; valid: none in this period',
    ]);
    expect(problems(c.err)).toHaveLength(5);
  });

  it('a commentary the build shows passes', async () => {
    write(
      '2026-10.mdx',
      october
        .replace('apx', 'api')
        .replace('servce', 'service')
        .replace(' {figures.api}', '')
        .replace(/.*helpdesk.*\n/, '')
        .replace('<Chart />\n', ''),
    );
    write('2026-09.mdx', '---\nperiod: "2026-09"\nsummary: Calm.\n---\n\nCalm.\n');
    const r = await runCli(['check', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('commentary');
  });
});

// Before: the first config or export error stopped check, and the commentary's problems were found
// only in a later run (or at the monthly build). The exports' error and the config's are those of
// test/ingest/header-mapping.test.ts and the config tests.
describe('a config or export error does not hide the commentary problems: every problem in one run', () => {
  let dir = '';
  let config = '';
  const commentary = [
    '---',
    'period: "2026-10"',
    'summary: 42',
    '---',
    '',
    'Text {foo} <Figure metric="created" service="apx" />',
    '',
  ].join('\n');
  beforeAll(() => {
    dir = makeReview();
    config = path.join(dir, 'review.config.yaml');
    mkdirSync(path.join(dir, 'content/reviews'), { recursive: true });
    writeFileSync(path.join(dir, 'content/reviews/2026-10.mdx'), commentary);
    // A ticket export without its priority column cannot be read.
    writeFileSync(path.join(dir, 'data/tickets.csv'), 'id,created\nT-1,2026-09-10 12:05\n');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports that cannot be read, and the commentary checked against the valid config, in one run; --json carries both', async () => {
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines).toEqual([
      'error: cannot read the exports: 1 problem',
      '  data/tickets.csv: missing required column priority ("priority"); the header has "id", "created"',
      'error: 3 problems in the commentary',
      '  content/reviews/2026-10.mdx:3 summary: Invalid input: expected string, got 42',
      `  content/reviews/2026-10.mdx:6:7: {foo}: unknown name "foo"; valid: frontmatter, props and JavaScript's built-ins`,
      '  content/reviews/2026-10.mdx:6: <Figure metric="created" service="apx" />: unknown service "apx"; valid: api',
    ]);
    const json = await runCli(['check', '--json', '--config', config]);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.out) as { files: Array<{ file: string; error: string | null }>; warnings: unknown[]; commentary: string[] };
    expect(out.files.map((f) => [f.file, f.error !== null])).toEqual([
      ['data/checks-2026-09.csv', false],
      ['data/checks-2026-10.csv', false],
      ['data/tickets.csv', true],
    ]);
    expect(out.warnings).toEqual([]);
    expect(out.commentary).toEqual(lines.slice(3).map((l) => l.slice(2)));
  });

  it('a config that is not valid: what can be checked without it, and one line saying what is not', async () => {
    writeFileSync(config, readFileSync(config, 'utf8').replace('timeZone: UTC', 'timeZone: UTC\n  timezone: UTC'));
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      "warning: content/reviews: services and priorities of <Figure> and <Trend> not checked, nor the commentary's languages: the config is not valid",
      `error: ${config}: 1 problem in the config`,
      '  review: unknown key "timezone"; did you mean timeZone?',
      'error: 2 problems in the commentary',
      '  content/reviews/2026-10.mdx:3 summary: Invalid input: expected string, got 42',
      `  content/reviews/2026-10.mdx:6:7: {foo}: unknown name "foo"; valid: frontmatter, props and JavaScript's built-ins`,
    ]);
    const json = await runCli(['check', '--json', '--config', config]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({
      files: [],
      warnings: [
        {
          kind: 'commentary-unchecked',
          file: 'content/reviews',
          message: "services and priorities of <Figure> and <Trend> not checked, nor the commentary's languages: the config is not valid",
        },
      ],
      commentary: [
        'content/reviews/2026-10.mdx:3 summary: Invalid input: expected string, got 42',
        `content/reviews/2026-10.mdx:6:7: {foo}: unknown name "foo"; valid: frontmatter, props and JavaScript's built-ins`,
      ],
    });
  });
});
