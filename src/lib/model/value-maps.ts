/**
 * Source words → canonical values. Matching is case-insensitive, ignores surrounding spaces
 * and treats any run of white space (including non-breaking spaces) as one space; a word no
 * map knows is a rejected row, never a guess.
 *
 * A source's (or preset's) map sends a word to a target, and the target is then resolved like
 * a word the export wrote itself. So a preset can map ServiceNow's `1 - Critical` to `P1`
 * without knowing the config's level ids, and a map to a target that names nothing configured
 * rejects the row instead of inventing a level, service or status.
 */
import type { ExportKind } from './canonical-fields.ts';
import { SPACE_RUN, trimCell } from './cell-space.ts';
import type { CheckStatus } from './records.ts';

/**
 * The canonical fields whose words a source may map under `values`, per kind of export (a
 * `duckdb` source's table holds checks). The row mapper reads these maps and no others
 * (row-mappers.ts takes its maps by these names), and the config refuses a map of any other
 * field (config/source-mappings.ts): ticket statuses, titles, categories and the like are read as
 * written. A rollups file holds configured service ids and numbers: no word to map.
 */
export const VALUE_MAP_FIELDS = {
  checks: ['service', 'status'],
  tickets: ['priority', 'service', 'sourceOnTime'],
  surveys: ['service', 'csat', 'nps', 'ces'],
  incidents: ['level', 'service'],
  changes: ['service', 'type', 'outcome'],
  rollups: [],
} as const satisfies Record<ExportKind, readonly string[]>;

/** A field some kind of export maps words of. */
export type ValueMapField = (typeof VALUE_MAP_FIELDS)[ExportKind][number];

/** A number as a cell (or a score word's target) writes it: optional sign, digits with an optional fraction, optional exponent. */
export const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** What a service is called, for the service value map. */
export interface ServiceNames {
  id: string;
  name: string;
  aliases: string[];
}

/** A priority level's words, for the priority value map. */
export interface PriorityWords {
  id: string;
  words: string[];
}

export const DEFAULT_STATUS_WORDS: Record<string, CheckStatus> = {};
for (const w of ['up', 'ok', 'success', 'pass', 'true', '1']) DEFAULT_STATUS_WORDS[w] = 'up';
for (const w of ['degraded', 'warn', 'warning', 'slow']) DEFAULT_STATUS_WORDS[w] = 'degraded';
for (const w of ['down', 'fail', 'failed', 'failure', 'error', 'critical', 'false', '0']) DEFAULT_STATUS_WORDS[w] = 'down';

/** The form words are compared in: trimmed, lower case, white-space runs (CELL_SPACE, incl. U+00A0) as one space. */
export const normWord = (s: string): string => trimCell(s).replace(SPACE_RUN, ' ').toLowerCase();

/** The source map with normalized keys and values. */
function ownMap(sourceMap: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(sourceMap).map(([k, v]) => [normWord(k), v]));
}

/** Maps status words: the source's own map first, then the defaults, then HTTP codes (2xx/3xx up, 5xx down). */
export function statusMapper(sourceMap: Record<string, string> = {}): (word: string) => CheckStatus | null {
  const own = ownMap(sourceMap);
  const builtIn = (w: string): CheckStatus | null => {
    const hit = DEFAULT_STATUS_WORDS[w];
    if (hit) return hit;
    if (/^[1-5]\d\d$/.test(w)) {
      const code = Number(w);
      if (code >= 200 && code < 400) return 'up';
      if (code >= 500) return 'down';
    }
    return null;
  };
  return (word) => {
    const w = normWord(word);
    const target = own.get(w);
    return builtIn(target === undefined ? w : normWord(target));
  };
}

/** Maps priority words to level ids: the source's map (to a level id or word), then each level's `words`, then the level ids. */
export function priorityMapper(priorities: PriorityWords[], sourceMap: Record<string, string> = {}): (word: string) => string | null {
  const m = new Map<string, string>();
  for (const level of priorities) {
    m.set(normWord(level.id), level.id);
    for (const w of level.words) m.set(normWord(w), level.id);
  }
  const own = ownMap(sourceMap);
  return (word) => {
    const w = normWord(word);
    const target = own.get(w);
    return m.get(target === undefined ? w : normWord(target)) ?? null;
  };
}

/** Maps service names to service ids: the source's map (to an id, alias or name), then ids, aliases and display names. */
export function serviceMapper(services: ServiceNames[], sourceMap: Record<string, string> = {}): (word: string) => string | null {
  const m = new Map<string, string>();
  for (const s of services) {
    m.set(normWord(s.name), s.id);
    for (const a of s.aliases) m.set(normWord(a), s.id);
    m.set(normWord(s.id), s.id);
  }
  const own = ownMap(sourceMap);
  return (word) => {
    const w = normWord(word);
    const target = own.get(w);
    return m.get(target === undefined ? w : normWord(target)) ?? null;
  };
}

/**
 * Maps score words (Likert labels such as `Strongly Agree`) to numbers through a value map;
 * null when the map does not know the word, so the caller can read it as a number instead.
 */
export function scoreWordMapper(sourceMap: Record<string, string> = {}): (word: string) => string | null {
  const own = ownMap(sourceMap);
  return (word) => own.get(normWord(word)) ?? null;
}

/** Words for a source's own on-time verdict (Boston 311 `ONTIME`/`OVERDUE`, yes/no, met/breached). */
const ON_TIME_WORDS = new Map<string, boolean>();
for (const w of ['ontime', 'on time', 'on-time', 'true', 'yes', 'y', 'met', 'within sla']) ON_TIME_WORDS.set(w, true);
for (const w of ['overdue', 'late', 'false', 'no', 'n', 'breached', 'missed', 'not met']) ON_TIME_WORDS.set(w, false);

/** Maps an on-time verdict word to true/false (through the source's map first); null for a word it does not know. */
export function onTimeMapper(sourceMap: Record<string, string> = {}): (word: string) => boolean | null {
  const own = ownMap(sourceMap);
  return (word) => {
    const w = normWord(word);
    const target = own.get(w);
    return ON_TIME_WORDS.get(target === undefined ? w : normWord(target)) ?? null;
  };
}

/**
 * The id a service the config does not list is accepted under: its name (as published: masked
 * for personal data by the caller, so no address or number reaches a URL) in lower case,
 * accents dropped, every other run of characters but letters and digits as one dash (ids are
 * used in URLs). A name with no such letters (e.g. written in Chinese) gets `service-` and a
 * hash of the name, so two such names stay apart.
 * @example unconfiguredServiceId("Mayor's 24 Hour Hotline") // "mayor-s-24-hour-hotline"
 */
export function unconfiguredServiceId(name: string): string {
  const slug = normWord(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug !== '') return slug;
  let h = 0x811c9dc5;
  for (const ch of normWord(name)) h = Math.imul(h ^ (ch.codePointAt(0) as number), 0x01000193) >>> 0;
  return `service-${h.toString(16).padStart(8, '0')}`;
}

/** Change type words understood without a map: the canonical types themselves (other words go through values.type). */
export const CHANGE_TYPE_WORDS: PriorityWords[] = [
  { id: 'normal', words: [] },
  { id: 'standard', words: [] },
  { id: 'emergency', words: [] },
];

/** Change outcome words understood without a map (other words, e.g. ServiceNow's close codes, go through values.outcome). */
export const CHANGE_OUTCOME_WORDS: PriorityWords[] = [
  { id: 'successful', words: ['success'] },
  { id: 'failed', words: ['failure'] },
  { id: 'rolled-back', words: ['rolled back', 'rollback', 'backed out'] },
];
