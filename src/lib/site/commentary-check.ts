/**
 * What the build would refuse in a commentary file, found without the build: its front matter
 * (commentary-schema.ts), MDX that does not parse, a component the pages do not provide, a name its
 * code uses that the page does not provide (commentary-names.ts), and every <Figure>, <Trend> and
 * <RecurringIssues> tag of its summary and body, checked by the rules the page resolves them with
 * (commentary-figures.ts) in a scope: `publish` checks against the snapshot it freezes, before
 * pinning the commentary in a revision; `check` against the config (configScope), which holds
 * every period's scope. A pinned revision can never be corrected,
 * so one pinned with a misspelt service would fail every build while it is the latest and show
 * "[figure unavailable]" for good once superseded, and one pinned without a summary would stop
 * every build for good. Pure: the text comes in from the caller.
 */
import { type MdastNode, mdxToMdast } from 'satteri';
import { yamlPlaces } from '../util/yaml-places.ts';
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
import { unknownNameProblems } from './commentary-names.ts';
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

/**
 * Why a tag cannot be shown, as the page would say it; null when it can. Without a scope (a config
 * that is not valid) only what needs none: an attribute the component does not take.
 */
function tagProblem(
  scope: FigureScope | null,
  component: CommentaryComponent,
  attrs: FigureAttributes,
): { error: string; valid: string[] } | null {
  const unknown = unknownAttribute(component, attrs);
  if (unknown || scope === null) return unknown;
  if (component === 'Figure') return figureProblem(scope, attrs);
  if (component === 'Trend') return trendProblem(scope, attrs);
  return null;
}

/**
 * Every problem the build would report in one commentary file against a scope (snapshotScope of
 * the snapshot it is shown with, or configScope), one line each, in the order of the file: its front
 * matter's, each at the line of its key (`content/reviews/2026-10.mdx:3 summary: Invalid input: expected
 * string, got 42`), then its body's (`content/reviews/2026-10.mdx:12: <Figure metric="csat" service="isd" />:
 * unknown service "isd"; valid: api, web`; a name the page does not provide with its column too,
 * commentary-names.ts); empty when there is none.
 * @param scope null when there is none to check against (`check` with a config that is not valid):
 * the figures' services and priorities are then not checked, everything else is
 * @param file the file as messages name it (content/reviews/2026-10.mdx)
 */
export function commentaryProblems(scope: FigureScope | null, file: string, text: string): string[] {
  // An editor's byte-order mark is no part of the front matter for the build either.
  const source = text.replace(/^\uFEFF/, '');
  const fm = FRONT_MATTER.exec(source);
  // The YAML starts on the line after the opening fence (line 1).
  const yaml = yamlPlaces(fm ? (fm[1] as string) : '');
  const problems = yaml.errors.map((e) => `${file}:${e.line + 1} front matter: ${e.message}`);
  const parsed = parseTree(file, source);
  if ('problem' in parsed) return [...problems, parsed.problem];
  if (problems.length === 0) {
    const keyLine = (path: readonly PropertyKey[]) => {
      const at = yaml.keyAt(path);
      return at ? at.line + 1 : null;
    };
    const checked = frontMatterOf(commentaryFrontMatter, fm ? yaml.doc.toJS() : undefined, file, keyLine);
    if ('problems' in checked) problems.push(...checked.problems);
    else {
      // The summary is text whose <Figure> tags the page resolves (summaryText); in YAML a double-quoted
      // summary escapes its quotes, so its tags are found in the source unescaped.
      for (const m of checked.data.summary.matchAll(SUMMARY_TAG)) {
        const attrs = parseFigureAttributes(m[1] as string);
        const problem = tagProblem(scope, 'Figure', attrs);
        if (problem) problems.push(figureMessage(file, figureLine(source.replaceAll('\\"', '"'), attrs), attrs, problem));
      }
    }
  }
  const bodyStart = fm ? fm[0].length : 0;
  const body = renderedText(source.slice(bodyStart));
  const lineAt = (index: number | undefined) => source.slice(0, bodyStart + (index ?? 0)).split('\n').length;
  const inBody = [
    ...componentProblems(file, source, bodyStart),
    ...unknownNameProblems(file, parsed.tree, source).map((p) => ({ at: p.at - bodyStart, message: p.message })),
  ];
  for (const m of body.matchAll(TAG)) {
    const component = m[1] as CommentaryComponent;
    const attrs = parseFigureAttributes(m[2] as string);
    const problem = tagProblem(scope, component, attrs);
    if (problem) inBody.push({ at: m.index, message: figureMessage(file, lineAt(m.index), attrs, problem, component) });
  }
  return [...problems, ...inBody.sort((a, b) => a.at - b.at).map((p) => p.message)];
}

/**
 * The file parsed by the compiler Astro's MDX uses (satteri), or the MDX that does not parse (an
 * unclosed `{` or tag): it fails the page's module, so nothing else of the file can be shown.
 * satteri's message is `line:column: why`.
 */
function parseTree(file: string, source: string): { tree: MdastNode } | { problem: string } {
  try {
    return { tree: mdxToMdast(source) };
  } catch (e) {
    return { problem: `${file}:${(e as Error).message.split('\n')[0]}` };
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
  const parsed = parseTree(file, source);
  if ('problem' in parsed) return [parsed.problem];
  const fm = FRONT_MATTER.exec(source);
  return componentProblems(file, source, fm ? fm[0].length : 0).map((p) => p.message);
}
