/**
 * The mini fixture in two languages with a draft view of a published October: October is published as r1,
 * then the ticket export changes. T-2 (web, P2: first response 1 h, resolution 8 h, business hours Mon–Fri
 * 09:00–17:00) was open in r1, so it missed its resolution target. Now it was resolved at 13:00 on Thursday
 * 1 October, 3 business hours after it was created at 10:00: within 8 h, so web's resolution SLA goes from
 * 0 of 1 met to 1 of 1. Its first response at 12:00 is still 2 business hours late (more than 1 h), so T-2
 * stays on the tickets page, for its response only. The caller builds the site.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCliProcess as runCli } from './cli-process.ts';

/**
 * @param prefix the temporary folder's name prefix
 * @param before what to add to the copy before October is published (commentary, for one)
 * @returns the copy's folder and its config file
 */
export function miniWithOctoberDraft(prefix: string, before: (work: string) => void = () => {}): { work: string; config: string } {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
  const config = path.join(work, 'review.config.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('  name: Mini review\n', '  name: Mini review\n  locales: [en, zh-CN]\n'));
  before(work);
  expect(runCli(['build', '--data-only', '--config', config]).status).toBe(0);
  const p = runCli(['publish', '2026-10', '--message', 'October review', '--config', config]);
  expect(p.status, p.stderr).toBe(0);
  const tickets = path.join(work, 'data/tickets.csv');
  writeFileSync(
    tickets,
    readFileSync(tickets, 'utf8').replace(
      'T-2,2026-10-01 10:00,2026-10-01 12:00,,P2,Access,web,无法登录,Open',
      'T-2,2026-10-01 10:00,2026-10-01 12:00,2026-10-01 13:00,P2,Access,web,无法登录,Resolved',
    ),
  );
  return { work, config };
}
