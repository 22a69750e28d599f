/**
 * What the browser test files share: running the CLI, opening a page while recording its problems,
 * a context kept on 127.0.0.1, and axe-core's serious and critical findings.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from '../../src/lib/site/find-chromium.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Chromium's options for every browser test: the ones `review pdf` prints with (headless, offline, no first-run work). */
export const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS];

/**
 * A copy of the bundled sample (config, exports, commentary) in `dir`, in the given languages
 * (review.locales) when asked; returns the config's path.
 */
export function copySample(dir: string, locales?: readonly string[]): string {
  for (const f of ['review.config.yaml', 'data', 'content']) cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  const config = path.join(dir, 'review.config.yaml');
  if (locales) {
    const yaml = readFileSync(config, 'utf8');
    // The sample may already name its languages (it builds en and zh-CN): replace that line, else add one.
    const line = `  locales: [${locales.join(', ')}]`;
    const changed = /^ {2}locales:.*$/m.test(yaml)
      ? yaml.replace(/^ {2}locales:.*$/m, line)
      : yaml.replace(/^review:\n/m, `review:\n${line}\n`);
    if (!changed.includes(line)) throw new Error('the sample config has no review: section to add locales to');
    writeFileSync(config, changed);
  }
  return config;
}

export function runCli(args: string[], env: Record<string, string | undefined>): void {
  const merged: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: merged,
  });
  if (r.status !== 0) throw new Error(`service-review ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
}

export interface Opened {
  page: Page;
  problems: string[];
  scripts: Array<{ url: string; gzip: number }>;
}

/** Opens a page, recording console errors, page errors, failed requests, HTTP errors and scripts loaded. */
export async function open(ctx: BrowserContext, url: string): Promise<Opened> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  const scripts: Opened['scripts'] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', async (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    if (r.request().resourceType() === 'script') {
      try {
        scripts.push({ url: r.url(), gzip: gzipSync(await r.body()).length });
      } catch {
        // body gone with the page
      }
    }
  });
  const res = await page.goto(url, { waitUntil: 'load' });
  expect(res?.status(), url).toBe(200);
  await page.waitForLoadState('networkidle');
  // Wait until every chart on the page has drawn (a chart that never draws fails the ink test).
  await page
    .waitForFunction(
      () => [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].every((c) => c.dataset.drawn === 'true'),
      null,
      {
        timeout: 10_000,
      },
    )
    .catch(() => {});
  return { page, problems, scripts };
}

/** A browser context whose every request must stay on 127.0.0.1. */
export async function context(
  browser: Browser,
  offsite: string[],
  opts: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  await ctx.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1') return route.continue();
    offsite.push(u.href);
    return route.abort();
  });
  return ctx;
}

export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<Record<string, unknown>> }> } })
      .axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      help: v.help as string,
      nodes: (v.nodes as Array<{ target: string[] }>).slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(' | ')}`);
}
