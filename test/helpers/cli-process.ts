/**
 * The CLI as its own process, as a user runs it (for tests that build a real site): a fixed zone
 * and user, no base path or site from the environment but a base path the test gives; a user error must be a message, never a
 * stack trace. And a built page's text as a reader sees it (tags, styles and scripts left out).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');

export function runCliProcess(args: string[], vars: { REVIEW_BASE?: string } = {}) {
  const { REVIEW_BASE: _base, REVIEW_SITE: _site, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...env, TZ: 'Pacific/Auckland', USER: 'analyst', ...vars },
  });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r;
}

/** A page's text without tags, styles or scripts, whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}
