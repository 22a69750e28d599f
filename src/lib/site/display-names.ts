/**
 * Names, not ids, in every caption and cell: a service or priority id found in a snapshot, as
 * its readers know it. An id with no configured name (a ticket service accepted under its
 * exported name) is shown as it is. One lookup table per snapshot, made on first use.
 */
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';

const tables = new WeakMap<PeriodSnapshot, { services: Map<string, string>; priorities: Map<string, string> }>();

function tableOf(snap: PeriodSnapshot) {
  let t = tables.get(snap);
  if (!t) {
    const services = new Map(snap.rules.services.map((s) => [s.id, s.name] as const));
    for (const s of snap.services) services.set(s.id, s.name);
    const priorities = new Map(snap.rules.priorities.map((p) => [p.id, p.name] as const));
    for (const l of snap.tickets.levels) priorities.set(l.levelId, l.name);
    t = { services, priorities };
    tables.set(snap, t);
  }
  return t;
}

/** "sign-in" → "Sign-in (SSO)"; null → "—"; an unknown id as it is. */
export function serviceName(snap: PeriodSnapshot, id: string | null): string {
  if (id === null) return '—';
  return tableOf(snap).services.get(id) ?? id;
}

/** "p1" → "P1 Critical"; an unknown id as it is. */
export function priorityName(snap: PeriodSnapshot, id: string): string {
  return tableOf(snap).priorities.get(id) ?? id;
}
