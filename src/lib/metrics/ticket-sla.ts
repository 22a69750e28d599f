/**
 * Per-ticket SLA outcomes: for the response target and the resolution target, the deadline and
 * whether the target was met, breached, or is still pending as of an instant. Pure.
 */
import type { TicketRecord } from '../model/records.ts';
import type { PriorityRule } from '../model/rules.ts';
import type { SlaClock } from './business-time.ts';

/** Outcome of one SLA target as of an instant. */
export type SlaOutcome = 'met' | 'breached' | 'pending';

/** One SLA target (response or resolution) of one ticket, as of an instant. */
export interface SlaTargetResult {
  /** The deadline: the target's time on the level's clock after creation, epoch ms. */
  deadlineMs: number;
  /** met, breached or pending as of the instant. */
  outcome: SlaOutcome;
  /** When the outcome became known: the event for met, the deadline for breached; null while pending. */
  knownAtMs: number | null;
  /** Time from creation to the event on the level's clock, seconds; null when the event has not happened by the instant. */
  elapsedSeconds: number | null;
}

/** Both SLA targets of one ticket. */
export interface TicketSla {
  response: SlaTargetResult;
  resolution: SlaTargetResult;
}

/** The ticket fields SLA outcomes depend on. */
export type TicketTimes = Pick<TicketRecord, 'createdMs' | 'firstResponseMs' | 'resolvedMs'>;

/**
 * Outcome of one SLA target as of `asOfMs`.
 *
 * Definition: deadline = clock.deadline(created, target). The event (first response or
 * resolution) counts only if it happened before `asOfMs` (exclusive, like a period end).
 * - met: the event happened at or before the deadline; known at the event.
 * - breached: the deadline is before `asOfMs` and the event did not happen at or before it
 *   (none yet, or a late one); known at the deadline, whenever the late event came.
 * - pending: neither, i.e. no event before `asOfMs` and the deadline not before `asOfMs`.
 * An event recorded before the creation time (clock skew between systems) counts as happening
 * at creation (0 elapsed); so does the "before asOfMs" test. A ticket created at or after
 * `asOfMs` is therefore always pending.
 *
 * @param createdMs creation instant, epoch ms
 * @param eventMs the first response or resolution, epoch ms, or null when there is none
 * @param targetSeconds the target on the clock, seconds
 * @param clock the level's clock (see `slaClock`)
 * @param asOfMs the instant the outcome is judged at (exclusive), epoch ms
 * @returns deadline, outcome, when it became known, and the elapsed clock time
 * @example
 * // 24×7, 1 h target, created 10:00, responded 10:45, judged at 12:00
 * slaTargetOutcome(Date.UTC(2026, 10, 3, 10), Date.UTC(2026, 10, 3, 10, 45), 3600, clock24x7, Date.UTC(2026, 10, 3, 12))
 * // { deadlineMs: Date.UTC(2026, 10, 3, 11), outcome: 'met', knownAtMs: Date.UTC(2026, 10, 3, 10, 45), elapsedSeconds: 2700 }
 */
export function slaTargetOutcome(
  createdMs: number,
  eventMs: number | null,
  targetSeconds: number,
  clock: SlaClock,
  asOfMs: number,
): SlaTargetResult {
  const deadlineMs = clock.deadline(createdMs, targetSeconds);
  const clamped = eventMs === null ? null : Math.max(eventMs, createdMs);
  const event = clamped !== null && clamped < asOfMs ? clamped : null;
  const elapsedSeconds = event === null ? null : clock.elapsedSeconds(createdMs, event);
  if (event !== null && event <= deadlineMs) return { deadlineMs, outcome: 'met', knownAtMs: event, elapsedSeconds };
  if (deadlineMs < asOfMs) return { deadlineMs, outcome: 'breached', knownAtMs: deadlineMs, elapsedSeconds };
  return { deadlineMs, outcome: 'pending', knownAtMs: null, elapsedSeconds };
}

/**
 * SLA outcomes of one ticket, for its response target (created → first response) and its
 * resolution target (created → resolved), as of `asOfMs` (see {@link slaTargetOutcome} for
 * the exact rules). A ticket resolved without a recorded first response is judged on the
 * response target like any other ticket without one: the resolution does not stand in for it.
 *
 * @param ticket the ticket's created, first-response and resolved instants
 * @param level the ticket's priority level (its `responseSeconds` and `resolutionSeconds` targets)
 * @param clock the level's clock, `slaClock(level.clock)`
 * @param asOfMs the instant the outcomes are judged at (exclusive), epoch ms
 * @returns the response and resolution outcomes
 * @example
 * // 24×7, response 1h, resolution 4h; created 10:00, responded 10:30, resolved 15:00; judged at 18:00
 * ticketSla({ createdMs: Date.UTC(2026, 10, 3, 10), firstResponseMs: Date.UTC(2026, 10, 3, 10, 30),
 *   resolvedMs: Date.UTC(2026, 10, 3, 15) }, { ...p2, responseSeconds: 3600, resolutionSeconds: 14400 }, clock24x7, Date.UTC(2026, 10, 3, 18))
 * // response:   { deadlineMs: Date.UTC(2026, 10, 3, 11), outcome: 'met', knownAtMs: Date.UTC(2026, 10, 3, 10, 30), elapsedSeconds: 1800 }
 * // resolution: { deadlineMs: Date.UTC(2026, 10, 3, 14), outcome: 'breached', knownAtMs: Date.UTC(2026, 10, 3, 14), elapsedSeconds: 18000 }
 */
export function ticketSla(
  ticket: TicketTimes,
  level: Pick<PriorityRule, 'responseSeconds' | 'resolutionSeconds'>,
  clock: SlaClock,
  asOfMs: number,
): TicketSla {
  return {
    response: slaTargetOutcome(ticket.createdMs, ticket.firstResponseMs, level.responseSeconds, clock, asOfMs),
    resolution: slaTargetOutcome(ticket.createdMs, ticket.resolvedMs, level.resolutionSeconds, clock, asOfMs),
  };
}
