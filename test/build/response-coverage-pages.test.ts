/**
 * A review with two ticket sources, one without a first-response column (test/helpers/two-ticket-sources.ts),
 * built through the CLI into a site in English and Chinese: the ticket table of each period, its
 * tickets page and the method page say which tickets the first-response figures cover; with the one
 * source that records them, no page says it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { twoSourceReview } from '../helpers/two-ticket-sources.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Builds the review's site; a function giving a built page's text by its path under dist/. */
function built(sources: 'both' | 'desk'): (page: string, file?: string) => string {
  const config = twoSourceReview(sources, { bilingual: true });
  dirs.push(path.dirname(config));
  const r = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, 'build', '--config', config],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return (page, file = 'index.html') => readFileSync(path.join(path.dirname(config), 'dist', page, file), 'utf8');
}

const NOTE = {
  en: 'First-response figures cover the tickets of desk only: the exports of legacy record no first responses, so those tickets are judged on resolution alone.',
  'zh-CN': '首次响应指标仅涵盖 desk 的工单：legacy 的导出未记录首次响应，这些工单只按解决时限评判。',
};

describe('pages of a review whose ticket sources differ on first responses', () => {
  it('say which tickets the response figures cover, in both languages', () => {
    const page = built('both');
    for (const locale of ['en', 'zh-CN'] as const) {
      const note = `data-response-coverage>${NOTE[locale]}<`;
      for (const p of ['reviews/2026-11', 'reviews/2026-Q4', 'reviews/2026', 'reviews/2026-11/tickets', 'method'])
        expect(page(`${locale}/${p}`), `${locale}/${p}`).toContain(note);
    }
    // The headline card and the digest give the figure without the ticket table: they say whose tickets it counts.
    const card = (html: string) => html.match(/data-card="response"[\s\S]*?<\/div>\s*<\/div>/)?.[0] ?? '';
    expect(card(page('en'))).toContain('tickets judged (tickets of desk only)');
    expect(card(page('zh-CN'))).toContain('（仅 desk 的工单）');
    expect(card(page('en/reviews/2026-11'))).toContain('(tickets of desk only)');
    expect(page('en/reviews/2026-11', 'digest.md')).toContain('(tickets of desk only)');
    expect(page('zh-CN/reviews/2026-11', 'digest.html')).toContain('（仅 desk 的工单）');
  }, 120_000);

  it('say nothing of it where the one ticket source records first responses', () => {
    const page = built('desk');
    for (const p of ['en/reviews/2026-11', 'en/reviews/2026-11/tickets', 'en/method', 'zh-CN/reviews/2026-11'])
      expect(page(p), p).not.toContain('data-response-coverage');
    expect(page('en')).not.toContain('tickets of desk only');
    expect(page('en/reviews/2026-11', 'digest.md')).not.toContain('only)');
  }, 120_000);
});
