/**
 * Our resolution verdict beside the source system's own (Boston 311 `OnTime_Status`, ServiceNow
 * `made_sla`), per ticket source: of the tickets that carry the source's verdict and that we
 * judge (met or breached; pending ones are left out), how many the two agree on. Pure.
 */
import type { TicketRecord } from '../model/records.ts';
import type { ClockRule, PriorityRule } from '../model/rules.ts';
import type { SlaClock } from './business-time.ts';
import { ticketSla } from './ticket-sla.ts';

export interface SourceAgreement {
  source: string;
  /** Tickets compared: with a source verdict, and met or breached by ours. */
  compared: number;
  agree: number;
  /** agree / compared; null when nothing is compared. */
  rate: number | null;
  /** Our resolution attainment on the compared tickets. */
  oursMet: number | null;
  /** The share the source calls on time, on the compared tickets. */
  theirsMet: number | null;
  /** We say met, the source says late. */
  oursMetBreachedTheirs: number;
  /** We say breached, the source says on time. */
  oursBreachedMetTheirs: number;
}

/**
 * @param tickets the tickets to compare (e.g. those created in a period)
 * @param levels the priority levels in force (a ticket whose level is unknown is left out)
 * @param clockOf the clock of a level's rule
 * @param asOfOf the instant a source's tickets are judged at (its data horizon: when it computed its own verdicts)
 * @returns one row per source with at least one ticket carrying a source verdict, in order of first appearance
 * @example
 * // Two tickets of source "city" with 1-day targets: one resolved in 2 h (city: on time), one in 2 days (city: on time).
 * sourceVerdictAgreement([t1, t2], [day], clockOf, () => Infinity)
 * // [{ source: 'city', compared: 2, agree: 1, rate: 0.5, oursMet: 0.5, theirsMet: 1, oursMetBreachedTheirs: 0, oursBreachedMetTheirs: 1 }]
 */
export function sourceVerdictAgreement(
  tickets: Iterable<TicketRecord>,
  levels: readonly PriorityRule[],
  clockOf: (rule: ClockRule) => SlaClock,
  asOfOf: (source: string) => number,
): SourceAgreement[] {
  const byId = new Map(levels.map((l) => [l.id, l]));
  const rows = new Map<
    string,
    { compared: number; agree: number; ours: number; theirs: number; metLate: number; breachedOnTime: number }
  >();
  for (const t of tickets) {
    if (t.sourceOnTime === null) continue;
    const level = byId.get(t.priority);
    if (!level) continue;
    const outcome = ticketSla(t, level, clockOf(level.clock), asOfOf(t.source)).resolution.outcome;
    if (outcome === 'pending') continue;
    let r = rows.get(t.source);
    if (!r) rows.set(t.source, (r = { compared: 0, agree: 0, ours: 0, theirs: 0, metLate: 0, breachedOnTime: 0 }));
    const ours = outcome === 'met';
    r.compared++;
    if (ours) r.ours++;
    if (t.sourceOnTime) r.theirs++;
    if (ours === t.sourceOnTime) r.agree++;
    else if (ours) r.metLate++;
    else r.breachedOnTime++;
  }
  return [...rows].map(([source, r]) => ({
    source,
    compared: r.compared,
    agree: r.agree,
    rate: r.compared > 0 ? r.agree / r.compared : null,
    oursMet: r.compared > 0 ? r.ours / r.compared : null,
    theirsMet: r.compared > 0 ? r.theirs / r.compared : null,
    oursMetBreachedTheirs: r.metLate,
    oursBreachedMetTheirs: r.breachedOnTime,
  }));
}
