/**
 * A survey response names a ticket id that two ticket sources share (desk's 1001 and jira's 1001):
 * the join goes by the survey source's `ticketSources`, and without it the response is joined to
 * neither and reported as ambiguous, never given the first source's ticket. Built through the CLI
 * on a hand-worked review; the figures are worked beside the data.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { problemsOf } from '../helpers/config-problems.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// November 2026, UTC. desk's priority P1 (resolution 4 h) and jira's High (resolution 1 d) are two schemes.
// desk 1001: web, created 3 Nov 10:00, resolved 12:00 (2 h ≤ 4 h: met). desk 2002: web, 4 Nov 10:00–11:00 (met).
// jira 1001: api, created 5 Nov 10:00, resolved 7 Nov 10:00 (48 h > 24 h: breached).
// Survey csat (1–5, satisfied ≥ 4): S1 api 1001 csat 2; S2 web 2002 csat 5; S3 api 1001 csat 4.
function review(ticketSources: string | null, locales = '[en]'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-survey-join-'));
  dirs.push(dir);
  for (const d of ['desk', 'jira', 'survey']) mkdirSync(path.join(dir, d));
  const write = (file: string, lines: string[]) => writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  write('desk/tickets.csv', [
    'id,created,resolved,priority,service,title',
    '1001,2026-11-03 10:00,2026-11-03 12:00,P1,web,Login fails',
    '2002,2026-11-04 10:00,2026-11-04 11:00,P1,web,Checkout slow',
  ]);
  write('jira/tickets.csv', [
    'id,created,resolved,priority,service,title',
    '1001,2026-11-05 10:00,2026-11-07 10:00,High,api,Invoice missing',
  ]);
  write('survey/csat.csv', [
    'response_id,submitted_at,service,ticket,csat',
    'S1,2026-11-10 09:00,api,1001,2',
    'S2,2026-11-11 09:00,web,2002,5',
    'S3,2026-11-12 09:00,api,1001,4',
  ]);
  writeFileSync(
    path.join(dir, 'review.config.yaml'),
    `review: { name: Two desks, timeZone: UTC, locales: ${locales} }
services:
  - { id: api, name: API, owner: Platform }
  - { id: web, name: Web shop, owner: Web }
priorities:
  - { id: p1, name: P1, words: [P1], response: 30m, resolution: 4h, sources: [desk] }
  - { id: high, name: High, words: [High], response: 1h, resolution: 1d, sources: [jira] }
sources:
  - { id: desk, kind: tickets, files: "desk/*.csv", asOf: "2026-12-01 00:00" }
  - { id: jira, kind: tickets, files: "jira/*.csv", asOf: "2026-12-01 00:00" }
  - { id: csat, kind: surveys, files: "survey/*.csv"${ticketSources === null ? '' : `, ticketSources: ${ticketSources}`} }
`,
  );
  return path.join(dir, 'review.config.yaml');
}

async function november(config: string) {
  const r = await runCli(['build', '--data-only', '--no-cache', '--config', config]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(path.join(path.dirname(config), 'snapshots/draft/2026-11.json'), 'utf8')).satisfaction;
}

const csatOf = (f: { responses: number; csat: { share: number | null; n: number } }) => [f.responses, f.csat.share, f.csat.n];

describe('a survey naming a ticket id two ticket sources share', () => {
  it('without ticketSources: 1001 is joined to neither ticket, counted and listed as ambiguous with both sources', async () => {
    const s = await november(review(null));
    // Only S2 joins (desk 2002, p1, met): CSAT 1 of 1. Before, S1 and S3 took desk's 1001 (p1, met): p1 had 3 responses, 2 of 3 satisfied.
    expect(s.byPriority.map((p: { priority: string }) => [p.priority, ...csatOf(p as never)])).toEqual([['p1', 1, 1, 1]]);
    expect(csatOf(s.byResolutionOutcome.met)).toEqual([1, 1, 1]);
    expect(csatOf(s.byResolutionOutcome.breached)).toEqual([0, null, 0]);
    expect(s.ticketJoin).toEqual({
      withoutTicketId: 0,
      withTicketId: 3,
      matched: 1,
      unmatched: 0,
      unmatchedTicketIds: [],
      ambiguous: 2,
      ambiguousTickets: [{ ticketId: '1001', sources: ['desk', 'jira'] }],
    });
    // Overall and per service go by the response itself (its service column), as for an unmatched ticket:
    // overall 2 of 3 satisfied (S2 5, S3 4); api S1 2, S3 4: 1 of 2; web S2: 1 of 1.
    expect(csatOf(s.overall)).toEqual([3, 2 / 3, 3]);
    expect(s.byService.map((b: { service: string }) => [b.service, ...csatOf(b as never)])).toEqual([
      ['api', 2, 0.5, 2],
      ['web', 1, 1, 1],
    ]);
  });

  it('with ticketSources: jira, 1001 is jira’s ticket (High, breached) and 2002, desk’s only, is not among its ticket sources', async () => {
    const s = await november(review('jira'));
    // S1 (2) and S3 (4) join jira 1001: High, breached; 1 of 2 satisfied.
    expect(s.byPriority.map((p: { priority: string }) => [p.priority, ...csatOf(p as never)])).toEqual([['high', 2, 0.5, 2]]);
    expect(csatOf(s.byResolutionOutcome.breached)).toEqual([2, 0.5, 2]);
    expect(csatOf(s.byResolutionOutcome.met)).toEqual([0, null, 0]);
    // S2's 2002 is desk's: not "a ticket not in the exports" (before: unmatched 1, unmatchedTicketIds ['2002']).
    expect(s.ticketJoin).toEqual({
      withoutTicketId: 0,
      withTicketId: 3,
      matched: 2,
      unmatched: 0,
      unmatchedTicketIds: [],
      outsideTicketSources: 1,
      outsideTicketSourcesTickets: [{ ticketId: '2002', ticketSources: ['jira'] }],
    });
  });

  it('with ticketSources: [desk, jira] the id is still ambiguous: both listed sources have it', async () => {
    const s = await november(review('[desk, jira]'));
    expect(s.ticketJoin).toMatchObject({ matched: 1, ambiguous: 2, ambiguousTickets: [{ ticketId: '1001', sources: ['desk', 'jira'] }] });
  });

  // The survey file: header on line 1, S1 on 2, S2 on 3, S3 on 4; S1 and S3 name 1001.
  const warning =
    'warning: survey/csat.csv:2: 2 responses (lines 2, 4) name ticket 1001, which ticket sources desk and jira both have: joined to neither (source csat); set sources[2].ticketSources to the ticket source(s) its ids belong to';

  it('check warns of each ambiguous id with the survey file and lines, the sources and the key that settles it', async () => {
    const config = review(null);
    const r = await runCli(['check', '--config', config]);
    expect(r.code, r.err).toBe(0);
    // Before: a line on stdout, not a warning, so --strict passed and --json said nothing.
    expect(r.err).toContain(warning);
    const strict = await runCli(['check', '--strict', '--config', config]);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('--strict: 1 survey ticket id joined to no ticket: several ticket sources have it');
    const json = JSON.parse((await runCli(['check', '--json', '--config', config])).out) as { warnings: unknown[] };
    expect(json.warnings).toEqual([
      {
        kind: 'ambiguous-survey-join',
        file: 'survey/csat.csv',
        line: 2,
        message:
          '2 responses (lines 2, 4) name ticket 1001, which ticket sources desk and jira both have: joined to neither (source csat); set sources[2].ticketSources to the ticket source(s) its ids belong to',
      },
    ]);
  });

  it('with ticketSources: [desk, jira] the warning says to narrow the key; with jira, no warning, and 2002 is said to be outside it', async () => {
    const both = await runCli(['check', '--config', review('[desk, jira]')]);
    expect(both.err).toContain(
      'warning: survey/csat.csv:2: 2 responses (lines 2, 4) name ticket 1001, which ticket sources desk and jira both have: joined to neither (source csat); narrow sources[2].ticketSources (desk, jira) to the ticket source its ids belong to',
    );
    const settled = await runCli(['check', '--strict', '--config', review('jira')]);
    expect(settled.code, settled.err).toBe(0);
    expect(settled.err).not.toContain('warning');
    expect(settled.out).toContain(
      'source csat (surveys): 1 response names a ticket not among its ticket sources (jira), only other ticket sources have it (2002 at survey/csat.csv:3): joined to none; sources[2].ticketSources decides',
    );
  });
});

describe('the review page, in both languages', () => {
  it('says which ids are ambiguous, with their sources and the key that settles them', async () => {
    const config = review(null, '[en, zh-CN]');
    const r = await runCli(['build', '--no-cache', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const note = (locale: string) => {
      const html = readFileSync(path.join(path.dirname(config), `dist/${locale}/reviews/2026-11/index.html`), 'utf8');
      return [...html.matchAll(/<p class="note"[^>]*>(.*?)<\/p>/gs)].map((m) => m[1] as string).find((p) => p.includes('1001'));
    };
    expect(note('en')).toBe(
      '3 responses name a ticket; 1 matched one. 2 name a ticket id that several ticket sources have (1001: desk, jira), so which ticket is not known; they count in the overall and per-service figures, not in those by resolution SLA or priority. Naming the survey source&#39;s ticket sources in the config (<code>ticketSources</code>) joins them.',
    );
    expect(note('zh-CN')).toBe(
      '3 份回复提及工单；其中 1 份匹配到工单。2 份提及的工单号在多个工单来源中都有（1001：desk、jira），无法确定是哪张工单；它们计入总体和各服务的数字，不计入按解决 SLA 或优先级的数字。在配置中为该调查来源指明工单来源（<code>ticketSources</code>）即可关联。',
    );
  }, 60_000);

  it('says a ticket of another source is not among the survey source’s ticket sources, not that it is missing from the exports', async () => {
    const config = review('jira', '[en, zh-CN]');
    const r = await runCli(['build', '--no-cache', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const note = (locale: string) => {
      const html = readFileSync(path.join(path.dirname(config), `dist/${locale}/reviews/2026-11/index.html`), 'utf8');
      return [...html.matchAll(/<p class="note"[^>]*>(.*?)<\/p>/gs)].map((m) => m[1] as string).find((p) => p.includes('2002'));
    };
    // Before: "1 name a ticket that is not in the exports (2002)", though desk has 2002.
    expect(note('en')).toBe(
      '3 responses name a ticket; 2 matched one. 1 name a ticket that is not among their survey source&#39;s ticket sources (2002: not in jira), only other ticket sources have it; they count in the overall and per-service figures, not in those by resolution SLA or priority.',
    );
    expect(note('zh-CN')).toBe(
      '3 份回复提及工单；其中 2 份匹配到工单。1 份提及的工单不在其调查来源指明的工单来源中（2002：不在 jira 中），只有其他工单来源有该工单；它们计入总体和各服务的数字，不计入按解决 SLA 或优先级的数字。',
    );
  }, 60_000);
});

describe('ticketSources in the config', () => {
  const base = {
    review: { name: 'R', timeZone: 'UTC' },
    services: [{ id: 'api', name: 'API', owner: 'Team' }],
    priorities: [{ id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' }],
  };
  const tickets = [
    { id: 'desk', kind: 'tickets', files: 'd/*.csv' },
    { id: 'jira', kind: 'tickets', files: 'j/*.csv' },
  ];

  it('names ticket sources: one or a list', () => {
    expect(problemsOf({ ...base, sources: [...tickets, { id: 'csat', kind: 'surveys', files: 's.csv', ticketSources: 'jira' }] })).toEqual(
      [],
    );
    expect(
      problemsOf({ ...base, sources: [...tickets, { id: 'csat', kind: 'surveys', files: 's.csv', ticketSources: ['desk', 'jira'] }] }),
    ).toEqual([]);
  });

  it('a name that is no ticket source, an empty list, or the key on another kind is an error with its path, all at once', () => {
    expect(
      problemsOf({
        ...base,
        sources: [
          ...tickets,
          { id: 'csat', kind: 'surveys', files: 's.csv', ticketSources: ['jira', 'jria', 'csat'] },
          { id: 'nps', kind: 'surveys', files: 'n.csv', ticketSources: 'zendesk' },
          { id: 'ces', kind: 'surveys', files: 'c.csv', ticketSources: [] },
          { id: 'old', kind: 'tickets', files: 'o.csv', ticketSources: ['desk'] },
        ],
      }),
    ).toEqual([
      'sources[4].ticketSources: expected at least one ticket source, got a list',
      'sources[2].ticketSources[1]: not a ticket source (ticket sources: desk, jira, old), got "jria"',
      'sources[2].ticketSources[2]: not a ticket source (ticket sources: desk, jira, old), got "csat"',
      'sources[3].ticketSources: not a ticket source (ticket sources: desk, jira, old), got "zendesk"',
      "sources[5].ticketSources: only a surveys source names the ticket sources of its responses' ticket ids, got a list",
    ]);
  });
});
