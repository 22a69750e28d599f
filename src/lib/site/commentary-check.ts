/**
 * What the build would refuse in a commentary file, found without the build: its front matter
 * (commentary-schema.ts) and every <Figure>, <Trend> and <RecurringIssues> tag of its summary and
 * body, resolved against a snapshot as the page resolves them (commentary-figures.ts). `publish`
 * runs it before pinning the commentary in a revision: a pinned revision can never be corrected,
 * so one pinned with a misspelt service would fail every build while it is the latest and show
 * "[figure unavailable]" for good once superseded, and one pinned without a summary would stop
 * every build for good. Pure: the text comes in from the caller.
 */
import { parse as parseYaml } from 'yaml';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import {
  type CommentaryComponent,
  type FigureAttributes,
  figureMessage,
  figureText,
  parseFigureAttributes,
  renderedText,
  summaryText,
  trendProblem,
  unknownAttribute,
} from './commentary-figures.ts';
import { commentaryFrontMatter, frontMatterOf } from './commentary-schema.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TAG = /<(Figure|Trend|RecurringIssues)\b([^<>]*?)\/?>/g;

/** Why a tag cannot be shown, as the page would say it; null when it can. */
function tagProblem(
  snap: PeriodSnapshot,
  component: CommentaryComponent,
  attrs: FigureAttributes,
): { error: string; valid: string[] } | null {
  const unknown = unknownAttribute(component, attrs);
  if (unknown) return unknown;
  if (component === 'Figure') {
    const r = figureText(snap, attrs);
    return 'error' in r ? r : null;
  }
  if (component === 'Trend') return trendProblem(snap, attrs);
  return null;
}

/**
 * Every problem the build would report in one commentary file against the snapshot it is shown with,
 * one line each (`content/reviews/2026-10.mdx:12: <Figure metric="csat" service="isd" />: unknown
 * service "isd"; valid: api, web`); empty when there is none.
 * @param file the file as messages name it (content/reviews/2026-10.mdx)
 */
export function commentaryProblems(snap: PeriodSnapshot, file: string, text: string): string[] {
  // An editor's byte-order mark is no part of the front matter for the build either.
  const source = text.replace(/^\uFEFF/, '');
  const fm = FRONT_MATTER.exec(source);
  let raw: unknown;
  try {
    raw = fm ? parseYaml(fm[1] as string) : undefined;
  } catch (e) {
    return [`${file}: front matter: ${(e as Error).message.split('\n')[0]}`];
  }
  const checked = frontMatterOf(commentaryFrontMatter, raw, file);
  const problems = 'problems' in checked ? [...checked.problems] : [];
  if ('data' in checked) {
    const summary = summaryText(snap, checked.data.summary, file, source);
    if ('error' in summary) problems.push(summary.error);
  }
  const bodyStart = fm ? fm[0].length : 0;
  const body = renderedText(source.slice(bodyStart));
  for (const m of body.matchAll(TAG)) {
    const component = m[1] as CommentaryComponent;
    const attrs = parseFigureAttributes(m[2] as string);
    const problem = tagProblem(snap, component, attrs);
    if (!problem) continue;
    const line = source.slice(0, bodyStart + (m.index ?? 0)).split('\n').length;
    problems.push(figureMessage(file, line, attrs, problem, component));
  }
  return problems;
}
