/**
 * Ticket figures of one review period: SLA attainment, flow (created, resolved, backlog),
 * reopen rate and response/resolution times, per priority level and overall, plus created and
 * resolved counts by category and by service. Pure: the result is plain JSON (numbers, strings,
 * null, arrays, objects), stored as is in snapshots.
 */
import type { TicketRecord } from '../model/records.ts';
import {
  type Acc,
  countsByKey,
  figures,
  type LevelState,
  mergeAccs,
  newAcc,
  type PeriodPartial,
  sumCounts,
  type TicketFigures,
  type TicketPeriodMetrics,
  type TicketPeriodOptions,
} from './ticket-figures.ts';
import {
  forEachConcerning,
  type LevelTimes,
  levelKey,
  levelTimes,
  responseJudged,
  responseShown,
  rulesKey,
  type SettleOrder,
  settleOrder,
  type TicketTable,
} from './ticket-table.ts';

export type {
  DurationFigures,
  LevelTicketFigures,
  ReopenFigures,
  ResponseRecorded,
  SlaTargetFigures,
  TicketCountsByKey,
  TicketFigures,
  TicketFiguresChange,
  TicketPeriodMetrics,
  TicketPeriodOptions,
} from './ticket-figures.ts';
export { prepareTickets, type TicketTable } from './ticket-table.ts';

/**
 * The per-ticket rules of {@link ticketPeriodMetrics}, run over the tickets that concern the
 * period (see {@link SettleOrder}), into a new partial.
 */
function scanPeriod(index: TicketTable, options: TicketPeriodOptions, settle: SettleOrder): PeriodPartial {
  const tickets = index.tickets;
  const { startMs, endMs } = options.bounds;
  // Per source: whether its tickets are judged on the response target (responseJudged: the one rule).
  const judged = responseJudged(index, options.responseRecorded);
  const levels: LevelState[] = [];
  const timesOf: Array<LevelTimes | null> = [];
  for (const level of options.levels) {
    const p = index.priorities.indexOf(level.id);
    timesOf.push(p < 0 ? null : levelTimes(index, p, levelKey(level)));
    levels.push({ level, clock: index.clockOf(level.clock), acc: newAcc() });
  }
  // Priority index → its level (the last configured level with that id, as a Map by id keeps), or -1.
  const levelOfPriority = index.priorities.map((p) => levels.findLastIndex((l) => l.level.id === p));
  let unknownPriority = 0;
  for (let p = 0; p < index.priorities.length; p++) if ((levelOfPriority[p] as number) < 0) unknownPriority += index.countOf[p] as number;
  const overall = newAcc();
  const categoryCreated = new Int32Array(index.categories.length);
  const categoryResolved = new Int32Array(index.categories.length);
  const serviceCreated = new Int32Array(index.services.length);
  const serviceResolved = new Int32Array(index.services.length);
  const byServiceAcc: Array<Acc | null> = index.services.map(() => null);
  const inPeriod = (t: number | null): t is number => t !== null && t >= startMs && t < endMs;
  // The instant each source's tickets are judged at: the period's end, or the source's data horizon when earlier.
  const asOfOfSource = index.sources.map((src) => Math.min(endMs, options.horizons?.get(src) ?? Number.POSITIVE_INFINITY));

  const visit = (i: number): void => {
    const t = tickets[i] as TicketRecord;
    const l = levelOfPriority[index.priorityOf[i] as number] as number;
    if (l < 0) return;
    const lv = levels[l] as LevelState;
    const acc = lv.acc;
    const s = index.serviceOf[i] as number;
    const c = index.categoryOf[i] as number;
    let sacc: Acc | null = null;
    if (t.service !== null) {
      sacc = byServiceAcc[s] as Acc | null;
      if (sacc === null) byServiceAcc[s] = sacc = newAcc();
    }
    const { clock } = lv;
    const times = timesOf[l] as LevelTimes;
    const pos = index.positionInPriority[i] as number;
    const createdIn = t.createdMs >= startMs;
    const resolvedIn = inPeriod(t.resolvedMs);
    const asOf = asOfOfSource[index.sourceOf[i] as number] as number;
    const openAtEnd = t.resolvedMs === null || t.resolvedMs >= asOf;
    const openAtStart = t.createdMs < startMs && (t.resolvedMs === null || t.resolvedMs >= startMs);
    if (createdIn) {
      acc.created++;
      overall.created++;
      if (sacc) sacc.created++;
      categoryCreated[c] = (categoryCreated[c] as number) + 1;
      serviceCreated[s] = (serviceCreated[s] as number) + 1;
    }
    if (openAtStart) {
      acc.backlogAtStart++;
      overall.backlogAtStart++;
      if (sacc) sacc.backlogAtStart++;
    }
    if (openAtEnd) {
      acc.backlogAtEnd++;
      overall.backlogAtEnd++;
      if (sacc) sacc.backlogAtEnd++;
    }
    // Resolution, clamped to creation (an event recorded before creation counts as at creation).
    const resolvedMs = t.resolvedMs === null ? null : Math.max(t.resolvedMs, t.createdMs);
    if (resolvedIn) {
      acc.resolved++;
      overall.resolved++;
      if (sacc) sacc.resolved++;
      categoryResolved[c] = (categoryResolved[c] as number) + 1;
      serviceResolved[s] = (serviceResolved[s] as number) + 1;
      if (t.reopened !== null) {
        const r = t.reopened ? 1 : 0;
        acc.reopenKnown++;
        acc.reopened += r;
        overall.reopenKnown++;
        overall.reopened += r;
        if (sacc) {
          sacc.reopenKnown++;
          sacc.reopened += r;
        }
      }
      let elapsed = times.resolutionElapsed[pos] as number;
      if (Number.isNaN(elapsed)) times.resolutionElapsed[pos] = elapsed = clock.elapsedSeconds(t.createdMs, resolvedMs as number);
      acc.resolutionSeconds.push(elapsed);
      overall.resolutionSeconds.push(Math.trunc(((resolvedMs as number) - t.createdMs) / 1000));
    }
    if (judged[index.sourceOf[i] as number] === 1) {
      const respondedMs = t.firstResponseMs === null ? null : Math.max(t.firstResponseMs, t.createdMs);
      if (inPeriod(t.firstResponseMs)) {
        let elapsed = times.responseElapsed[pos] as number;
        if (Number.isNaN(elapsed)) times.responseElapsed[pos] = elapsed = clock.elapsedSeconds(t.createdMs, respondedMs as number);
        acc.responseSeconds.push(elapsed);
        overall.responseSeconds.push(Math.trunc(((respondedMs as number) - t.createdMs) / 1000));
      }
      let deadlineMs = times.responseDeadlineMs[pos] as number;
      if (Number.isNaN(deadlineMs)) times.responseDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.level.responseSeconds);
      // slaTargetOutcome as of the end (or the horizon): met at the event, breached at the deadline, else pending.
      const outcome =
        respondedMs !== null && respondedMs < asOf && respondedMs <= deadlineMs
          ? respondedMs >= startMs
            ? 'met'
            : null
          : deadlineMs < asOf
            ? deadlineMs >= startMs
              ? 'breached'
              : null
            : 'pending';
      if (outcome !== null) {
        acc.response[outcome]++;
        overall.response[outcome]++;
        if (sacc) sacc.response[outcome]++;
      }
    }
    let deadlineMs = times.resolutionDeadlineMs[pos] as number;
    if (Number.isNaN(deadlineMs)) times.resolutionDeadlineMs[pos] = deadlineMs = clock.deadline(t.createdMs, lv.level.resolutionSeconds);
    const met = resolvedMs !== null && resolvedMs < asOf && resolvedMs <= deadlineMs;
    const breached = !met && deadlineMs < asOf;
    const outcome = met ? (resolvedMs >= startMs ? 'met' : null) : breached ? (deadlineMs >= startMs ? 'breached' : null) : 'pending';
    if (outcome !== null) {
      acc.resolution[outcome]++;
      overall.resolution[outcome]++;
      if (sacc) sacc.resolution[outcome]++;
    }
    if (openAtEnd && breached) {
      acc.openBreachedAtEnd++;
      overall.openBreachedAtEnd++;
      if (sacc) sacc.openBreachedAtEnd++;
    }
  };

  // Only tickets created before the end and settled at or after the start (or never settled)
  // concern the period: the others are skipped (see SettleOrder).
  forEachConcerning(settle, startMs, endMs, visit);
  return {
    startMs,
    endMs,
    levels,
    overall,
    categoryCreated,
    categoryResolved,
    serviceCreated,
    serviceResolved,
    byServiceAcc,
    unknownPriority,
  };
}

function mergePartials(parts: readonly PeriodPartial[]): PeriodPartial {
  const first = parts[0] as PeriodPartial;
  return {
    startMs: first.startMs,
    endMs: (parts[parts.length - 1] as PeriodPartial).endMs,
    levels: first.levels.map((lv, l) => ({ ...lv, acc: mergeAccs(parts.map((p) => (p.levels[l] as LevelState).acc)) as Acc })),
    overall: mergeAccs(parts.map((p) => p.overall)) as Acc,
    categoryCreated: sumCounts(parts, (p) => p.categoryCreated),
    categoryResolved: sumCounts(parts, (p) => p.categoryResolved),
    serviceCreated: sumCounts(parts, (p) => p.serviceCreated),
    serviceResolved: sumCounts(parts, (p) => p.serviceResolved),
    byServiceAcc: first.byServiceAcc.map((_, s) => mergeAccs(parts.map((p) => p.byServiceAcc[s] ?? null))),
    unknownPriority: first.unknownPriority,
  };
}

/** Computed periods that tile `[startMs, endMs)` exactly, from its start on, each as long as it can be; null when there are none. */
function tiling(known: Map<number, PeriodPartial[]>, startMs: number, endMs: number): PeriodPartial[] | null {
  const out: PeriodPartial[] = [];
  let at = startMs;
  while (at < endMs) {
    let best: PeriodPartial | null = null;
    for (const p of known.get(at) ?? []) if (p.endMs <= endMs && (best === null || p.endMs > best.endMs)) best = p;
    if (best === null || best.endMs <= at) return null;
    out.push(best);
    at = best.endMs;
  }
  return out.length > 0 ? out : null;
}

/**
 * The figures of one period: the same period computed before (under the same rules, for the
 * same ticket array), else merged from computed periods that tile it (a quarter from its
 * months), else a scan of the tickets that concern it. Merging gives what a scan gives (see
 * {@link mergeAccs}) because every ticket an event of the period concerns is read by the period
 * holding that event; it is not used when a ticket settles before it was created, since such a
 * ticket can be left out of the period it was created in.
 */
function periodPartial(index: TicketTable, options: TicketPeriodOptions): PeriodPartial {
  const { startMs, endMs } = options.bounds;
  const settle = settleOrder(index, options.responseRecorded);
  const key = rulesKey(options);
  let known = index.partials.get(key);
  if (!known) index.partials.set(key, (known = new Map()));
  const parts = tiling(known, startMs, endMs);
  let partial: PeriodPartial;
  if (parts !== null && parts.length === 1) return parts[0] as PeriodPartial;
  if (parts !== null && !settle.settlesBeforeCreation) partial = mergePartials(parts);
  else partial = scanPeriod(index, options, settle);
  const list = known.get(startMs);
  if (list) list.push(partial);
  else known.set(startMs, [partial]);
  return partial;
}

/**
 * Ticket figures of a period `[start, end)`, as of its end, per priority level (configuration
 * order) and overall.
 *
 * Definitions (all instants compared half-open, like the period; `in the period` = start ≤ t < end):
 * - response / resolution attainment = met / (met + breached) over tickets whose outcome
 *   became known in the period: met at the event (at or before the deadline), breached at the
 *   deadline (no event by then, or a later one). So a ticket created in an earlier period
 *   counts here when its outcome becomes known here, and each ticket counts in exactly one
 *   period per target.
 * - pending = tickets created before the end whose outcome is not known before the end (no
 *   event and deadline not passed), whenever they were created: the open, undecided tickets at
 *   the end. Not in the ratio.
 * - created: created in the period; resolved: resolved in the period (whenever created).
 * - backlog at start / end: created before that instant and not resolved before it.
 * - open and breached at end: in the backlog at the end, with the resolution deadline before the end.
 * - reopen rate = reopened / known among tickets resolved in the period, where known means the
 *   export says whether the ticket was reopened; null when none is known.
 * - time to first response / resolution: created → event for tickets whose event is in the
 *   period; per level on its clock (business or 24×7), overall in elapsed 24×7 seconds; median
 *   (mean of the two middle values for an even n) and p90 by nearest rank.
 * - An event recorded before creation counts as at creation (0 s).
 * - Response attainment and time to first response count only the tickets whose source records
 *   first responses (`responseRecorded`, default every source); the others are judged on
 *   resolution alone. Response figures are null when no source records them.
 * Tickets with an unconfigured priority are counted in `unknownPriority` only.
 *
 * Method: the caller indexes the tickets once ({@link prepareTickets}) by created time and the instant they settle (the later of resolution and
 * first response), so a period reads only the tickets created before its end and settled at or
 * after its start or never settled (the others count in no figure but `unknownPriority`); their
 * deadlines and clock times are computed once per ticket and level rules (id, targets, clock,
 * calendar) and reused by every period. The figures of each period are kept in the table
 * (per rules: levels and `responseRecorded`): asked again, a period is not recomputed,
 * and a period that earlier periods tile (a quarter after its months) is merged from them —
 * event counts and durations add up, figures as of an instant come from the first or last
 * period — which gives the same figures as reading its tickets.
 *
 * @param index the tickets, prepared once by {@link prepareTickets} (the result does not depend on their order)
 * @param options levels, the period bounds, optionally the previous period's result
 * @returns the period's ticket figures, plain JSON
 * @example
 * // One P1 ticket (24×7, response 1h, resolution 4h) created 2026-11-03 10:00 UTC, responded 10:20, resolved 16:00
 * const m = ticketPeriodMetrics(prepareTickets([ticket]), { levels: [p1], bounds: monthBounds('2026-11', 'UTC') });
 * m.overall.response // { attainment: 1, met: 1, breached: 0, pending: 0 }
 * m.overall.resolution // { attainment: 0, met: 0, breached: 1, pending: 0 }
 * m.overall.timeToResolution // { n: 1, medianSeconds: 21600, p90Seconds: 21600 }
 */
export function ticketPeriodMetrics(index: TicketTable, options: TicketPeriodOptions): TicketPeriodMetrics {
  const { startMs, endMs } = options.bounds;
  const shown = responseShown(options.responseRecorded);
  const partial = periodPartial(index, options);
  const previous = options.previous ?? null;
  return {
    startMs,
    endMs,
    overall: figures(partial.overall, shown, previous?.overall ?? null),
    levels: partial.levels.map(({ level, clock, acc }) => ({
      levelId: level.id,
      name: level.name,
      clock: clock.kind,
      calendarId: clock.calendarId,
      responseTargetSeconds: level.responseSeconds,
      resolutionTargetSeconds: level.resolutionSeconds,
      ...figures(acc, shown, previous?.levels.find((p) => p.levelId === level.id) ?? null),
    })),
    byCategory: countsByKey(index.categories, partial.categoryCreated, partial.categoryResolved),
    byService: countsByKey(index.services, partial.serviceCreated, partial.serviceResolved),
    unknownPriority: partial.unknownPriority,
  };
}

/** The counts and SLA attainment of one service's tickets in a period (all levels together). */
export type ServiceTicketCounts = Pick<TicketFigures, 'created' | 'resolved' | 'backlogAtEnd' | 'response' | 'resolution'>;

/**
 * For each service, the figures `ticketPeriodMetrics(that service's tickets, options).overall`
 * gives for created, resolved, backlog at the end and the two SLA targets (the same rules,
 * ticket by ticket), from the same reading of the tickets as {@link ticketPeriodMetrics} (so a
 * period asked for by both is read once).
 *
 * @param index the tickets, prepared once by {@link prepareTickets}
 * @param options levels, the period bounds (`previous` is not read)
 * @returns service id → its figures, for the services with a ticket of a configured level that concerns the period, in order of first appearance in the tickets; tickets without a service are left out
 */
export function ticketCountsByService(index: TicketTable, options: TicketPeriodOptions): Map<string, ServiceTicketCounts> {
  const shown = responseShown(options.responseRecorded);
  const partial = periodPartial(index, options);
  const out = new Map<string, ServiceTicketCounts>();
  partial.byServiceAcc.forEach((acc, s) => {
    if (acc === null) return;
    const { created, resolved, backlogAtEnd, response, resolution } = figures(acc, shown, null);
    out.set(index.services[s] as string, { created, resolved, backlogAtEnd, response, resolution });
  });
  return out;
}
