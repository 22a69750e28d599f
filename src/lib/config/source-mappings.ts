/**
 * A source's mapping, checked against what its kind of export reads: every key under `columns`
 * and `values` is a canonical field of the kind (model/canonical-fields.ts), every field under
 * `values` is one the row mapper reads a value map for (VALUE_MAP_FIELDS), every word a value map
 * sends somewhere names a value that field takes, and a preset reads the source's kind. Before,
 * a misspelt key (`firstRespons`, `stauts`) was accepted and did nothing, so the figure came from
 * the built-in column or from none, and a target the field cannot take (`status: { OK: upp }`)
 * rejected every row holding the word.
 *
 * A target is checked with the very mappers the rows go through (model/value-maps.ts), with the
 * source's own map left out: a target is resolved like a word the export wrote itself, so it is
 * taken exactly when the mapper takes it as a word. A preset's maps are not checked here: a preset
 * does not know the config, and its target naming nothing configured rejects the row, as a word in
 * the export would (docs/presets.md).
 *
 * Works on the raw YAML like cross-references.ts, so these problems are listed with every other.
 */
import { CANONICAL_FIELDS, type ExportKind } from '../model/canonical-fields.ts';
import {
  CHANGE_OUTCOME_WORDS,
  CHANGE_TYPE_WORDS,
  NUMBER_TEXT,
  onTimeMapper,
  type PriorityWords,
  priorityMapper,
  type ServiceNames,
  serviceMapper,
  statusMapper,
  VALUE_MAP_FIELDS,
} from '../model/value-maps.ts';
import { closestName } from '../util/did-you-mean.ts';
import { PRESETS } from './presets.ts';

type Loose = Record<string, unknown>;
/**
 * A config problem. `params.noValue`: the value at the path is not shown after the message (`, got …`),
 * since the path ends at a key that is wrong (the value under it is beside the point) or the message names it.
 */
export type MappingIssue = { path: Array<string | number>; message: string; params?: { noValue: true } };

const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x): x is Loose => x !== null && typeof x === 'object') : []);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const mapping = (v: unknown): Loose | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : null);
const guess = (word: string, names: readonly string[]) => {
  const near = closestName(word, names);
  return near === null ? '' : `; did you mean ${near}?`;
};
/** `a, b or c` */
const orList = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);

const NO_VALUE = { noValue: true } as const;
const EXPORT_KINDS: readonly string[] = ['checks', 'tickets', 'surveys', 'incidents', 'changes'];

/** Why a field that takes no value map is read as it is, where more than "as written" helps. */
const READ_AS_WRITTEN: Partial<Record<string, string>> = {
  'tickets.status': 'ticket statuses are read as written (list the ones that mean resolved under resolvedStatuses)',
};

/** What one source's value maps may send words to: the config's services, levels and scales. */
interface Targets {
  services: ServiceNames[];
  monitored: ServiceNames[];
  /** Every priority level, whatever its sources. */
  levels: PriorityWords[];
  /** The levels of one ticket source's scheme: those without sources, and those naming it. */
  levelsOf: (sourceId: string | null) => PriorityWords[];
  incidentLevels: PriorityWords[];
  scales: Record<'csat' | 'nps' | 'ces', { min: number; max: number }>;
}

function targetsOf(cfg: Loose): Targets {
  const serviceNames = (s: Loose): ServiceNames | null => {
    const id = text(s.id);
    return id === null ? null : { id, name: text(s.name) ?? id, aliases: strings(s.aliases) };
  };
  const services = list(cfg.services);
  const named = (xs: Loose[]) => xs.map(serviceNames).filter((s): s is ServiceNames => s !== null);
  const levels = list(cfg.priorities)
    .map((p) => ({ id: text(p.id), words: strings(p.words), sources: Array.isArray(p.sources) ? strings(p.sources) : null }))
    .filter((p): p is PriorityWords & { sources: string[] | null } => p.id !== null);
  const surveys = mapping(cfg.surveys) ?? {};
  const scale = (which: string, fallback: { min: number; max: number }) => {
    const s = mapping(surveys[which]) ?? {};
    return {
      min: typeof s.min === 'number' ? s.min : fallback.min,
      max: typeof s.max === 'number' ? s.max : fallback.max,
    };
  };
  return {
    services: named(services),
    // As cross-references.ts and resolve-source.ts decide it: both availability settings make a service monitored.
    monitored: named(services.filter((s) => s.target !== undefined && s.latencyThresholdMs !== undefined)),
    levels,
    levelsOf: (sourceId) => levels.filter((l) => l.sources === null || (sourceId !== null && l.sources.includes(sourceId))),
    incidentLevels: list(cfg.incidentLevels)
      .map((l) => ({ id: text(l.id), words: strings(l.words) }))
      .filter((l): l is PriorityWords => l.id !== null),
    scales: { csat: scale('csat', { min: 1, max: 5 }), nps: { min: 0, max: 10 }, ces: scale('ces', { min: 1, max: 7 }) },
  };
}

const wordsOf = (levels: PriorityWords[]) => levels.flatMap((l) => [l.id, ...l.words]);
const namesOf = (services: ServiceNames[]) => services.flatMap((s) => [s.id, s.name, ...s.aliases]);
const got = (t: string) => `got ${JSON.stringify(t)}`;

/**
 * Why a value map of `field` in a source of `kind` cannot send a word to `target`, or null when
 * the row mapper would take the target as a word of that field.
 */
function targetProblem(kind: ExportKind, field: string, target: string, sourceId: string | null, t: Targets): string | null {
  switch (field) {
    case 'status': {
      if (statusMapper()(target) !== null) return null;
      return `expected a check status (up, degraded or down), ${got(target)}${guess(target, ['up', 'degraded', 'down'])}`;
    }
    case 'service': {
      const checks = kind === 'checks';
      const takes = checks ? t.monitored : t.services;
      if (serviceMapper(takes)(target) !== null) return null;
      const what = `expected a ${checks ? 'monitored' : 'configured'} service by id, alias or name (${takes.map((s) => s.id).join(', ') || 'none'})`;
      if (checks && serviceMapper(t.services)(target) !== null)
        return `${what}, ${got(target)}, which is configured but not monitored: give it target and latencyThresholdMs to take checks`;
      return `${what}, ${got(target)}${guess(target, namesOf(takes))}`;
    }
    case 'priority': {
      const mine = t.levelsOf(sourceId);
      if (priorityMapper(mine)(target) !== null) return null;
      const what = `expected a priority level of this source by id or word (${mine.map((l) => l.id).join(', ') || 'none'})`;
      const other = priorityMapper(t.levels)(target);
      if (other !== null) return `${what}, ${got(target)}, which names level ${other}, whose sources do not include ${sourceId}`;
      return `${what}, ${got(target)}${guess(target, wordsOf(mine))}`;
    }
    case 'level': {
      if (priorityMapper(t.incidentLevels)(target) !== null) return null;
      const what = `expected an incident level by id or word (${t.incidentLevels.map((l) => l.id).join(', ') || 'none'})`;
      return `${what}, ${got(target)}${guess(target, wordsOf(t.incidentLevels))}`;
    }
    case 'sourceOnTime':
      if (onTimeMapper()(target) !== null) return null;
      return `expected an on-time verdict (true or false), ${got(target)}${guess(target, ['true', 'false'])}`;
    case 'type': {
      if (priorityMapper(CHANGE_TYPE_WORDS)(target) !== null) return null;
      const types = CHANGE_TYPE_WORDS.map((w) => w.id);
      return `expected a change type (${orList(types)}), ${got(target)}${guess(target, types)}`;
    }
    case 'outcome': {
      if (priorityMapper(CHANGE_OUTCOME_WORDS)(target) !== null) return null;
      const outcomes = CHANGE_OUTCOME_WORDS.map((w) => w.id);
      return `expected a change outcome (${orList(outcomes)}), ${got(target)}${guess(target, outcomes)}`;
    }
    case 'csat':
    case 'nps':
    case 'ces': {
      // As the row mapper checks a score word's target (row-mappers.ts, num): a whole number within the scale.
      const { min, max } = t.scales[field];
      const n = Number(target);
      if (NUMBER_TEXT.test(target) && Number.isInteger(n) && n >= min && n <= max) return null;
      return `expected a whole number from ${min} to ${max} (the ${field} scale), ${got(target)}`;
    }
    default:
      return null;
  }
}

/** The problems of every source's `preset`, `columns` and `values`, each with its path. */
export function sourceMappingIssues(raw: unknown): MappingIssue[] {
  const out: MappingIssue[] = [];
  const cfg = mapping(raw);
  if (cfg === null) return out;
  const targets = targetsOf(cfg);
  list(cfg.sources).forEach((src, i) => {
    const kind = text(src.kind);
    const at = (...rest: Array<string | number>) => ['sources', i, ...rest];
    const columns = mapping(src.columns);
    const values = mapping(src.values);
    const preset = PRESETS.find((p) => p.id === text(src.preset));
    if (kind === 'rollups') {
      // The format's columns are fixed and its service column holds ids: nothing to map (docs/rollups.md).
      const fixed = "the rollup format's column names are fixed (docs/rollups.md)";
      if (src.preset !== undefined)
        out.push({ path: at('preset'), message: `a rollups source takes no preset: ${fixed}`, params: NO_VALUE });
      if (columns !== null && Object.keys(columns).length > 0)
        out.push({ path: at('columns'), message: `a rollups source takes no column mapping: ${fixed}`, params: NO_VALUE });
      if (values !== null && Object.keys(values).length > 0)
        out.push({
          path: at('values'),
          message: 'a rollups source takes no value mapping: its service column holds configured service ids (docs/rollups.md)',
          params: NO_VALUE,
        });
      return;
    }
    if (kind === null || (kind !== 'duckdb' && !EXPORT_KINDS.includes(kind))) return;
    // A duckdb source's table holds checks: it maps the fields and words of checks (resolve-source.ts).
    const reads: ExportKind = kind === 'duckdb' ? 'checks' : (kind as ExportKind);
    const exportsOf = kind === 'duckdb' ? "checks (a duckdb source's table holds checks)" : `${reads} exports`;
    if (preset !== undefined && preset.kind !== reads)
      out.push({
        path: at('preset'),
        message: `preset "${preset.id}" reads ${preset.kind} exports, not ${reads} (presets for ${reads}: ${
          PRESETS.filter((p) => p.kind === reads)
            .map((p) => p.id)
            .join(', ') || 'none'
        })`,
        params: NO_VALUE,
      });
    const fields = Object.keys(CANONICAL_FIELDS[reads]);
    for (const key of Object.keys(columns ?? {}))
      if (!fields.includes(key))
        out.push({
          path: at('columns', key),
          message: `not a field of ${exportsOf}${guess(key, fields)} (fields: ${fields.join(', ')})`,
          params: NO_VALUE,
        });
    const mapped: readonly string[] = VALUE_MAP_FIELDS[reads];
    const withMaps = `fields with value maps: ${mapped.join(', ')}`;
    for (const [field, words] of Object.entries(values ?? {})) {
      if (!fields.includes(field)) {
        out.push({
          path: at('values', field),
          message: `not a field of ${exportsOf}${guess(field, mapped)} (${withMaps})`,
          params: NO_VALUE,
        });
        continue;
      }
      if (!mapped.includes(field)) {
        const why = READ_AS_WRITTEN[`${reads}.${field}`] ?? 'its cells are read as written';
        out.push({
          path: at('values', field),
          message: `${reads} exports take no value map for ${field}: ${why}; ${withMaps}`,
          params: NO_VALUE,
        });
        continue;
      }
      for (const [word, target] of Object.entries(mapping(words) ?? {})) {
        if (typeof target !== 'string') continue;
        const problem = targetProblem(reads, field, target, text(src.id), targets);
        if (problem !== null) out.push({ path: at('values', field, word), message: problem });
      }
    }
  });
  return out;
}
