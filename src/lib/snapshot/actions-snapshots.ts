/**
 * The actions blocks of a build's snapshots and its live register (issue #18), from the month
 * snapshots already built: the names actions link to and their figures per month are read there.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import type { ActionsRegister } from '../config/load-actions.ts';
import type { ActionsRegisterView } from './actions-schema.ts';
import { actionsRegisterView, actionsSection, linkedFigure } from './actions-section.ts';
import type { PeriodSnapshot } from './snapshot-schema.ts';

/** Names of what actions link to, and their figures per month, read from the month snapshots. */
function actionInputs(built: readonly PeriodSnapshot[], config: ReviewConfig) {
  const monthSnaps = new Map(built.filter((s) => s.period.kind === 'month').map((s) => [s.period.id, s] as const));
  const issueNames = new Map<string, string>();
  for (const s of monthSnaps.values()) for (const g of s.recurring.groups) if (!issueNames.has(g.key)) issueNames.set(g.key, g.name);
  const labels = {
    service: (id: string) => config.services.find((s) => s.id === id)?.name ?? null,
    priority: (id: string) => config.priorities.find((p) => p.id === id)?.name ?? null,
    issue: (key: string) => issueNames.get(key) ?? null,
  };
  const figureAt = (month: string, moves: Parameters<typeof linkedFigure>[1]) => {
    const snap = monthSnaps.get(month);
    return snap ? linkedFigure(snap, moves) : null;
  };
  return { labels, figureAt };
}

/** Each snapshot with its actions block over its months (after incidents, so the key order stays fixed). */
export function withActions(built: PeriodSnapshot[], register: ActionsRegister, config: ReviewConfig): PeriodSnapshot[] {
  const { labels, figureAt } = actionInputs(built, config);
  return built.map((snap) => {
    const { rules, dataQuality, ...head } = snap;
    const actions = actionsSection(register.actions, snap.period.months, labels, figureAt);
    return { ...head, actions, rules, dataQuality };
  });
}

/** The live register for the actions page: every action now, as of the last month built. */
export function liveActions(built: readonly PeriodSnapshot[], register: ActionsRegister, config: ReviewConfig): ActionsRegisterView {
  const months = built.filter((s) => s.period.kind === 'month').map((s) => s.period.id);
  const { labels, figureAt } = actionInputs(built, config);
  return actionsRegisterView(register, months[months.length - 1] as string, labels, figureAt);
}
