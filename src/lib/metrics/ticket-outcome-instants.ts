/**
 * The instants at which a period's ticket figures count something, ticket by ticket: the ones
 * that decide which months have ticket data. Pure; reads the table's cached deadlines (and fills
 * them, so the period scans that follow reuse them).
 */
import type { TicketRecord } from '../model/records.ts';
import type { TicketPeriodOptions } from './ticket-figures.ts';
import { levelKey, levelTimes, responseJudged, type TicketTable } from './ticket-table.ts';

/**
 * Calls `visit(ms, i)` for every instant at which a period's figures count ticket `i`
 * (ticketPeriodMetrics' rules): its creation and resolution; for a ticket of a configured level,
 * each deadline that passed unmet before its source's data horizon (breached is known then);
 * where its source records first responses, its first response. A met outcome is counted at
 * the response or resolution itself, or at creation when that was recorded earlier: both are
 * visited already. A ticket merely open across a period is not visited in it.
 * @param options the levels in force (a ticket of a priority no level has counts created and resolved only)
 * @example
 * // P2 (24×7, resolution 8 h) created 2028-01-31 23:00 UTC, never resolved, horizon in March:
 * // visits its creation and 2028-02-01 07:00 (resolution breached), and its response deadline when judged.
 */
export function forEachTicketOutcomeInstant(
  index: TicketTable,
  options: Pick<TicketPeriodOptions, 'levels' | 'horizons' | 'responseRecorded'>,
  visit: (ms: number, ticket: number) => void,
): void {
  const tickets = index.tickets;
  const judged = responseJudged(index, options.responseRecorded);
  const horizonOfSource = index.sources.map((src) => options.horizons?.get(src) ?? Number.POSITIVE_INFINITY);
  // Priority index → its level (the last configured with that id, as the period scan takes), or null.
  const levelOf = index.priorities.map((p) => options.levels.findLast((l) => l.id === p) ?? null);
  const timesOf = levelOf.map((level, p) => (level === null ? null : levelTimes(index, p, levelKey(level))));
  const clockOf = levelOf.map((level) => (level === null ? null : index.clockOf(level.clock)));
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i] as TicketRecord;
    visit(t.createdMs, i);
    if (t.resolvedMs !== null) visit(t.resolvedMs, i);
    const p = index.priorityOf[i] as number;
    const level = levelOf[p];
    if (level === null || level === undefined) continue;
    const times = timesOf[p] as NonNullable<(typeof timesOf)[number]>;
    const clock = clockOf[p] as NonNullable<(typeof clockOf)[number]>;
    const pos = index.positionInPriority[i] as number;
    const source = index.sourceOf[i] as number;
    const horizon = horizonOfSource[source] as number;
    if (judged[source] === 1) {
      if (t.firstResponseMs !== null) visit(t.firstResponseMs, i);
      let deadline = times.responseDeadlineMs[pos] as number;
      if (Number.isNaN(deadline)) times.responseDeadlineMs[pos] = deadline = clock.deadline(t.createdMs, level.responseSeconds);
      if (breachedAt(t.createdMs, t.firstResponseMs, deadline, horizon)) visit(deadline, i);
    }
    let deadline = times.resolutionDeadlineMs[pos] as number;
    if (Number.isNaN(deadline)) times.resolutionDeadlineMs[pos] = deadline = clock.deadline(t.createdMs, level.resolutionSeconds);
    if (breachedAt(t.createdMs, t.resolvedMs, deadline, horizon)) visit(deadline, i);
  }
}

/**
 * Whether the target is breached, known at its deadline: the deadline passed before the horizon
 * without the event at or before it (the event clamped to creation, as the period scan does).
 * An event at or before the deadline but at or after the horizon is not met either, and then the
 * deadline is not before the horizon: pending, never breached.
 */
function breachedAt(createdMs: number, eventMs: number | null, deadlineMs: number, horizonMs: number): boolean {
  return deadlineMs < horizonMs && !(eventMs !== null && Math.max(eventMs, createdMs) <= deadlineMs);
}
