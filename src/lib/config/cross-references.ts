/**
 * Config problems that span several keys (references to calendars, services and sources,
 * duplicate ids, words claimed twice, monitored services, priority schemes). Works on the raw
 * YAML, so a config with shape errors still gets these reported in the same pass.
 */
import { LOCALES } from '../model/locales.ts';
import { PRESETS } from './presets.ts';
import { type MappingIssue, sourceMappingIssues } from './source-mappings.ts';
import { SOURCE_READING_DEFAULTS } from './source-reading-defaults.ts';

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x): x is Loose => x !== null && typeof x === 'object') : []);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Problems that span several keys: references to calendars and services, duplicate ids, and a
 * source's mapping against its kind (source-mappings.ts). Works on the raw YAML as well, so a config with shape errors still gets these reported in
 * the same pass (every problem at once).
 */
export function crossReferenceIssues(raw: unknown): MappingIssue[] {
  const out: MappingIssue[] = [];
  if (raw === null || typeof raw !== 'object') return out;
  const cfg = raw as Loose;
  const calendars = list(cfg.calendars);
  const calendarIds = new Set(calendars.map((c) => text(c.id)).filter((x): x is string => x !== null));
  const known = () => [...calendarIds].join(', ') || 'none';
  // A locale listed twice would build its pages twice into the same folder.
  const review = cfg.review !== null && typeof cfg.review === 'object' ? (cfg.review as Loose) : {};
  const locales = Array.isArray(review.locales) ? review.locales : [];
  locales.forEach((l, i) => {
    if (typeof l === 'string' && locales.indexOf(l) !== i)
      out.push({ path: ['review', 'locales', i], message: `duplicate locale "${l}"; each of ${LOCALES.join(', ')} at most once` });
  });
  list(cfg.priorities).forEach((p, i) => {
    if (
      (p.clock === 'business' || list(p.changes).some((c) => c.clock === 'business')) &&
      !text(p.calendar) &&
      !list(p.changes).some((c) => text(c.calendar))
    )
      out.push({ path: ['priorities', i, 'calendar'], message: 'required when clock is business' });
    const cal = text(p.calendar);
    if (cal && !calendarIds.has(cal))
      out.push({ path: ['priorities', i, 'calendar'], message: `no calendar with id "${cal}" (known: ${known()})` });
    list(p.changes).forEach((c, j) => {
      const cc = text(c.calendar);
      if (cc && !calendarIds.has(cc))
        out.push({ path: ['priorities', i, 'changes', j, 'calendar'], message: `no calendar with id "${cc}" (known: ${known()})` });
    });
  });
  for (const where of ['services', 'priorities', 'incidentLevels', 'calendars', 'sources']) {
    const seen = new Set<string>();
    list(cfg[where]).forEach((item, i) => {
      const id = text(item.id);
      if (id === null) return;
      if (seen.has(id)) out.push({ path: [where, i, 'id'], message: `duplicate id "${id}"` });
      seen.add(id);
    });
  }
  // A word claimed twice: the same source word (or id) on two priority levels, the same id, name
  // or alias on two services. Before issue #13 the first level silently won (every P1 counted as P2).
  // Levels of two priority schemes (disjoint `sources`) may use the same word: a ticket meets one scheme only.
  const sourcesOf = (item: Loose): Set<unknown> | null => (Array.isArray(item.sources) ? new Set(item.sources as unknown[]) : null);
  const overlap = (where: string, a: number, b: number) => {
    if (where !== 'priorities') return true;
    const [sa, sb] = [sourcesOf(list(cfg.priorities)[a] ?? {}), sourcesOf(list(cfg.priorities)[b] ?? {})];
    return sa === null || sb === null || [...sa].some((x) => sb.has(x));
  };
  const claimed = (where: 'priorities' | 'services' | 'incidentLevels', keys: string[], what: string) => {
    const owners = new Map<string, Array<{ i: number; key: string }>>();
    list(cfg[where]).forEach((item, i) => {
      const mine = new Set<string>();
      for (const key of keys) {
        const values = Array.isArray(item[key]) ? (item[key] as unknown[]) : [item[key]];
        values.forEach((v, j) => {
          const word = text(v)?.trim().toLowerCase();
          if (!word || mine.has(word)) return;
          mine.add(word);
          const seen = owners.get(word) ?? [];
          const first = seen.find((o) => o.i !== i && overlap(where, o.i, i));
          // The same id twice is already a duplicate id.
          if (first && !(key === 'id' && first.key === 'id'))
            out.push({
              path: Array.isArray(item[key]) ? [where, i, key, j] : [where, i, key],
              message: `${what} "${text(v)}" is also claimed by ${where}[${first.i}] (${first.key}); a word can mean one level only`,
            });
          else if (!first) owners.set(word, [...seen, { i, key }]);
        });
      }
    });
  };
  claimed('priorities', ['id', 'words'], 'priority word');
  claimed('services', ['id', 'name', 'aliases'], 'service name');
  claimed('incidentLevels', ['id', 'words'], 'incident level word');
  const presetIds = PRESETS.map((p) => p.id);
  list(cfg.sources).forEach((src, i) => {
    const preset = text(src.preset);
    if (preset !== null && !presetIds.includes(preset))
      out.push({ path: ['sources', i, 'preset'], message: `unknown preset "${preset}"; known presets: ${presetIds.join(', ')}` });
  });
  // Working hours the business-time arithmetic can use: each interval ends after it starts, and
  // some weekday has hours (else a business-time deadline would never come).
  const minutes = (t: unknown) =>
    typeof t === 'string' && /^\d{2}:\d{2}$/.test(t) ? Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) : null;
  const checkHours = (hours: unknown, path: Array<string | number>): number => {
    if (hours === null || typeof hours !== 'object') return 0;
    let count = 0;
    for (const [day, intervals] of Object.entries(hours as Loose)) {
      if (!Array.isArray(intervals)) continue;
      intervals.forEach((iv, k) => {
        if (!Array.isArray(iv)) return;
        const [from, to] = [minutes(iv[0]), minutes(iv[1])];
        if (from === null || to === null) return;
        if (to <= from)
          out.push({ path: [...path, day, k], message: `a working interval must end after it starts, got ${iv[0]}–${iv[1]}` });
        else count++;
      });
    }
    return count;
  };
  calendars.forEach((c, i) => {
    if (checkHours(c.weeklyHours, ['calendars', i, 'weeklyHours']) === 0 && c.weeklyHours !== undefined)
      out.push({ path: ['calendars', i, 'weeklyHours'], message: 'needs working hours on at least one weekday' });
    list(c.changes).forEach((ch, j) => {
      if (checkHours(ch.weeklyHours, ['calendars', i, 'changes', j, 'weeklyHours']) === 0 && ch.weeklyHours !== undefined)
        out.push({ path: ['calendars', i, 'changes', j, 'weeklyHours'], message: 'needs working hours on at least one weekday' });
    });
  });
  const serviceIds = new Set(list(cfg.services).map((s) => text(s.id)));
  // Monitored services (issue #15): availability settings come together, and only where checks can land.
  const monitored = new Set<string | null>();
  list(cfg.services).forEach((s, i) => {
    const hasTarget = s.target !== undefined;
    const hasThreshold = s.latencyThresholdMs !== undefined;
    if (hasTarget && hasThreshold) monitored.add(text(s.id));
    else if (hasTarget !== hasThreshold)
      out.push({
        path: ['services', i, hasTarget ? 'latencyThresholdMs' : 'target'],
        message: 'a monitored service needs both target and latencyThresholdMs (give both, or neither for a service without checks)',
      });
  });
  const sources = list(cfg.sources);
  sources.forEach((src, i) => {
    if (src.kind !== 'checks') return;
    const sv = text(src.defaultService);
    if (sv !== null && serviceIds.has(sv) && !monitored.has(sv))
      out.push({
        path: ['sources', i, 'defaultService'],
        message: `service "${sv}" takes checks from this source but has no availability target: give it target and latencyThresholdMs`,
      });
    else if (monitored.size === 0 && serviceIds.size > 0)
      out.push({
        path: ['sources', i, 'kind'],
        message: 'a checks source needs a monitored service: give a service target and latencyThresholdMs',
      });
  });
  // Priority schemes: a level's sources are ticket sources, and each ticket source has levels.
  const ticketSources = new Set(sources.filter((s) => s.kind === 'tickets').map((s) => text(s.id)));
  const levels = list(cfg.priorities);
  levels.forEach((p, i) => {
    if (!Array.isArray(p.sources)) return;
    (p.sources as unknown[]).forEach((sid, j) => {
      if (typeof sid === 'string' && !ticketSources.has(sid))
        out.push({ path: ['priorities', i, 'sources', j], message: `no ticket source with id "${sid}"` });
    });
  });
  // A survey's ticket sources: each a ticket source, or its responses would join nothing.
  sources.forEach((src, i) => {
    const named = src.ticketSources;
    const check = (sid: unknown, path: Array<string | number>) => {
      if (typeof sid === 'string' && !ticketSources.has(sid))
        out.push({ path, message: `not a ticket source (ticket sources: ${[...ticketSources].join(', ') || 'none'})` });
    };
    if (Array.isArray(named))
      named.forEach((sid, j) => {
        check(sid, ['sources', i, 'ticketSources', j]);
      });
    else check(named, ['sources', i, 'ticketSources']);
  });
  sources.forEach((src, i) => {
    if (src.kind !== 'tickets') return;
    const sid = text(src.id);
    if (!levels.some((p) => !Array.isArray(p.sources) || (p.sources as unknown[]).includes(sid)))
      out.push({
        path: ['sources', i, 'kind'],
        message: `ticket source "${sid}" has no priority level: add priorities (with sources: [${sid}])`,
      });
  });
  // An incident source without a graded-response policy would reject every row as of an unknown level.
  if (list(cfg.incidentLevels).length === 0)
    sources.forEach((src, i) => {
      if (src.kind === 'incidents')
        out.push({
          path: ['sources', i, 'kind'],
          message: `incident source "${text(src.id)}" needs incident levels: add incidentLevels (the graded-response policy)`,
        });
    });
  // Engine keys mean nothing to a CSV reader, nor resolved statuses to anything but tickets: said on another kind, they
  // are a mistake, not a setting.
  sources.forEach((src, i) => {
    if (src.table !== undefined && src.kind !== 'duckdb')
      out.push({ path: ['sources', i, 'table'], message: 'only a duckdb source reads a table' });
    if (src.memoryLimit !== undefined && src.kind !== 'duckdb' && src.kind !== 'rollups')
      out.push({ path: ['sources', i, 'memoryLimit'], message: 'only duckdb and rollups sources run DuckDB' });
    if (src.resolvedStatuses !== undefined && src.kind !== 'tickets')
      out.push({ path: ['sources', i, 'resolvedStatuses'], message: 'only a tickets source has resolved statuses' });
    if (src.ticketSources !== undefined && src.kind !== 'surveys')
      out.push({
        path: ['sources', i, 'ticketSources'],
        message: "only a surveys source names the ticket sources of its responses' ticket ids",
      });
    // How timestamps and CSV text are read means nothing where the format fixes it: said there, it would be ignored.
    const fixed: Record<string, string> | null =
      src.kind === 'rollups'
        ? {
            timeZone: "a rollups source's dates are days of the review zone (docs/rollups.md)",
            dateOrder: "a rollups source's dates are written YYYY-MM-DD",
            epochUnit: 'a rollups source has no timestamps, only dates',
            ambiguous: 'a rollups source has no local times, only dates',
          }
        : src.kind === 'duckdb'
          ? {
              timeZone: 'a duckdb source reads its time column as instants (a TIMESTAMP is UTC; docs/rollups.md)',
              dateOrder: 'a duckdb source reads typed timestamps, not text',
              epochUnit: 'a duckdb source reads typed timestamps, not numbers',
              ambiguous: 'a duckdb source reads instants, not local times',
              delimiter: 'a duckdb source reads a database file or Parquet, not CSV',
              encoding: 'a duckdb source reads a database file or Parquet, not CSV',
            }
          : null;
    // A key at its default says nothing (and this runs on the parsed config too, where defaults are filled in).
    const defaults: Record<string, unknown> = SOURCE_READING_DEFAULTS;
    for (const [key, why] of Object.entries(fixed ?? {}))
      if (src[key] !== undefined && src[key] !== defaults[key])
        out.push({ path: ['sources', i, key], message: `${why}: ${key} does not apply` });
  });
  list(cfg.maintenance).forEach((m, i) => {
    const sv = text(m.service);
    if (sv !== null && sv !== '*' && !serviceIds.has(sv))
      out.push({ path: ['maintenance', i, 'service'], message: `no service with id "${sv}"` });
  });
  list(cfg.sources).forEach((src, i) => {
    const sv = text(src.defaultService);
    if (sv !== null && !serviceIds.has(sv)) out.push({ path: ['sources', i, 'defaultService'], message: `no service with id "${sv}"` });
  });
  // Each key under columns and values a field of the source's kind, each word mapped to a value the field takes.
  out.push(...sourceMappingIssues(raw));
  return out;
}
