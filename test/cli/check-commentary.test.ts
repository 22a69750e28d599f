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
  'Text <Figure metric="created" servce="api" />.',
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
    const from = lines.indexOf('error: 5 problems in the commentary');
    expect(from, r.err).toBeGreaterThanOrEqual(0);
    expect(lines.slice(from + 1)).toEqual([
      '  content/reviews/2026-09.mdx: front matter summary: Invalid input: expected string (missing)',
      '  content/reviews/2026-10.mdx:3: <Figure metric="availability" service="apx" />: unknown service "apx"; valid: api',
      '  content/reviews/2026-10.mdx:6: <Figure metric="created" servce="api" />: unknown attribute "servce"; valid: metric, service, priority',
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
    expect((JSON.parse(json.out) as { commentary: string[] }).commentary).toHaveLength(5);
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
    expect(problems(c.err)).toHaveLength(4);
  });

  it('a commentary the build shows passes', async () => {
    write(
      '2026-10.mdx',
      october
        .replace('apx', 'api')
        .replace('servce', 'service')
        .replace(/.*helpdesk.*\n/, '')
        .replace('<Chart />\n', ''),
    );
    write('2026-09.mdx', '---\nperiod: "2026-09"\nsummary: Calm.\n---\n\nCalm.\n');
    const r = await runCli(['check', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('commentary');
  });
});
