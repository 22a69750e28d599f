/**
 * What the build would refuse in a commentary file, found without the build: its front matter
 * (commentary-schema.ts), MDX that does not parse, a component the pages do not provide, and every <Figure>, <Trend> and
 * <RecurringIssues> tag of its summary and body, checked by the rules the page resolves them with
 * (commentary-figures.ts) in a scope: `publish` checks against the snapshot it freezes, before
 * pinning the commentary in a revision; `check` against the config (configScope), which holds
 * every period's scope. A pinned revision can never be corrected,
 * so one pinned with a misspelt service would fail every build while it is the latest and show
 * "[figure unavailable]" for good once superseded, and one pinned without a summary would stop
 * every build for good. Pure: the text comes in from the caller.
 */
import { mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import {
  COMPONENT_ATTRIBUTES,
  type CommentaryComponent,
  type FigureAttributes,
  type FigureScope,
  figureLine,
  figureMessage,
  figureProblem,
  parseFigureAttributes,
  renderedText,
  trendProblem,
  unknownAttribute,
} from './commentary-figures.ts';
import { commentaryFrontMatter, frontMatterOf } from './commentary-schema.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TAG = /<(Figure|Trend|RecurringIssues)\b([^<>]*?)\/?>/g;
const SUMMARY_TAG = /<Figure\b([^<>]*?)\/?>/g;
/** A JSX element MDX renders as a component (a capital letter, or a member like Foo.Bar), not an HTML element. */
const COMPONENT_TAG = /<([A-Z][\w.]*|[a-z]\w*\.[\w.]+)(?=[\s/>])/g;
const COMPONENTS = Object.keys(COMPONENT_ATTRIBUTES);

/**
 * What `check` checks commentary against: every monitored service (one with a target: only those
 * have figures) and every priority level of the config, in force in any month. A period's snapshot
 * has some of them, so a tag naming none of them fails the build in every period; one naming a
 * service with no checks in its period, or a priority of a scheme without tickets then, only the build finds.
 */
export function configScope(config: {
  services: ReadonlyArray<{ id: string; target?: number | undefined }>;
  priorities: ReadonlyArray<{ id: string }>;
}): FigureScope {
  return {
    services: config.services.filter((s) => s.target !== undefined).map((s) => s.id),
    priorities: config.priorities.map((p) => p.id),
  };
}

/** Why a tag cannot be shown, as the page would say it; null when it can. */
function tagProblem(
  scope: FigureScope,
  component: CommentaryComponent,
  attrs: FigureAttributes,
): { error: string; valid: string[] } | null {
  const unknown = unknownAttribute(component, attrs);
  if (unknown) return unknown;
  if (component === 'Figure') return figureProblem(scope, attrs);
  if (component === 'Trend') return trendProblem(scope, attrs);
  return null;
}

/**
 * Every problem the build would report in one commentary file against a scope (snapshotScope of
 * the snapshot it is shown with, or configScope), one line each (`content/reviews/2026-10.mdx:12:
 * <Figure metric="csat" service="isd" />: unknown service "isd"; valid: api, web`); empty when there is none.
 * @param file the file as messages name it (content/reviews/2026-10.mdx)
 */
export function commentaryProblems(scope: FigureScope, file: string, text: string): string[] {
  // An editor's byte-order mark is no part of the front matter for the build either.
  const source = text.replace(/^\uFEFF/, '');
  const fm = FRONT_MATTER.exec(source);
  let raw: unknown;
  try {
    raw = fm ? parseYaml(fm[1] as string) : undefined;
  } catch (e) {
    return [`${file}: front matter: ${(e as Error).message.split('\n')[0]}`];
  }
  const unparsed = parseProblem(file, source);
  if (unparsed) return [unparsed];
  const checked = frontMatterOf(commentaryFrontMatter, raw, file);
  const problems = 'problems' in checked ? [...checked.problems] : [];
  if ('data' in checked) {
    // The summary is text whose <Figure> tags the page resolves (summaryText); in YAML a double-quoted
    // summary escapes its quotes, so its tags are found in the source unescaped.
    for (const m of checked.data.summary.matchAll(SUMMARY_TAG)) {
      const attrs = parseFigureAttributes(m[1] as string);
      const problem = tagProblem(scope, 'Figure', attrs);
      if (problem) problems.push(figureMessage(file, figureLine(source.replaceAll('\\"', '"'), attrs), attrs, problem));
    }
  }
  const bodyStart = fm ? fm[0].length : 0;
  const body = renderedText(source.slice(bodyStart));
  const lineAt = (index: number | undefined) => source.slice(0, bodyStart + (index ?? 0)).split('\n').length;
  const inBody = componentProblems(file, source, bodyStart);
  for (const m of body.matchAll(TAG)) {
    const component = m[1] as CommentaryComponent;
    const attrs = parseFigureAttributes(m[2] as string);
    const problem = tagProblem(scope, component, attrs);
    if (problem) inBody.push({ at: m.index, message: figureMessage(file, lineAt(m.index), attrs, problem, component) });
  }
  return [...problems, ...inBody.sort((a, b) => a.at - b.at).map((p) => p.message)];
}

/**
 * MDX that does not parse (an unclosed `{` or tag): it fails the page's module, so nothing else of
 * the file can be shown. Parsed by the compiler Astro's MDX uses (satteri), whose message is
 * `line:column: why`. Null when it parses.
 */
function parseProblem(file: string, source: string): string | null {
  try {
    mdxToMdast(source);
    return null;
  } catch (e) {
    return `${file}:${(e as Error).message.split('\n')[0]}`;
  }
}

/** Each component of the body the pages do not provide: MDX fails the page on it (`Expected component Chart to be defined`). */
function componentProblems(file: string, source: string, bodyStart: number): Array<{ at: number; message: string }> {
  const body = renderedText(source.slice(bodyStart));
  return [...body.matchAll(COMPONENT_TAG)]
    .filter((m) => !COMPONENTS.includes(m[1] as string))
    .map((m) => ({
      at: m.index,
      message: `${file}:${source.slice(0, bodyStart + m.index).split('\n').length}: <${m[1]}>: unknown component "${m[1]}"; valid: ${COMPONENTS.join(', ')}`,
    }));
}

/**
 * What stops a commentary's page whatever its figures: MDX that does not parse, or a component the
 * pages do not provide (the first problems commentaryProblems names). A published revision's pinned
 * commentary is checked for them before Astro reads it (pinned-commentary.ts), since its page cannot
 * mark them as it marks a figure.
 */
export function pageProblems(file: string, text: string): string[] {
  const source = text.replace(/^\uFEFF/, '');
  const unparsed = parseProblem(file, source);
  if (unparsed) return [unparsed];
  const fm = FRONT_MATTER.exec(source);
  return componentProblems(file, source, fm ? fm[0].length : 0).map((p) => p.message);
}
