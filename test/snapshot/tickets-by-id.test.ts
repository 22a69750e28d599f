/** The one map of a build's tickets by id (tickets-by-id.ts), shared by the drill-down and the surveys' join. */
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../src/lib/model/records.ts';
import { surveyJoinIssues, surveyTicketJoin, surveyTicketSources, ticketsById } from '../../src/lib/snapshot/tickets-by-id.ts';
import { ticketRecord } from '../helpers/ticket-record.ts';

describe('ticketsById', () => {
  it('finds each ticket by its id; a repeated id keeps the first ticket of the export', () => {
    const first = ticketRecord({ id: 'T-1', priority: 'p1', createdMs: 1_000 });
    const repeat = ticketRecord({ id: 'T-1', priority: 'p2', createdMs: 2_000 });
    const other = ticketRecord({ id: 'T-2', priority: 'p3', createdMs: 3_000 });
    const byId = ticketsById([first, other, repeat]);
    expect(byId.size).toBe(2);
    expect(byId.get('T-1')).toBe(first);
    expect(byId.get('T-2')).toBe(other);
    expect(byId.get('T-3')).toBeUndefined();
  });

  it('an export without tickets gives an empty map', () => {
    expect(ticketsById([]).size).toBe(0);
  });
});

describe('surveyTicketJoin', () => {
  // desk and jira both number a 1001; 2002 is desk's alone.
  const desk1001 = ticketRecord({ source: 'desk', id: '1001', priority: 'p1', createdMs: 1_000 });
  const desk2002 = ticketRecord({ source: 'desk', id: '2002', priority: 'p1', createdMs: 2_000 });
  const jira1001 = ticketRecord({ source: 'jira', id: '1001', priority: 'p1', createdMs: 3_000 });
  const tickets = [desk1001, desk2002, jira1001];
  const byId = ticketsById(tickets);
  const asked = (source: string, ticketId: string | null): SurveyResponse => ({
    source,
    id: null,
    timeMs: 0,
    service: null,
    ticketId,
    csat: 5,
    nps: null,
    ces: null,
    comment: null,
  });
  const rules = surveyTicketSources([
    { id: 'desk', kind: 'tickets' },
    { id: 'jira-csat', kind: 'surveys', ticketSources: 'jira' },
    { id: 'both', kind: 'surveys', ticketSources: ['desk', 'jira'] },
    { id: 'any', kind: 'surveys' },
  ]);

  it('without ticketSources, an id two sources have is ambiguous and a unique one is joined', () => {
    const join = surveyTicketJoin(tickets, byId, rules);
    expect(join(asked('any', '1001'))).toEqual({ ambiguous: ['desk', 'jira'] });
    expect(join(asked('any', '2002'))).toBe(desk2002);
    expect(join(asked('any', '9999'))).toBeUndefined();
    expect(join(asked('any', null))).toBeUndefined();
  });

  it('with ticketSources, only their tickets: jira’s 1001, and 2002 (desk’s) is not among them, not missing', () => {
    const join = surveyTicketJoin(tickets, byId, rules);
    expect(join(asked('jira-csat', '1001'))).toBe(jira1001);
    // Before, undefined: the pages said it was "not in the exports", though desk has it.
    expect(join(asked('jira-csat', '2002'))).toEqual({ notAmong: ['jira'] });
    expect(join(asked('jira-csat', '9999'))).toBeUndefined();
    // Both listed sources have 1001: still ambiguous.
    expect(join(asked('both', '1001'))).toEqual({ ambiguous: ['desk', 'jira'] });
    expect(join(asked('both', '2002'))).toBe(desk2002);
  });

  it('when every id is unique, the join is the map look-up it was', () => {
    const unique = [desk2002, jira1001];
    const join = surveyTicketJoin(unique, ticketsById(unique), new Map());
    expect(join(asked('any', '1001'))).toBe(jira1001);
    expect(join(asked('any', '2002'))).toBe(desk2002);
  });

  it('check’s account: per survey file and id, the lines of the responses joined to none though tickets have the id', () => {
    const responses = [
      asked('any', '1001'),
      asked('any', '1001'),
      asked('jira-csat', '1001'),
      asked('any', '2002'),
      asked('jira-csat', '2002'),
      asked('any', '1001'),
    ];
    // The two survey sources' files; any's responses on lines 7, 3 and 12 of a.csv and b.csv (given out of order).
    const rows = [
      { file: 's/b.csv', line: 7 },
      { file: 's/a.csv', line: 3 },
      { file: 'j.csv', line: 2 },
      { file: 's/a.csv', line: 4 },
      { file: 'j.csv', line: 5 },
      { file: 's/b.csv', line: 2 },
    ];
    expect(surveyJoinIssues(responses, rows, tickets, rules)).toEqual([
      { kind: 'outside', source: 'jira-csat', file: 'j.csv', ticketId: '2002', sources: ['jira'], lines: [5] },
      { kind: 'ambiguous', source: 'any', file: 's/a.csv', ticketId: '1001', sources: ['desk', 'jira'], lines: [3] },
      { kind: 'ambiguous', source: 'any', file: 's/b.csv', ticketId: '1001', sources: ['desk', 'jira'], lines: [2, 7] },
    ]);
    // No id repeats: nothing ambiguous; jira-csat's 2002 is still desk's only.
    expect(surveyJoinIssues(responses, rows, [desk2002, jira1001], rules)).toEqual([
      { kind: 'outside', source: 'jira-csat', file: 'j.csv', ticketId: '2002', sources: ['jira'], lines: [5] },
    ]);
    expect(surveyJoinIssues(responses, rows, [desk2002, jira1001], new Map())).toEqual([]);
  });
});
