/**
 * The one place where a source's configuration is read: its own options, its preset's and the
 * review's defaults become a `SourceOptions` object, with every default applied once, and a
 * file's header turns that into a `ResolvedSource` (which column holds which field). The row
 * mapper, both fast scanners, the worker threads and the parsed-file cache key take only these
 * objects, so the paths cannot disagree on an option (issue #12: the fast path once defaulted
 * `dateOrder` on its own and read 03/11/2026 as 11 March where the general path asked for it).
 *
 * Both objects are plain data: they are sent to worker threads as they are, and their JSON is
 * part of the cache key.
 */
import { DEFAULT_RESOLVED_STATUSES, type ReviewConfig, type SourceConfig } from '../config/config-schema.ts';
import { presetFor } from '../config/presets.ts';
import { sourceAsOf } from '../config/resolve-rules.ts';
import { CANONICAL_FIELDS, type ExportKind } from '../model/canonical-fields.ts';
import { normWord, type PriorityWords, type ServiceNames } from '../model/value-maps.ts';
import type { TimestampOptions } from '../time/parse-timestamp.ts';
import type { DelimiterOption } from './open-export.ts';

/** A source's options with the preset's and the review's defaults applied: everything a reader consults. */
export interface SourceOptions {
  id: string;
  kind: ExportKind;
  /** Glob pattern(s) of its files, relative to the config folder, as configured. */
  files: string | string[];
  /** `auto` or an encoding name, as openExport takes it. */
  encoding: string;
  delimiter: DelimiterOption;
  /** Per canonical field, the header names that may hold it, in order (the source's, else the preset's, else the built-in names). */
  columns: Record<string, string[]>;
  /** Canonical fields the source maps under its own `columns`: required in each of its files, sorted. */
  mapped: string[];
  timestamps: TimestampOptions;
  /** Per field, source word → canonical word: the preset's map with the source's on top. */
  values: Record<string, Record<string, string>>;
  /** Lower-cased words that mean "no value". */
  missingWords: string[];
  /** Column names (normWord) the preset says may repeat (multi-value fields); the first is read. */
  repeatedColumns: string[];
  /** Per field, normalised word (normWord) → why a row with it is rejected. */
  rejectWords: Record<string, Record<string, string>>;
  /** Normalised ticket status words that mean resolved: the source's, else the preset's, else DEFAULT_RESOLVED_STATUSES ([] for other kinds). */
  resolvedStatuses: string[];
  /** Time fields whose column holds minutes after creation (the preset's, unless the source maps the field itself). */
  minutesAfterCreated: Array<'firstResponseMs' | 'resolvedMs'>;
  defaultService: string | null;
  /** When the export was taken (the source's `asOf`), as configured and as an instant; a row recording an event after it is rejected. */
  asOf: { text: string; ms: number } | null;
  /** Survey scales the scores are checked against. */
  scales: { csat: { min: number; max: number }; ces: { min: number; max: number } };
  /** The services a row may name: every configured one, or for checks only the monitored ones (with availability settings). */
  services: ServiceNames[];
  /** For checks, the configured services that are not monitored (no target and latencyThresholdMs): named in the reject, not called unknown. */
  unmonitored: ServiceNames[];
  /** The priority levels of this source's scheme (levels without `sources`, or naming this one). */
  priorities: PriorityWords[];
  /** The incident levels of the graded-response policy (for incident sources). */
  incidentLevels: PriorityWords[];
  /** Ticket and survey rows naming a service the config lacks: accepted under the exported name, or rejected. */
  unknownServices: 'accept' | 'reject';
  /** The review's time zone: an account counts its accepted rows per month of it (FileAccount.monthRows). */
  reviewTimeZone: string;
}

/** The options and a file's header: which column holds each canonical field. */
export interface ResolvedSource {
  options: SourceOptions;
  /** The header's cells as read. */
  header: string[];
  /** Canonical field → 0-based column. */
  indices: Record<string, number>;
}

/** A source's options, and why the source cannot be read (an unknown preset), or null. */
export function resolveSourceOptions(source: SourceConfig, config: ReviewConfig): { options: SourceOptions; problem: string | null } {
  const preset = source.preset === undefined ? null : presetFor(source.preset);
  const problem = source.preset !== undefined && preset === null ? `source "${source.id}": unknown preset "${source.preset}"` : null;
  const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
  // A duckdb source's table holds checks: its columns and words are mapped as a checks export's.
  const kind: ExportKind = source.kind === 'duckdb' ? 'checks' : source.kind;
  const columns: Record<string, string[]> = {};
  for (const [field, info] of Object.entries(CANONICAL_FIELDS[kind])) {
    const configured = source.columns[field] ?? preset?.columns[field];
    columns[field] = configured === undefined ? info.headers : list(configured);
  }
  const values: Record<string, Record<string, string>> = {};
  for (const field of new Set([...Object.keys(preset?.values ?? {}), ...Object.keys(source.values)]))
    values[field] = { ...(preset?.values[field] ?? {}), ...(source.values[field] ?? {}) };
  // Checks land only on monitored services (with both availability settings); other kinds on any configured one.
  const takesNoChecks = (s: ReviewConfig['services'][number]) =>
    kind === 'checks' && (s.target === undefined || s.latencyThresholdMs === undefined);
  const serviceNames = (s: ReviewConfig['services'][number]): ServiceNames => ({ id: s.id, name: s.name, aliases: s.aliases });
  // The config was validated: an asOf that is no instant cannot get here.
  const asOf = source.asOf === undefined ? null : sourceAsOf(source.asOf, config.review.timeZone);
  const asOfMs = asOf !== null && 'ms' in asOf ? asOf.ms : null;
  const rejectWords: Record<string, Record<string, string>> = {};
  for (const [field, words] of Object.entries(preset?.rejectWords ?? {}))
    rejectWords[field] = Object.fromEntries(Object.entries(words).map(([w, why]) => [normWord(w), why]));
  const options: SourceOptions = {
    id: source.id,
    kind,
    files: source.files,
    encoding: source.encoding,
    delimiter: source.delimiter,
    columns,
    mapped: Object.keys(columns)
      .filter((f) => source.columns[f] !== undefined)
      .sort(),
    timestamps: {
      // The source's own setting, else the preset's (where the tool fixes it), else the review's zone / year-first dates.
      // Rollups are days of the review zone by definition (docs/rollups.md).
      timeZone: kind === 'rollups' ? config.review.timeZone : (source.timeZone ?? preset?.timeZone ?? config.review.timeZone),
      dateOrder: source.dateOrder ?? preset?.dateOrder ?? 'ymd',
      ambiguous: source.ambiguous,
      epochUnit: source.epochUnit,
    },
    values,
    missingWords: (preset?.missing ?? []).map((w) => w.toLowerCase()),
    repeatedColumns: (preset?.repeatedColumns ?? []).map(normWord),
    rejectWords,
    // The source's own words, else the preset's, else the common ones: one rule for every ticket source (docs/presets.md).
    resolvedStatuses:
      kind === 'tickets' ? (source.resolvedStatuses ?? preset?.resolvedStatuses ?? DEFAULT_RESOLVED_STATUSES).map(normWord) : [],
    // A source that maps the field to a column of its own has told us what that column holds.
    minutesAfterCreated: (preset?.minutesAfterCreated ?? []).filter((f) => source.columns[f] === undefined),
    defaultService: source.defaultService ?? null,
    asOf: asOfMs === null ? null : { text: source.asOf as string, ms: asOfMs },
    scales: {
      csat: { min: config.surveys.csat.min, max: config.surveys.csat.max },
      ces: { min: config.surveys.ces.min, max: config.surveys.ces.max },
    },
    services: config.services.filter((s) => !takesNoChecks(s)).map(serviceNames),
    unmonitored: config.services.filter(takesNoChecks).map(serviceNames),
    priorities: config.priorities
      .filter((p) => p.sources === undefined || p.sources.includes(source.id))
      .map((p) => ({ id: p.id, words: p.words })),
    incidentLevels: config.incidentLevels.map((l) => ({ id: l.id, words: l.words })),
    // A check (a duckdb source's too) must name a monitored service: an unknown one is rejected, never taken under its exported name.
    unknownServices: kind === 'checks' ? 'reject' : config.review.unknownServices,
    reviewTimeZone: config.review.timeZone,
  };
  return { options, problem };
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(' or ');

/**
 * The source as a file with this header reads it, or the required columns the header lacks
 * (each with the names looked for). Header names are compared as value words are (normWord:
 * case, surrounding and repeated white space, no-break and full-width spaces do not matter), so
 * `First  Response` is the column `First Response`. A column the source maps under its own
 * `columns` is required: a file without it would be read as if every row left the field empty.
 */
export function resolveSource(
  options: SourceOptions,
  header: readonly string[],
): ResolvedSource | { missing: string[] } | { duplicates: string[] } {
  const normalized = header.map(normWord);
  const indices: Record<string, number> = {};
  const missing: string[] = [];
  const duplicates: string[] = [];
  for (const [field, info] of Object.entries(CANONICAL_FIELDS[options.kind])) {
    const names = options.columns[field] ?? [];
    const idx = names.map((n) => normalized.indexOf(normWord(n))).find((i) => i >= 0);
    // A column the source reads, named twice: which one is meant cannot be known (issue #13: the first was used).
    const again = idx === undefined ? -1 : normalized.indexOf(normalized[idx] as string, idx + 1);
    if (idx !== undefined && again >= 0 && !options.repeatedColumns.includes(normalized[idx] as string))
      duplicates.push(`"${header[idx]}" (${field}) is both column ${idx + 1} and column ${again + 1}`);
    if (idx !== undefined) indices[field] = idx;
    else if (info.required && !(field === 'service' && options.defaultService !== null)) missing.push(`${field} (${quoted(names)})`);
    else if (options.mapped.includes(field)) missing.push(`${field} (${quoted(names)}), which the source maps under columns`);
  }
  if (options.kind === 'checks' && indices.service === undefined && options.defaultService === null && !options.mapped.includes('service'))
    missing.push(`service (${quoted(options.columns.service ?? [])}, or set defaultService)`);
  if (options.kind === 'surveys' && indices.csat === undefined && indices.nps === undefined && indices.ces === undefined)
    missing.push('at least one of csat, nps, ces');
  if (duplicates.length > 0) return { duplicates };
  return missing.length > 0 ? { missing } : { options, header: [...header], indices };
}

/**
 * The message for a header that lacks required columns.
 * @param delimiter the delimiter the header was split at, when known: a first line of Excel's "sep=;" (its delimiter hint) is named as such
 */
export function missingColumnsMessage(file: string, missing: string[], header: readonly string[], delimiter?: string): string {
  // Names as JSON strings: a header cell with a line break or a control character stays on the message's one line.
  const shown = (h: string) => JSON.stringify(h.length > 60 ? `${h.slice(0, 57)}…` : h);
  const message = `${file}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join('; ')}; the header has ${header.map(shown).join(', ')}`;
  const hint = delimiter === undefined ? null : /^\s*sep=(.?)\s*$/i.exec(header.join(delimiter));
  if (!hint) return message;
  const named = hint[1] === '\t' ? 'tab ("\\t")' : hint[1] ? `"${hint[1]}"` : 'the one the file uses';
  return `${message}. Its first line is Excel's delimiter hint, not the header: delete that line, and set delimiter: ${named} on the source`;
}

/** The message for a header that names a column the source reads twice. */
export function duplicateColumnsMessage(file: string, duplicates: string[]): string {
  return `${file}: the header names a column twice: ${duplicates.join('; ')}; rename or remove one`;
}

/** A tool's own verdict and deadline, shown beside the review's figures and feeding none: most exports have neither. */
const VERDICT_FIELDS = new Set(['sourceOnTime', 'sourceDeadlineMs']);

/**
 * The fields a file's header has no column for, beyond the required ones and the tool's own verdict, each with the names
 * looked for: read as empty in every row. Said by `check`, since nothing else shows it: a tickets
 * export whose resolution column is called `Resolution Date` reads as every ticket open, and
 * breached, for ever, with every row accepted.
 * @param fields the canonical fields the header gave (the file account's `fields`)
 * @example absentFields(ticketOptions, ['createdMs', 'id', 'priority'])[0] // 'firstResponseMs ("first_response" or …)'
 */
export function absentFields(options: SourceOptions, fields: readonly string[]): string[] {
  return Object.keys(CANONICAL_FIELDS[options.kind])
    .filter((field) => !fields.includes(field) && !(field === 'service' && options.defaultService !== null) && !VERDICT_FIELDS.has(field))
    .map((field) => `${field} (${quoted(options.columns[field] ?? [])})`);
}

/** The canonical fields a resolved file provides, sorted (the account's `fields`). */
export function providedFields(resolved: ResolvedSource): string[] {
  return Object.keys(resolved.indices).sort();
}

/**
 * The files of one source that lack a column other files of the source have, each with why that is
 * an error: its rows would be read as if the field were empty in every row (a ticket file without
 * first responses reads as every ticket unanswered, and breached). Files without rows read nothing
 * and are left out, both as evidence and as culprits.
 * @param files the source's files that were read, with the fields their headers gave (FileAccount)
 * @returns one message per file lacking a column, naming it, the column and the files that have it
 */
export function columnsDisagreement(
  options: SourceOptions,
  files: ReadonlyArray<{ file: string; fields: readonly string[]; rows: number }>,
): Array<{ file: string; message: string }> {
  const read = files.filter((f) => f.rows > 0);
  const out: Array<{ file: string; message: string }> = [];
  for (const f of read) {
    const lacking = Object.keys(CANONICAL_FIELDS[options.kind]).filter(
      (field) => !f.fields.includes(field) && read.some((o) => o.fields.includes(field)),
    );
    if (lacking.length === 0) continue;
    const others = read.filter((o) => lacking.some((field) => o.fields.includes(field))).map((o) => o.file);
    const shown = others.length === 1 ? (others[0] as string) : `${others[0]} and ${others.length - 1} more`;
    const one = lacking.length === 1;
    out.push({
      file: f.file,
      message:
        `${f.file}: no column${one ? '' : 's'} for ${lacking.map((field) => `${field} (${quoted(options.columns[field] ?? [])})`).join(', ')}, ` +
        `which the other files of source "${options.id}" have (${shown}); read without ${one ? 'it' : 'them'}, its rows would have no ${lacking.join(', ')}. ` +
        `Give the file the column${one ? '' : 's'}, or list the name${one ? '' : 's'} it uses under ${one ? `columns.${lacking[0]}` : 'columns'}`,
    });
  }
  return out;
}
