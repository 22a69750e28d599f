/**
 * A published revision's pages show the review's name it was published with: renaming the review
 * in the config renames the draft and the pages built from today's figures, not what a reader of a
 * published revision saw (found by an audit of "published means frozen": the title, header and
 * footer of /reviews/<period>/r1/ took today's name). The name is in the revision's snapshot.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliProcess as runCli } from '../helpers/cli-process.ts';

describe('a renamed review keeps its published revisions’ name', () => {
  let work = '';
  let config = '';
  const html = (p: string) => readFileSync(path.join(work, 'dist', p, 'index.html'), 'utf8');
  const title = (p: string) => /<title>([^<]*)<\/title>/.exec(html(p))?.[1];
  const header = (p: string) => /<a class="title"[^>]*>([^<]*)<\/a>/.exec(html(p))?.[1];

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-rename-'));
    cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
    config = path.join(work, 'review.config.yaml');
    expect(runCli(['build', '--config', config]).status).toBe(0);
    const p = runCli(['publish', '2026-Q4', '--message', 'Quarter review', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    writeFileSync(config, readFileSync(config, 'utf8').replace('name: Mini review', 'name: Renamed review'));
    const b = runCli(['build', '--config', config]);
    expect(b.status, b.stderr).toBe(0);
  }, 300_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('shows the published name on the revision’s permanent page and on the period page that shows it', () => {
    // The quarter, not the month: the site's first period (October) stays a draft, whose name was taken for every page.
    for (const p of ['reviews/2026-Q4/r1', 'reviews/2026-Q4']) {
      expect(title(p), p).toMatch(/ · Mini review$/);
      expect(header(p), p).toBe('Mini review');
      expect(html(p), p).not.toContain('Renamed review');
    }
  });

  it('shows today’s name where the pages show today’s figures', () => {
    expect(header('')).toBe('Renamed review');
    expect(header('method')).toBe('Renamed review');
    expect(header('reviews/2026-10')).toBe('Renamed review');
  });
});
