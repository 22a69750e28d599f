/**
 * The text of a commentary <Figure>, resolved from the snapshot the page shows. Pure, so the
 * rules a figure follows (which metric takes service= or priority=, what is valid) are tested
 * here and the MDX component only prints the result or the error.
 */
import { readFileSync } from 'node:fs';
import { formatNumber } from '../format/format.ts';
import { ces, csat, nps } from '../metrics/index.ts';
import type { Locale } from '../model/locales.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { formatCountIn, formatDurationIn, formatPercentIn } from './i18n/locale-format.ts';

export const SERVICE_METRICS = ['availability', 'target', 'downtime', 'outages'] as const;
export const TICKET_METRICS = ['responseAttainment', 'resolutionAttainment', 'created', 'backlog'] as const;
export const SATISFACTION_METRICS = ['csat', 'nps', 'ces'] as const;
export const FIGURE_METRICS = [...SERVICE_METRICS, ...TICKET_METRICS, ...SATISFACTION_METRICS] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];

export interface FigureAttributes {
  metric?: string;
  service?: string;
  priority?: string;
  /** Any other attribute the tag was given (a misspelt `servce=`): an error, never silently dropped. */
  [name: string]: string | undefined;
}

/** The attributes each commentary component takes. */
export const COMPONENT_ATTRIBUTES = {
  Figure: ['metric', 'service', 'priority'],
  Trend: ['metric', 'service'],
  RecurringIssues: ['limit'],
} as const;
export type CommentaryComponent = keyof typeof COMPONENT_ATTRIBUTES;

/**
 * A component's props as attribute texts (limit={5} → '5'), children left out: what the tag was
 * given, to be checked with unknownAttribute and named in messages.
 */
export function attributesOf(props: object): FigureAttributes {
  const out: FigureAttributes = {};
  for (const [k, v] of Object.entries(props)) if (k !== 'children' && v !== undefined) out[k] = String(v);
  return out;
}

/**
 * An attribute the component does not take, or null. A misspelt `servce="search"` would otherwise
 * be dropped and the figure shown for the whole desk: a wrong number in the prose, not an error.
 */
export function unknownAttribute(component: CommentaryComponent, attrs: FigureAttributes): { error: string; valid: string[] } | null {
  const takes: readonly string[] = COMPONENT_ATTRIBUTES[component];
  const unknown = Object.keys(attrs).filter((k) => attrs[k] !== undefined && !takes.includes(k));
  if (unknown.length === 0) return null;
  return { error: `unknown attribute${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`, valid: [...takes] };
}

export type FigureResult = { text: string } | { error: string; valid: string[] };

type TicketFigures = {
  created: number;
  backlogAtEnd: number;
  response: { attainment: number | null } | null;
  resolution: { attainment: number | null };
};
type SatisfactionFigures = PeriodSnapshot['satisfaction']['overall'];

const is = <T extends string>(list: readonly T[], x: string): x is T => (list as readonly string[]).includes(x);

function ticketText(metric: (typeof TICKET_METRICS)[number], t: TicketFigures, locale: Locale): string {
  switch (metric) {
    case 'responseAttainment':
      return formatPercentIn(t.response?.attainment ?? null, locale, 1);
    case 'resolutionAttainment':
      return formatPercentIn(t.resolution.attainment, locale, 1);
    case 'created':
      return formatCountIn(t.created, locale);
    case 'backlog':
      return formatCountIn(t.backlogAtEnd, locale);
  }
}

function satisfactionText(metric: (typeof SATISFACTION_METRICS)[number], f: SatisfactionFigures, locale: Locale): string {
  // Chinese text sets its brackets full width: 86.0%（n = 50）.
  const n = (count: number) => (locale === 'en' ? ` (n = ${count})` : `（n = ${count}）`);
  switch (metric) {
    case 'csat':
      return `${formatPercentIn(f.csat.share, locale, 1)}${n(f.csat.n)}`;
    case 'nps':
      return `${formatNumber(f.nps.score, 1)}${n(f.nps.n)}`;
    case 'ces':
      return `${formatNumber(f.ces.mean, 2)}${n(f.ces.n)}`;
  }
}

/**
 * What a commentary tag may name. From a period's snapshot (snapshotScope: its monitored services
 * with checks, the priority levels that apply), the build's and publish's check; from the config
 * (configScope in commentary-check.ts: every monitored service and every priority), `check`'s, which
 * holds every period's, so what `check` refuses the build refuses in every period.
 */
export interface FigureScope {
  services: readonly string[];
  priorities: readonly string[];
}

/** The services and priorities a period's snapshot has figures for. */
export function snapshotScope(snap: PeriodSnapshot): FigureScope {
  return { services: snap.services.map((s) => s.id), priorities: snap.tickets.levels.map((l) => l.levelId) };
}

/**
 * Why a <Figure> with these attributes cannot be shown in a scope, with the values that would be
 * valid; null when it can. Every metric honours service=; priority= applies to the ticket metrics
 * only (the snapshot has no per-priority availability, and no service × priority split).
 */
export function figureProblem(scope: FigureScope, attrs: FigureAttributes): { error: string; valid: string[] } | null {
  const { metric, service, priority } = attrs;
  if (metric === undefined || !is(FIGURE_METRICS, metric)) {
    return { error: metric === undefined ? 'needs metric=' : `unknown metric "${metric}"`, valid: [...FIGURE_METRICS] };
  }
  if (service !== undefined && !scope.services.includes(service)) {
    return { error: `unknown service "${service}"`, valid: [...scope.services] };
  }
  if (priority !== undefined) {
    if (!is(TICKET_METRICS, metric)) return { error: `metric "${metric}" does not take priority=`, valid: [...TICKET_METRICS] };
    if (!scope.priorities.includes(priority)) return { error: `unknown priority "${priority}"`, valid: [...scope.priorities] };
    if (service !== undefined) return { error: 'takes service= or priority=, not both', valid: ['service=', 'priority='] };
  }
  if (is(SERVICE_METRICS, metric) && service === undefined)
    return { error: `metric "${metric}" needs service=`, valid: [...scope.services] };
  return null;
}

/**
 * The figure's text, or why it cannot be shown (figureProblem against the snapshot). The text is
 * formatted in the language of the commentary around it (errors stay English: they are for the analyst).
 */
export function figureText(snap: PeriodSnapshot, attrs: FigureAttributes, locale: Locale = 'en'): FigureResult {
  const problem = figureProblem(snapshotScope(snap), attrs);
  if (problem) return problem;
  const metric = attrs.metric as FigureMetric;
  const { service, priority } = attrs;
  const s = service === undefined ? undefined : snap.services.find((x) => x.id === service);
  if (is(SERVICE_METRICS, metric)) {
    if (!s) throw new Error(`figureProblem let metric "${metric}" through without its service`);
    switch (metric) {
      case 'availability':
        return { text: formatPercentIn(s.availability, locale) };
      case 'target':
        return { text: formatPercentIn(s.target, locale, 2) };
      case 'downtime':
        return { text: formatDurationIn(s.downMs, locale) };
      case 'outages':
        return { text: formatCountIn(s.outages.count, locale) };
    }
  }
  if (is(TICKET_METRICS, metric)) {
    const level = priority === undefined ? undefined : snap.tickets.levels.find((l) => l.levelId === priority);
    return { text: ticketText(metric, level ?? s?.tickets ?? snap.tickets.overall, locale) };
  }
  const sat = snap.satisfaction;
  // A service nobody rated has no row: its figures are those of zero responses.
  const figures = s ? (sat.byService.find((b) => b.service === s.id) ?? noResponses(sat.overall)) : sat.overall;
  return { text: satisfactionText(metric, figures, locale) };
}

/** The figures of zero responses, as the metrics give them. */
function noResponses(like: SatisfactionFigures): SatisfactionFigures {
  return { responses: 0, csat: csat([]), nps: nps([]), ces: ces([], { scale: like.ces.scale }) };
}

const tagPattern = (component: string) => new RegExp(`<${component}\\b([^<>]*?)\\/?>`, 'g');
const TAG = tagPattern('Figure');
const ATTR = /([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*"([^"]*)"\s*\}|\{\s*'([^']*)'\s*\}|\{\s*(-?\d+(?:\.\d+)?)\s*\})/g;

/** The attributes of one <Figure …/> tag's text (string and number literals only: commentary holds no code). */
export function parseFigureAttributes(inside: string): FigureAttributes {
  const attrs: FigureAttributes = { metric: undefined, service: undefined, priority: undefined };
  for (const m of inside.matchAll(ATTR)) attrs[m[1] as string] = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '';
  return attrs;
}

/** Two tags with the same attributes (every one of them, so a misspelt attribute finds its own tag). */
function sameFigure(a: FigureAttributes, b: FigureAttributes): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * An MDX text with what is never rendered as a component blanked out, newlines kept so offsets
 * and lines stay: comments ({/* … *\/}), fenced code blocks and inline code.
 */
export function renderedText(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank);
}

/**
 * The 1-based line of the first rendered <Figure> in an MDX source with these attributes; null
 * when none matches. Astro gives a component no source position, so the error finds its tag by
 * its text, past the same tag in a comment (the scaffold lists the figures in one).
 */
export function figureLine(source: string, attrs: FigureAttributes, component = 'Figure'): number | null {
  for (const m of renderedText(source).matchAll(component === 'Figure' ? TAG : tagPattern(component))) {
    if (sameFigure(parseFigureAttributes(m[1] as string), attrs)) return source.slice(0, m.index).split('\n').length;
  }
  return null;
}

/** How a figure's tag reads in a message: the attributes it was given, in a fixed order. */
export function figureTag(attrs: FigureAttributes, component = 'Figure'): string {
  const known = ['metric', 'service', 'priority', 'limit'];
  const others = Object.keys(attrs)
    .filter((k) => !known.includes(k))
    .sort();
  const parts = [...known, ...others].filter((k) => attrs[k] !== undefined).map((k) => `${k}="${attrs[k]}"`);
  return `<${component}${parts.map((p) => ` ${p}`).join('')} />`;
}

/** One line for the analyst: file and line, the tag, what is wrong, and what would be valid. */
export function figureMessage(
  file: string,
  line: number | null,
  attrs: FigureAttributes,
  failure: { error: string; valid: string[] },
  component = 'Figure',
): string {
  const where = line === null ? file : `${file}:${line}`;
  const valid = failure.valid.length > 0 ? failure.valid.join(', ') : 'none in this period';
  return `${where}: ${figureTag(attrs, component)}: ${failure.error}; valid: ${valid}`;
}

/**
 * The front-matter summary with each <Figure …/> tag replaced by its text. Plain text in and out
 * (the page escapes it), so a summary can carry figures but never markup. A tag that cannot be
 * resolved is an error message like a figure in the body's.
 */
export function summaryText(
  snap: PeriodSnapshot,
  summary: string,
  file: string,
  source: string | null,
  locale: Locale = 'en',
): { text: string } | { error: string; marked: string } {
  let error: string | null = null;
  const marked = summary.replace(TAG, (_all, inside: string) => {
    const attrs = parseFigureAttributes(inside);
    const r = figureText(snap, attrs, locale);
    const problem = unknownAttribute('Figure', attrs);
    if ('text' in r && !problem) return r.text;
    // In YAML a double-quoted summary escapes its quotes; unescaped, the tag reads as written.
    const line = source === null ? null : figureLine(source.replaceAll('\\"', '"'), attrs);
    error ??= figureMessage(file, line, attrs, problem ?? (r as { error: string; valid: string[] }));
    // A figure given an unknown attribute keeps its text: a superseded summary shows what its readers saw.
    return 'text' in r ? r.text : UNAVAILABLE;
  });
  return error === null ? { text: marked } : { error, marked };
}

/** What a superseded revision's page shows for a figure its pinned commentary cannot resolve. */
export const UNAVAILABLE = '[figure unavailable]';

/** Where a page's commentary came from when it is a published revision's pinned source. */
export interface PinnedContext {
  /** The revision file that pinned it (named in messages: the .mdx under .cache/ is a copy). */
  revisionFile: string;
  /** Whether a later revision replaced it. */
  superseded: boolean;
}

/**
 * What a page does with a figure it cannot resolve (or one given an attribute it does not take:
 * `shown` is then the figure without it, what the page always showed, so a superseded page stays
 * as its readers saw it). Current commentary fails the build; so does
 * the latest revision's pinned commentary, saying that a revision with corrected commentary is
 * the fix. A superseded revision can never change and its fix is published, so its page marks the
 * figure and the build warns: failing would stop every build for good.
 */
export function unresolvedFigure(
  error: Error,
  pinned: PinnedContext | undefined,
  shown: string = UNAVAILABLE,
): { fail: Error } | { warning: string } {
  if (!pinned) return { fail: error };
  const where = `pinned by ${pinned.revisionFile}`;
  if (pinned.superseded) return { warning: `${error.message} (${where}, superseded; shown as "${shown}")` };
  return { fail: new Error(`${error.message} (${where}: correct content/reviews/ and publish a revision with --revise)`) };
}

/**
 * What a page does with a pinned commentary whose front matter does not fit (commentary-schema.ts:
 * pinnedFrontMatterOf), as unresolvedFigure does with a figure: the latest revision fails the build
 * saying how to get out (a revision with corrected commentary, `publish --revise`); a superseded
 * one can never change and its fix is published, so its page shows `shownInstead` and the build
 * warns, naming the revision file. Null when nothing is wrong.
 */
export function pinnedFrontMatterOutcome(
  problems: readonly string[],
  shownInstead: readonly string[],
  pinned: PinnedContext,
): { fail: Error } | { warning: string } | null {
  if (problems.length === 0) return null;
  const what = problems.join('; ');
  const where = `pinned by ${pinned.revisionFile}`;
  if (pinned.superseded) return { warning: `${what} (${where}, superseded; its page shows ${shownInstead.join(', ')})` };
  return {
    fail: new Error(`${what} (${where}: correct the front matter in content/reviews/ and publish a revision with --revise "reason")`),
  };
}

/** The source of a commentary file for an error message; null when it cannot be read. */
function sourceOf(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The text of a <Figure> on a page, or an Error whose message is the whole story (the site log
 * drops stack lines). Reads the commentary file only when there is something to report.
 */
export function figureOrError(
  snap: PeriodSnapshot,
  attrs: FigureAttributes,
  file: string,
  locale: Locale,
): { text: string } | { error: Error; shown: string } {
  const r = figureText(snap, attrs, locale);
  const problem = unknownAttribute('Figure', attrs);
  if ('text' in r && !problem) return r;
  return {
    error: tagError('Figure', attrs, problem ?? (r as { error: string; valid: string[] }), file),
    shown: 'text' in r ? r.text : UNAVAILABLE,
  };
}

/** One Error for a tag of a commentary file: file and line (found in the file's text), the tag, what is wrong. */
function tagError(
  component: CommentaryComponent,
  attrs: FigureAttributes,
  problem: { error: string; valid: string[] },
  file: string,
): Error {
  const source = sourceOf(file);
  return new Error(figureMessage(file, source === null ? null : figureLine(source, attrs, component), attrs, problem, component));
}

/** summaryText for a page: the summary's text (a superseded revision's with marks and a warning), or an Error. */
export function summaryOrError(
  snap: PeriodSnapshot,
  summary: string,
  file: string,
  pinned: PinnedContext | undefined,
  locale: Locale,
): { text: string; warning?: string } | { error: Error } {
  if (!summary.includes('<Figure')) return { text: summary };
  const r = summaryText(snap, summary, file, sourceOf(file), locale);
  if ('text' in r) return r;
  const u = unresolvedFigure(new Error(r.error), pinned, 'its figures as shown before');
  return 'fail' in u ? { error: u.fail } : { text: r.marked, warning: u.warning };
}

export const TREND_METRICS = ['availability', 'responseAttainment', 'resolutionAttainment', 'csat', 'nps', 'ticketsCreated'] as const;

/**
 * Why a <Trend> cannot be drawn, or null when it can: the trend keeps availability per service
 * and every other figure for the whole review only, so service= goes with availability alone.
 */
export function trendProblem(scope: FigureScope, attrs: FigureAttributes): { error: string; valid: string[] } | null {
  const { metric, service, priority } = attrs;
  if (metric === undefined || !is(TREND_METRICS, metric)) {
    return { error: metric === undefined ? 'needs metric=' : `unknown metric "${metric}"`, valid: [...TREND_METRICS] };
  }
  const serviceIds = [...scope.services];
  if (priority !== undefined) return { error: '<Trend> does not take priority=', valid: ['metric=', 'service='] };
  if (metric === 'availability') {
    if (service === undefined) return { error: 'metric "availability" needs service=', valid: serviceIds };
    if (!serviceIds.includes(service)) return { error: `unknown service "${service}"`, valid: serviceIds };
    return null;
  }
  if (service !== undefined)
    return { error: `metric "${metric}" does not take service= (the trend has it for the whole review)`, valid: ['availability'] };
  return null;
}

/**
 * trendProblem (or an attribute <Trend> does not take) for a page: null, or an Error naming the
 * commentary file and line, and whether the trend can still be drawn (only an unknown attribute).
 */
export function trendError(snap: PeriodSnapshot, attrs: FigureAttributes, file: string): { error: Error; drawable: boolean } | null {
  const problem = trendProblem(snapshotScope(snap), { metric: attrs.metric, service: attrs.service });
  const unknown = unknownAttribute('Trend', attrs);
  if (!problem && !unknown) return null;
  return { error: tagError('Trend', attrs, unknown ?? (problem as { error: string; valid: string[] }), file), drawable: problem === null };
}

/** An attribute <RecurringIssues> does not take, as an Error naming the commentary file and line; null when none. */
export function recurringIssuesError(attrs: FigureAttributes, file: string): Error | null {
  const unknown = unknownAttribute('RecurringIssues', attrs);
  return unknown ? tagError('RecurringIssues', attrs, unknown, file) : null;
}
