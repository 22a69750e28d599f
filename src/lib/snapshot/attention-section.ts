/**
 * What needs discussion in a period, most serious first (issue #15, "attention first"): figures
 * that breached their target, error budgets used up or nearly so, the largest adverse changes
 * against the previous period, and recurring issues that are new or growing. Each item links to
 * its detail on the period page (an anchor) or a service page. Pure: reads the headline, the
 * services and the recurring section already computed for the period.
 */
import type { TargetVerdict } from '../metrics/target-verdict.ts';
import type { ServiceFigures } from './compute-service-figures.ts';
import { type HeadlineSection, JUDGED_FIGURES, type JudgedFigure } from './headline-section.ts';
import type { RecurringSection } from './recurring-section.ts';

export interface AttentionItem {
  kind: 'breach' | 'at-risk' | 'budget-exhausted' | 'adverse-change' | 'recurring';
  /** availability:<service>, a judged figure's key, backlogAtEnd, or recurring:<group key>. */
  figure: string;
  label: string;
  unit: 'ratio' | 'score' | 'count';
  /** Relative to the period page. */
  anchor: string;
  value: number | null;
  previous: number | null;
  target: number | null;
  budgetUsed: number | null;
}

/** Names of the judged figures, where they are detailed, and their unit. */
const FIGURES: Record<JudgedFigure, { label: string; anchor: string; unit: 'ratio' | 'score' }> = {
  responseAttainment: { label: 'First-response SLA met', anchor: '#tickets', unit: 'ratio' },
  resolutionAttainment: { label: 'Resolution SLA met', anchor: '#tickets', unit: 'ratio' },
  csat: { label: 'CSAT', anchor: '#satisfaction', unit: 'ratio' },
  nps: { label: 'NPS', anchor: '#satisfaction', unit: 'score' },
};

/**
 * Smallest adverse change listed, as a share of the figure's best value (1 for a share, 100 for
 * NPS): availability 0.1 percentage point; attainment and CSAT 2 points; NPS 2 points.
 */
export const MIN_ADVERSE = { availability: 0.001, figure: 0.02 } as const;
/** Adverse changes listed at most (the largest, relative to the figure's scale). */
export const MAX_ADVERSE = 3;
/** Recurring issues listed at most (new first, then the fastest growing). */
export const MAX_RECURRING = 3;
/** A backlog growing by at least this share (and MIN_BACKLOG_GROWTH tickets) is an adverse change. */
export const BACKLOG_GROWTH = 0.1;
export const MIN_BACKLOG_GROWTH = 5;

const RANK: Record<AttentionItem['kind'], number> = { breach: 0, 'budget-exhausted': 1, 'at-risk': 2, 'adverse-change': 3, recurring: 4 };

/**
 * @param headline the period's headline (its figures, targets, verdicts and changes)
 * @param services the monitored services' figures (error budgets)
 * @param recurring the period's recurring issues
 * @example
 * // Resolution attainment 0.82 (0.88 the month before) against a 0.9 target, nothing else:
 * attentionSection(headline, [], { groups: [], previousTotalTickets: 0 })
 * // [{ kind: 'breach', figure: 'resolutionAttainment', label: 'Resolution SLA met', unit: 'ratio', anchor: '#tickets',
 * //    value: 0.82, previous: 0.88, target: 0.9, budgetUsed: null }]
 */
export function attentionSection(
  headline: Pick<HeadlineSection, 'services' | JudgedFigure | 'backlogAtEnd'>,
  services: readonly ServiceFigures[],
  recurring: Pick<RecurringSection, 'groups' | 'previousTotalTickets'>,
): AttentionItem[] {
  const items: AttentionItem[] = [];
  const adverse: Array<{ size: number; item: AttentionItem }> = [];
  const flagged = (v: TargetVerdict | null): AttentionItem['kind'] | null =>
    v === 'breached' ? 'breach' : v === 'at-risk' ? 'at-risk' : null;
  const byId = new Map(services.map((s) => [s.id, s]));
  for (const h of headline.services) {
    const s = byId.get(h.id);
    const used = s?.errorBudget.used ?? null;
    const previous = h.availability.change === null || h.availability.value === null ? null : h.availability.value - h.availability.change;
    const base = {
      figure: `availability:${h.id}`,
      label: h.name,
      unit: 'ratio' as const,
      anchor: `services/${h.id}/`,
      value: h.availability.value,
      previous,
      target: h.target,
      budgetUsed: used,
    };
    const kind = flagged(h.verdict) ?? (used !== null && used >= 1 ? 'budget-exhausted' : null);
    if (kind) items.push({ kind, ...base });
    else if (h.availability.change !== null && -h.availability.change >= MIN_ADVERSE.availability)
      adverse.push({ size: -h.availability.change, item: { kind: 'adverse-change', ...base } });
  }
  for (const k of Object.keys(JUDGED_FIGURES) as JudgedFigure[]) {
    const v = headline[k];
    const f = FIGURES[k];
    const previous = v.change === null || v.value === null ? null : v.value - v.change;
    const base = {
      figure: k,
      label: f.label,
      unit: f.unit,
      anchor: f.anchor,
      value: v.value,
      previous,
      target: v.target,
      budgetUsed: null,
    };
    const kind = flagged(v.verdict);
    const size = v.change === null ? 0 : -v.change / JUDGED_FIGURES[k];
    if (kind) items.push({ kind, ...base });
    else if (size >= MIN_ADVERSE.figure) adverse.push({ size, item: { kind: 'adverse-change', ...base } });
  }
  const b = headline.backlogAtEnd;
  if (b.change !== null && b.value !== null && b.change >= MIN_BACKLOG_GROWTH && b.change >= BACKLOG_GROWTH * (b.value - b.change))
    adverse.push({
      size: b.value - b.change > 0 ? b.change / (b.value - b.change) : 1,
      item: {
        kind: 'adverse-change',
        figure: 'backlogAtEnd',
        label: 'Open tickets at the end',
        unit: 'count',
        anchor: '#tickets',
        value: b.value,
        previous: b.value - b.change,
        target: null,
        budgetUsed: null,
      },
    });
  adverse.sort((x, y) => y.size - x.size || (x.item.figure < y.item.figure ? -1 : 1));
  items.push(...adverse.slice(0, MAX_ADVERSE).map((a) => a.item));
  // New or growing needs a previous period with tickets: in the first one every issue would be "new".
  const growing = (recurring.previousTotalTickets > 0 ? recurring.groups : [])
    .filter((g) => g.recurring && !g.untitled && g.change > 0)
    .sort(
      (x, y) =>
        Number(y.previousTicketCount === 0) - Number(x.previousTicketCount === 0) || y.change - x.change || (x.key < y.key ? -1 : 1),
    )
    .slice(0, MAX_RECURRING);
  for (const g of growing)
    items.push({
      kind: 'recurring',
      figure: `recurring:${g.key}`,
      label: g.name,
      unit: 'count',
      anchor: '#recurring',
      value: g.ticketCount,
      previous: g.previousTicketCount,
      target: null,
      budgetUsed: null,
    });
  // Stable: by seriousness, then in the order found (services in config order, figures in a fixed order).
  return items
    .map((item, i) => ({ item, i }))
    .sort((x, y) => RANK[x.item.kind] - RANK[y.item.kind] || x.i - y.i)
    .map((x) => x.item);
}
