/**
 * A build's tickets by id, made once per build (a map of a million tickets takes half a second) and
 * shared by what joins on a ticket id: the drill-down's recurring-issue lists and the surveys'
 * tickets (satisfaction-section.ts, by {@link surveyTicketJoin}'s rule).
 */
import type { RecurringIssueGrouping } from '../metrics/group-recurring-issues.ts';
import type { RecurringTicketTable } from '../metrics/recurring-issues-for-period.ts';
import type { UnjoinedTicket } from '../metrics/satisfaction-period-metrics.ts';
import type { SurveyResponse, TicketRecord } from '../model/records.ts';

/**
 * Tickets by id. Ingestion settles a repeated ticket id within a source (the later row wins and
 * the earlier is counted as a duplicate); two sources may each have a ticket of one id, and then
 * the first is kept here ({@link ticketsSharingIds} tells them apart).
 * @example ticketsById([{ id: 'T-1', … }, { id: 'T-1', … }]).size // 1, the first T-1
 */
export function ticketsById(tickets: readonly TicketRecord[]): Map<string, TicketRecord> {
  const byId = new Map<string, TicketRecord>();
  for (const t of tickets) if (!byId.has(t.id)) byId.set(t.id, t);
  return byId;
}

/** A ticket whose id another ticket has too, with the key of its recurring issue. */
export interface SharedIdTicket {
  ticket: TicketRecord;
  key: string;
}

/**
 * The tickets whose id another ticket of the build has too (two ticket sources numbering alike:
 * desk's 1001 and jira's 1001), each with its recurring issue's key: by id alone the drill-down
 * would list one of them in the other's place. Empty, at no cost, when every id is unique.
 * @param byId the tickets by id ({@link ticketsById}): fewer entries than tickets means an id repeats
 * @param groupOf each ticket's group in `grouping`, by position in `tickets` (RecurringTicketTable.groupOf)
 */
export function ticketsSharingIds(
  tickets: readonly TicketRecord[],
  byId: ReadonlyMap<string, TicketRecord>,
  grouping: RecurringIssueGrouping,
  groupOf: Int32Array,
): Map<string, SharedIdTicket[]> {
  const out = new Map<string, SharedIdTicket[]>();
  if (byId.size === tickets.length) return out;
  const count = new Map<string, number>();
  for (const t of tickets) count.set(t.id, (count.get(t.id) ?? 0) + 1);
  tickets.forEach((ticket, i) => {
    if ((count.get(ticket.id) as number) < 2) return;
    const key = (grouping.groups[groupOf[i] as number] as { key: string }).key;
    const list = out.get(ticket.id);
    if (list) list.push({ ticket, key });
    else out.set(ticket.id, [{ ticket, key }]);
  });
  return out;
}

/**
 * A build's tickets by id and the tickets that share an id, made once per build.
 * @param table the recurring-issue table of these same tickets (prepareRecurring), in the same order
 */
export function ticketIndex(
  tickets: readonly TicketRecord[],
  table: RecurringTicketTable,
): { byId: Map<string, TicketRecord>; shared: Map<string, SharedIdTicket[]> } {
  const byId = ticketsById(tickets);
  return { byId, shared: ticketsSharingIds(tickets, byId, table.grouping, table.groupOf) };
}

/**
 * The survey join's one rule: a response's ticket id names a ticket of the ticket sources its survey
 * source lists (`ticketSources` in the config), else of any ticket source. One such ticket: the
 * join. None: unmatched (undefined), or, when other ticket sources have the id, `{ notAmong: its
 * ticket sources }`. Two or more (desk's 1001 and jira's 1001): ambiguous, joined to neither,
 * since which was meant is not known and taking the first would give one the other's priority,
 * category and outcome. Within a source ids are unique (ingestion settles repeats).
 * When every id is unique and no survey source lists its ticket sources, this is one map look-up per response.
 * @param byId the tickets by id ({@link ticketsById}); `tickets` are the same tickets
 * @param ticketSourcesOf survey source id → the ticket sources its ids name (absent: every ticket source)
 * @example surveyTicketJoin([desk1001, jira1001], byId, new Map())({ ticketId: '1001', source: 'csat', … }) // { ambiguous: ['desk', 'jira'] }
 */
export function surveyTicketJoin(
  tickets: readonly TicketRecord[],
  byId: ReadonlyMap<string, TicketRecord>,
  ticketSourcesOf: ReadonlyMap<string, ReadonlySet<string>>,
): (response: SurveyResponse) => TicketRecord | UnjoinedTicket | undefined {
  // The tickets of each id that more than one source has; none to find when every id is unique.
  const repeated = new Map<string, TicketRecord[]>();
  if (byId.size < tickets.length) {
    for (const t of tickets) if (byId.get(t.id) !== t) repeated.set(t.id, []);
    for (const t of tickets) repeated.get(t.id)?.push(t);
  }
  // One object per survey source, shared by its responses: the sources it lists, in the config's order.
  const outside = new Map([...ticketSourcesOf].map(([source, listed]) => [source, Object.freeze({ notAmong: [...listed] })]));
  return (r) => {
    if (r.ticketId === null) return undefined;
    const first = byId.get(r.ticketId);
    if (first === undefined) return undefined;
    const allowed = ticketSourcesOf.get(r.source);
    const all = repeated.get(r.ticketId);
    if (all === undefined) return allowed === undefined || allowed.has(first.source) ? first : outside.get(r.source);
    const named = allowed === undefined ? all : all.filter((t) => allowed.has(t.source));
    return named.length === 0 ? outside.get(r.source) : named.length === 1 ? named[0] : { ambiguous: named.map((t) => t.source) };
  };
}

/** Survey source id → the ticket sources its responses' ticket ids name, for the survey sources whose config lists them. */
export function surveyTicketSources(
  sources: ReadonlyArray<{ id: string; kind: string; ticketSources?: string | string[] | undefined }>,
): Map<string, ReadonlySet<string>> {
  return new Map(
    sources
      .filter((s) => s.kind === 'surveys' && s.ticketSources !== undefined)
      .map((s) => [s.id, new Set(typeof s.ticketSources === 'string' ? [s.ticketSources] : s.ticketSources)] as const),
  );
}

/**
 * Responses of one survey file that {@link surveyTicketJoin} joins to no ticket although ticket
 * sources have their ticket id, for check: one entry per file, id and sources.
 */
export interface SurveyJoinIssue {
  /** ambiguous: several of its ticket sources have the id; outside: only ticket sources its survey source does not list do. */
  kind: 'ambiguous' | 'outside';
  /** The survey source, and the file the responses were read from (as the config names it). */
  source: string;
  file: string;
  /** The ticket id as exported (check masks it as an id). */
  ticketId: string;
  /** ambiguous: the ticket sources that have the id; outside: the ticket sources the survey source lists. */
  sources: string[];
  /** The lines the responses start on, ascending. */
  lines: number[];
}

/**
 * The responses the survey join (the build's rule) leaves without a ticket although ticket sources
 * have their id: ambiguous ones, and ones naming a ticket only sources outside the survey source's
 * `ticketSources` have; sorted by file, then first line. Only the tickets whose ids responses name
 * are indexed: check builds no map of every ticket.
 * @param rows where each response was read (IngestResult.surveyRows, same order as `responses`)
 */
export function surveyJoinIssues(
  responses: readonly SurveyResponse[],
  rows: ReadonlyArray<{ file: string; line: number }>,
  tickets: readonly TicketRecord[],
  ticketSourcesOf: ReadonlyMap<string, ReadonlySet<string>>,
): SurveyJoinIssue[] {
  const named = new Set<string>();
  for (const r of responses) if (r.ticketId !== null) named.add(r.ticketId);
  if (named.size === 0) return [];
  const some = tickets.filter((t) => named.has(t.id));
  const byId = ticketsById(some);
  if (byId.size === some.length && ticketSourcesOf.size === 0) return [];
  const join = surveyTicketJoin(some, byId, ticketSourcesOf);
  const out = new Map<string, SurveyJoinIssue>();
  responses.forEach((r, k) => {
    const t = join(r);
    if (t === undefined || !('ambiguous' in t || 'notAmong' in t)) return;
    const { file, line } = rows[k] as { file: string; line: number };
    const [kind, sources] = 'ambiguous' in t ? (['ambiguous', t.ambiguous] as const) : (['outside', t.notAmong] as const);
    const key = JSON.stringify([file, kind, r.ticketId, sources]);
    const entry = out.get(key);
    if (entry) entry.lines.push(line);
    else out.set(key, { kind, source: r.source, file, ticketId: r.ticketId as string, sources: [...sources], lines: [line] });
  });
  for (const e of out.values()) e.lines.sort((a, b) => a - b);
  return [...out.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.lines[0] as number) - (b.lines[0] as number)));
}
