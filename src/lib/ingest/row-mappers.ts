// Over 400 lines: one row mapper for every kind of export, whose kinds share the cell helpers made per row (see rowMapperFor).
/**
 * Row → canonical record, per kind. A mapper checks every field it reads and returns either
 * the record or the first problem with its column, value and reason: impossible values are
 * rejected, never repaired.
 */

import { TIMESTAMP_FIELDS } from '../model/canonical-fields.ts';
import { SPACE_RUN, trimCell } from '../model/cell-space.ts';
import type {
  ChangeOutcome,
  ChangeRecord,
  ChangeType,
  CheckRecord,
  IncidentRecord,
  SurveyResponse,
  TicketRecord,
} from '../model/records.ts';
import { DEFAULT_PROBE } from '../model/records.ts';
import {
  CHANGE_OUTCOME_WORDS,
  CHANGE_TYPE_WORDS,
  NUMBER_TEXT,
  normWord,
  onTimeMapper,
  priorityMapper,
  scoreWordMapper,
  serviceMapper,
  statusMapper,
  unconfiguredServiceId,
  type ValueMapField,
} from '../model/value-maps.ts';
import { parseTimestamp } from '../time/parse-timestamp.ts';
import { maskPersonalData } from '../util/mask-personal-data.ts';
import { quoted, type Reason, reason, words } from '../util/reason.ts';
import type { Rejection } from './file-account.ts';
import type { ResolvedSource } from './resolve-source.ts';
import { type RollupRow, rollupRowMapper } from './rollup-rows.ts';

export type RowContext =
  | { kind: 'check'; check: CheckRecord; timeMs: number }
  | { kind: 'ticket'; ticket: TicketRecord; timeMs: number; unconfigured?: { id: string; name: string } }
  | {
      kind: 'survey';
      survey: SurveyResponse;
      timeMs: number;
      /** The service the row names when the config lacks it (accepted under its exported name). */
      unconfigured?: { id: string; name: string };
      /**
       * The whole row's content, for the duplicate key of responses without an id: the mapped
       * record alone makes two respondents who answered alike in the same minute "identical".
       */
      contentKey: string;
      /** The line of the file the row starts on, so check can say where a response whose join it reports was read. */
      line: number;
    }
  | { kind: 'incident'; incident: IncidentRecord; timeMs: number; unconfigured?: { id: string; name: string } }
  | { kind: 'change'; change: ChangeRecord; timeMs: number; unconfigured?: { id: string; name: string } }
  | RollupRow;

class Reject {
  readonly row: Rejection;
  constructor(row: Rejection) {
    this.row = row;
  }
}

/** Distinct cells compared directly before the map is asked (most such columns hold a few words). */
const FIRST_WORDS = 8;

/** Results of a pure word → value function per distinct cell, up to a bound (past it, new cells are not cached). */
function cached<T>(fn: (word: string) => T, limit = 10_000): (word: string) => T {
  const memo = new Map<string, T>();
  const firstWords: string[] = [];
  const firstValues: T[] = [];
  return (word) => {
    for (let i = 0; i < firstWords.length; i++) if (firstWords[i] === word) return firstValues[i] as T;
    let v = memo.get(word);
    if (v === undefined && !memo.has(word)) {
      v = fn(word);
      if (firstWords.length < FIRST_WORDS) {
        firstWords.push(word);
        firstValues.push(v);
      } else if (memo.size < limit) memo.set(word, v);
    }
    return v as T;
  };
}

const REOPENED_WORDS = new Map<string, boolean>([
  ['yes', true],
  ['y', true],
  ['true', true],
  ['no', false],
  ['n', false],
  ['false', false],
]);

/** A reopened cell as the mapper reads it: yes/no words, a count (more than 0 = reopened), else undefined. */
function reopenedValue(raw: string): boolean | undefined {
  const w = raw.toLowerCase();
  const word = REOPENED_WORDS.get(w);
  if (word !== undefined) return word;
  if (/^\d+$/.test(w)) return Number(w) > 0;
  return undefined;
}

/**
 * Builds the row mapper for a source once its header is known (resolve-source.ts).
 *
 * The mapper runs once per row, millions of times per build: value maps and reject words are
 * resolved here once, and the word maps (priority, service, status, on-time, score words,
 * reopened) are computed once per distinct cell, since such columns repeat a few words;
 * category and status cells are kept as one string per distinct value.
 *
 * The cell helpers are made per row on purpose. A variant that made them once, reading the
 * row from variables of this closure, was intermittently miscompiled by V8 (Node 22) once the
 * fast path's loop was optimized: under --cpu-prof a valid ticket row ~5,000 rows in came out
 * rejected by the surveys branch (gone with --no-turbo-escape).
 */
export function rowMapperFor(resolved: ResolvedSource): (fields: string[], line: number) => RowContext | Rejection {
  if (resolved.options.kind === 'rollups') return rollupRowMapper(resolved);
  const { options, header, indices } = resolved;
  const { kind, timestamps: tsOpts, values, defaultService } = options;
  const headerLength = header.length;
  // Only the fields of VALUE_MAP_FIELDS: the config refuses a map of any other (config/source-mappings.ts).
  const valueMap = (field: ValueMapField): Record<string, string> => values[field] ?? {};
  const mapStatus = cached(statusMapper(valueMap('status')));
  const mapPriority = cached(priorityMapper(options.priorities, valueMap('priority')));
  const mapLevel = cached(priorityMapper(options.incidentLevels, valueMap('level')));
  const mapService = cached(serviceMapper(options.services, valueMap('service')));
  const mapUnmonitored = cached(serviceMapper(options.unmonitored, valueMap('service')));
  const mapChangeType = cached(priorityMapper(CHANGE_TYPE_WORDS, valueMap('type')));
  const mapOutcome = cached(priorityMapper(CHANGE_OUTCOME_WORDS, valueMap('outcome')));
  const acceptUnknown = options.unknownServices === 'accept';
  const configuredIds = new Set(options.services.map((s) => s.id));
  // A name the config lacks → the name as published (masked: it is exported text) and the id made from
  // that masked name, which pages, URLs and snapshots show too (refused when it is a configured id).
  const unknownService = cached((v: string) => {
    const name = maskPersonalData(v.replace(SPACE_RUN, ' '));
    return { id: unconfiguredServiceId(name), name };
  });
  const missingWords = new Set(options.missingWords);
  const anyMissingWords = missingWords.size > 0;
  const resolvedStatuses = new Set(options.resolvedStatuses);
  const rejectWords = new Map(Object.entries(options.rejectWords).map(([field, words]) => [field, new Map(Object.entries(words))]));
  const minutesAfterCreated = new Set<string>(options.minutesAfterCreated);
  const mapOnTime = cached(onTimeMapper(valueMap('sourceOnTime')));
  const scoreWords = {
    csat: cached(scoreWordMapper(valueMap('csat'))),
    nps: cached(scoreWordMapper(valueMap('nps'))),
    ces: cached(scoreWordMapper(valueMap('ces'))),
  };
  const reopenedOf = cached(reopenedValue);
  // Categories and statuses repeat a few words: keep one string per distinct cell, not one per row.
  const sameCategory = cached((w: string) => w);
  const sameStatus = cached((w: string) => w);
  const csatScale = options.scales.csat;
  const cesScale = options.scales.ces;

  const firstResponseAfter = minutesAfterCreated.has('firstResponseMs');
  const resolvedAfter = minutesAfterCreated.has('resolvedMs');
  // Cells read as timestamps: a rejected value there that is wholly a malformed date keeps its digits (file-account.ts).
  const timestampFields = new Set(TIMESTAMP_FIELDS.filter((f) => !minutesAfterCreated.has(f)));

  // An event after the export was taken cannot be in it (issue: a stray 2027 resolved time pulled the horizon back).
  const asOf = options.asOf;
  const afterExport = (event: string) => `${event} after the export was taken (asOf ${asOf?.text})`;

  // A header line inside the file (two exports joined by copying one after the other) is said as such, not as a bad date.
  const headerWords = header.map(normWord);
  const headerSet = [...headerWords].sort().join('\u0000');
  const headerAgain = (fields: string[], line: number): Rejection | null => {
    if (fields.length !== headerLength || normWord(fields[0] as string) === '' || !headerWords.includes(normWord(fields[0] as string)))
      return null;
    const cells = fields.map(normWord);
    const why = cells.every((w, i) => w === headerWords[i])
      ? 'repeats the header line: two exports joined into one file? It is no row'
      : [...cells].sort().join('\u0000') === headerSet
        ? "is the header line in another column order: two exports joined into one file? The rows after it are read in the first header's order: split the file"
        : null;
    return why === null ? null : { line, column: null, field: null, value: null, reason: words(why) };
  };

  return (fields, line) => {
    if (fields.length !== headerLength) {
      return {
        line,
        column: null,
        field: null,
        value: null,
        reason: reason`expected ${headerLength} fields like the header, got ${fields.length}`,
      };
    }
    /** Rejects the row at `field`; `why` is a plain string when it is the tool's words alone, quoting nothing exported. */
    const fail = (field: string, value: string | null, why: Reason | string): never => {
      const i = indices[field];
      // Messages name the column as the export's header does, since that is what the analyst sees.
      const shown = i === undefined ? field : (header[i] as string).trim();
      const column = i === undefined ? null : i + 1;
      const row: Rejection = { line, column, field: shown, value, reason: typeof why === 'string' ? words(why) : why };
      if (timestampFields.has(field)) row.timestampCell = true;
      throw new Reject(row);
    };
    const raw = (field: string): string | null => {
      const i = indices[field];
      if (i === undefined) return null;
      const v = trimCell(fields[i] as string);
      if (v === '' || (anyMissingWords && missingWords.has(v.toLowerCase()))) return null;
      const rejects = rejectWords.get(field);
      if (rejects === undefined) return v;
      const why = rejects.get(normWord(v));
      return why === undefined ? v : fail(field, v, words(why));
    };
    /** The cell as exported (trimmed), also when it is a missing-value word such as "?"; null when empty or absent. */
    const cell = (field: string): string | null => {
      const i = indices[field];
      const v = i === undefined ? '' : trimCell(fields[i] as string);
      return v === '' ? null : v;
    };
    const required = (field: string, what: string): string => raw(field) ?? fail(field, null, reason`required ${what} is empty`);
    /** The field as an instant; `event` names what it records, which cannot come after the export was taken (asOf). */
    const time = (field: string, isRequired: boolean, event?: string): number | null => {
      const v = raw(field);
      if (v === null) return isRequired ? fail(field, null, 'required timestamp is empty') : null;
      const r = parseTimestamp(v, tsOpts);
      if (!r.ok) return fail(field, v, r.reason);
      if (event !== undefined && asOf !== null && r.ms > asOf.ms) fail(field, v, afterExport(event));
      return r.ms;
    };
    /** The field as a number in [min, max]; `mapped` is the number a value map gave for the cell's word. */
    const num = (field: string, min: number, max: number, integer: boolean, mapped?: string): number | null => {
      const v = raw(field);
      if (v === null) return null;
      const text = mapped ?? v;
      if (!NUMBER_TEXT.test(text)) return fail(field, v, reason`expected a number, got ${quoted(v)}`);
      const n = Number(text);
      const mappedTo = mapped === undefined ? '' : ` (mapped to ${mapped})`;
      if (integer && !Number.isInteger(n))
        return fail(field, v, reason`expected a whole number from ${min} to ${max}, got ${quoted(v)}${mappedTo}`);
      if (n < min || n > max) return fail(field, v, reason`expected a value from ${min} to ${max}, got ${quoted(v)}${mappedTo}`);
      return n;
    };
    /** A time field that the preset says holds minutes after `createdMs` (Zendesk), as an instant. */
    const minutesAfter = (field: string, createdMs: number, event: string): number | null => {
      const v = raw(field);
      if (v === null) return null;
      if (!NUMBER_TEXT.test(v) || Number(v) < 0)
        return fail(field, v, reason`expected minutes after creation (0 or more), got ${quoted(v)}`);
      const ms = createdMs + Math.round(Number(v) * 60_000);
      if (asOf !== null && ms > asOf.ms) fail(field, v, afterExport(event));
      return ms;
    };
    const category = (): string | null => {
      const v = raw('category');
      return v === null ? null : sameCategory(v);
    };
    let unconfigured: { id: string; name: string } | undefined;
    const service = (isRequired: boolean): string | null => {
      const v = raw('service');
      if (v === null) return defaultService ?? (isRequired ? fail('service', null, 'required service is empty') : null);
      const known = mapService(v);
      if (known !== null) return known;
      if (!acceptUnknown) {
        const unmonitored = mapUnmonitored(v);
        if (unmonitored !== null) {
          const id = normWord(v) === unmonitored ? '' : ` (id "${unmonitored}")`;
          const why = 'is configured but not monitored: it has no target and latencyThresholdMs; give it both to take its checks';
          return fail('service', v, reason`service ${quoted(v)}${id} ${why}`);
        }
        return fail('service', v, reason`unknown service ${quoted(v)} (not a configured id, alias or name)`);
      }
      const u = unknownService(v);
      if (configuredIds.has(u.id))
        return fail(
          'service',
          v,
          reason`unknown service ${quoted(v)} reads like the configured id "${u.id}": add ${quoted(v)} to its aliases`,
        );
      unconfigured = u;
      return u.id;
    };
    try {
      if (kind === 'checks') {
        const timeMs = time('timeMs', true, 'checked') as number;
        const s = service(true) as string;
        const word = required('status', 'status');
        const status =
          mapStatus(word) ?? fail('status', word, reason`unknown status ${quoted(word)}; map it under values.status in the source config`);
        const latencyMs = num('latencyMs', 0, Number.MAX_SAFE_INTEGER, false);
        return { kind: 'check', timeMs, check: { timeMs, service: s, probe: raw('probe') ?? DEFAULT_PROBE, status, latencyMs } };
      }
      if (kind === 'tickets') {
        const id = required('id', 'ticket id');
        const createdMs = time('createdMs', true, 'created') as number;
        const firstResponseMs = firstResponseAfter
          ? minutesAfter('firstResponseMs', createdMs, 'first response')
          : time('firstResponseMs', false, 'first response');
        const resolvedMs = resolvedAfter ? minutesAfter('resolvedMs', createdMs, 'resolved') : time('resolvedMs', false, 'resolved');
        if (firstResponseMs !== null && firstResponseMs < createdMs)
          fail('firstResponseMs', raw('firstResponseMs'), 'first response is before the ticket was created');
        if (resolvedMs !== null && resolvedMs < createdMs) fail('resolvedMs', raw('resolvedMs'), 'resolved before the ticket was created');
        const statusCell = raw('status');
        const statusWord = statusCell === null ? null : sameStatus(statusCell);
        // Taking such a row would report a closed ticket as open (and breached) for ever after.
        if (resolvedMs === null && statusWord !== null && resolvedStatuses.has(normWord(statusWord)))
          fail('resolvedMs', cell('resolvedMs'), reason`status ${quoted(statusWord)} means resolved, but the resolved time is empty`);
        const pWord = required('priority', 'priority');
        const priority =
          mapPriority(pWord) ?? fail('priority', pWord, reason`unknown priority ${quoted(pWord)}; add it to a level's words`);
        const reopenedRaw = raw('reopened');
        let reopened: boolean | null = null;
        if (reopenedRaw !== null) {
          const r = reopenedOf(reopenedRaw);
          if (r === undefined) fail('reopened', reopenedRaw, reason`expected yes/no or a count, got ${quoted(reopenedRaw)}`);
          else reopened = r;
        }
        const onTimeRaw = raw('sourceOnTime');
        const sourceOnTime =
          onTimeRaw === null
            ? null
            : (mapOnTime(onTimeRaw) ??
              fail(
                'sourceOnTime',
                onTimeRaw,
                reason`unknown on-time verdict ${quoted(onTimeRaw)}; map it under values.sourceOnTime to true or false`,
              ));
        const ticket: TicketRecord = {
          source: options.id,
          id,
          createdMs,
          firstResponseMs,
          resolvedMs,
          priority,
          category: category(),
          service: service(false),
          title: raw('title') ?? '',
          status: statusWord,
          reopened,
          sourceOnTime,
          sourceDeadlineMs: time('sourceDeadlineMs', false),
        };
        return unconfigured ? { kind: 'ticket', timeMs: createdMs, ticket, unconfigured } : { kind: 'ticket', timeMs: createdMs, ticket };
      }
      if (kind === 'incidents') {
        const id = required('id', 'incident id');
        const startedMs = time('startedMs', true, 'started') as number;
        const lWord = required('level', 'level');
        const level =
          mapLevel(lWord) ?? fail('level', lWord, reason`unknown incident level ${quoted(lWord)}; add it to an incident level's words`);
        const detectedMs = time('detectedMs', false, 'detected');
        const acknowledgedMs = time('acknowledgedMs', false, 'acknowledged');
        const restoredMs = time('restoredMs', false, 'restored');
        // What the metrics need (detect = detected − started, acknowledge = acknowledged − detected, restore =
        // restored − started), and nobody acknowledges before the start. Restored may come before detected or
        // acknowledged: a fault heals before the page is acknowledged, or is found afterwards.
        if (detectedMs !== null && detectedMs < startedMs) fail('detectedMs', raw('detectedMs'), 'detected before the incident started');
        if (acknowledgedMs !== null && acknowledgedMs < startedMs)
          fail('acknowledgedMs', raw('acknowledgedMs'), 'acknowledged before the incident started');
        if (acknowledgedMs !== null && detectedMs !== null && acknowledgedMs < detectedMs)
          fail('acknowledgedMs', raw('acknowledgedMs'), 'acknowledged before the incident was detected');
        if (restoredMs !== null && restoredMs < startedMs) fail('restoredMs', raw('restoredMs'), 'restored before the incident started');
        const incident: IncidentRecord = {
          source: options.id,
          id,
          level,
          service: service(false),
          startedMs,
          detectedMs,
          acknowledgedMs,
          restoredMs,
          postMortem: raw('postMortem'),
          rootCause: raw('rootCause'),
        };
        return unconfigured
          ? { kind: 'incident', timeMs: startedMs, incident, unconfigured }
          : { kind: 'incident', timeMs: startedMs, incident };
      }
      if (kind === 'changes') {
        const id = required('id', 'change id');
        const tWord = required('type', 'change type');
        const type = (mapChangeType(tWord) ??
          fail(
            'type',
            tWord,
            reason`unknown change type ${quoted(tWord)}; map it under values.type to normal, standard or emergency`,
          )) as ChangeType;
        const oWord = raw('outcome');
        const outcome =
          oWord === null
            ? null
            : ((mapOutcome(oWord) ??
                fail(
                  'outcome',
                  oWord,
                  reason`unknown change outcome ${quoted(oWord)}; map it under values.outcome to successful, failed or rolled-back`,
                )) as ChangeOutcome);
        const plannedStartMs = time('plannedStartMs', false);
        const plannedEndMs = time('plannedEndMs', false);
        // Planned times are plans, and may lie after the export; actual ones are events.
        const actualStartMs = time('actualStartMs', false, 'actual start');
        const actualEndMs = time('actualEndMs', false, 'actual end');
        if (plannedStartMs !== null && plannedEndMs !== null && plannedEndMs < plannedStartMs)
          fail('plannedEndMs', raw('plannedEndMs'), 'planned end before the planned start');
        if (actualEndMs !== null && actualStartMs === null) fail('actualEndMs', raw('actualEndMs'), 'actual end without an actual start');
        if (actualStartMs !== null && actualEndMs !== null && actualEndMs < actualStartMs)
          fail('actualEndMs', raw('actualEndMs'), 'actual end before the actual start');
        // The change's time decides its period: when it was done, else when it was planned.
        const startMs = actualStartMs ?? plannedStartMs ?? fail('plannedStartMs', null, 'neither a planned nor an actual start');
        const caused = raw('incidentCaused');
        const flag = caused === null ? undefined : reopenedOf(caused);
        const change: ChangeRecord = {
          source: options.id,
          id,
          service: service(false),
          title: raw('title'),
          type,
          outcome,
          plannedStartMs,
          plannedEndMs,
          actualStartMs,
          actualEndMs,
          // A yes/no word (or a count) is a flag; anything else names the incident.
          causedIncident: caused === null ? null : flag === undefined ? true : flag,
          causedIncidentId: caused !== null && flag === undefined ? caused : null,
        };
        return unconfigured ? { kind: 'change', timeMs: startMs, change, unconfigured } : { kind: 'change', timeMs: startMs, change };
      }
      const timeMs = time('timeMs', true, 'submitted') as number;
      // Score words (Likert labels) go through the value map and are then checked like a number in the cell.
      const likert = (field: 'csat' | 'nps' | 'ces', min: number, max: number) => {
        const v = raw(field);
        const mapped = v === null ? null : scoreWords[field](v);
        // A label ("Very satisfied") is read once the source maps it: say where.
        if (v !== null && mapped === null && !NUMBER_TEXT.test(v))
          fail(field, v, reason`expected a number, got ${quoted(v)}; map score words under values.${field}`);
        return num(field, min, max, true, mapped ?? undefined);
      };
      const survey: SurveyResponse = {
        source: options.id,
        id: raw('id'),
        timeMs,
        service: service(false),
        ticketId: raw('ticketId'),
        csat: likert('csat', csatScale.min, csatScale.max),
        nps: likert('nps', 0, 10),
        ces: likert('ces', cesScale.min, cesScale.max),
        comment: raw('comment'),
      };
      if (survey.csat === null && survey.nps === null && survey.ces === null)
        return { line, column: null, field: null, value: null, reason: words('no score: csat, nps and ces are all empty') };
      const ctx: RowContext = { kind: 'survey', timeMs, survey, contentKey: JSON.stringify(fields), line };
      if (unconfigured) ctx.unconfigured = unconfigured;
      return ctx;
    } catch (e) {
      if (e instanceof Reject) return headerAgain(fields, line) ?? e.row;
      throw e;
    }
  };
}
