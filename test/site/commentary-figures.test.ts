/**
 * Commentary figures: every metric honours service= (and priority= for tickets), and a wrong
 * attribute is one message with file, line and the valid values. Values are those of the mini
 * fixture's October, checked by hand against its two exports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attributesOf,
  figureLine,
  figureMessage,
  figureOrError,
  figureText,
  parseFigureAttributes,
  pinnedFrontMatterOutcome,
  recurringIssuesError,
  snapshotScope,
  summaryOrError,
  summaryText,
  trendError,
  trendProblem,
  unknownAttribute,
  unresolvedFigure,
} from '../../src/lib/site/commentary-figures.ts';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const october = (): PeriodSnapshot => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/mini/expected/2026-10.json'), 'utf8'));

/** October with survey answers: 3 for api (2 satisfied), none for web; 5 overall (4 satisfied). */
function withSatisfaction(): PeriodSnapshot {
  const snap = october();
  const figures = (n: number, satisfied: number, nps: number, ces: number) => ({
    responses: n,
    csat: { n, satisfied, share: satisfied / n, interval: null, lowSample: true, outOfScale: 0 },
    nps: {
      n,
      promoters: 0,
      passives: 0,
      detractors: 0,
      promoterShare: null,
      detractorShare: null,
      score: nps,
      marginOfError: null,
      lowSample: true,
      outOfScale: 0,
    },
    ces: { n, mean: ces, scale: { min: 1, max: 7 }, lowSample: true, outOfScale: 0 },
  });
  snap.satisfaction.overall = figures(5, 4, 20, 2.4);
  snap.satisfaction.byService = [{ service: 'api', ...figures(3, 2, -33.3333, 3) }];
  return snap;
}

const text = (snap: PeriodSnapshot, attrs: Parameters<typeof figureText>[1]) => {
  const r = figureText(snap, attrs);
  if (!('text' in r)) throw new Error(r.error);
  return r.text;
};

describe('figureText', () => {
  it('service figures: api was down 02:00–02:30Z of 24 h 10 min covered', () => {
    const snap = october();
    // 85 200 / 87 000 = 0.979310…
    expect(text(snap, { metric: 'availability', service: 'api' })).toBe('97.931 %');
    expect(text(snap, { metric: 'target', service: 'web' })).toBe('99.90 %');
    expect(text(snap, { metric: 'downtime', service: 'api' })).toBe('30 min');
    expect(text(snap, { metric: 'outages', service: 'api' })).toBe('1');
    expect(text(snap, { metric: 'outages', service: 'web' })).toBe('0');
  });

  it('ticket figures honour service=: T-1 (api) met both targets, T-2 (web) breached both and is open', () => {
    const snap = october();
    expect(text(snap, { metric: 'resolutionAttainment' })).toBe('50.0 %');
    expect(text(snap, { metric: 'resolutionAttainment', service: 'api' })).toBe('100.0 %');
    expect(text(snap, { metric: 'resolutionAttainment', service: 'web' })).toBe('0.0 %');
    expect(text(snap, { metric: 'responseAttainment', service: 'web' })).toBe('0.0 %');
    expect(text(snap, { metric: 'created' })).toBe('2');
    expect(text(snap, { metric: 'created', service: 'web' })).toBe('1');
    expect(text(snap, { metric: 'backlog', service: 'api' })).toBe('0');
    expect(text(snap, { metric: 'backlog', service: 'web' })).toBe('1');
  });

  it('ticket figures honour priority=: p1 is T-1, p2 is T-2', () => {
    const snap = october();
    expect(text(snap, { metric: 'responseAttainment', priority: 'p1' })).toBe('100.0 %');
    expect(text(snap, { metric: 'resolutionAttainment', priority: 'p2' })).toBe('0.0 %');
    expect(text(snap, { metric: 'backlog', priority: 'p2' })).toBe('1');
  });

  it('satisfaction figures honour service=, and a service nobody rated shows n = 0', () => {
    const snap = withSatisfaction();
    expect(text(snap, { metric: 'csat' })).toBe('80.0 % (n = 5)');
    expect(text(snap, { metric: 'csat', service: 'api' })).toBe('66.7 % (n = 3)');
    // A negative score takes the minus sign U+2212, as every figure on a page does (format.ts withFigureSign).
    expect(text(snap, { metric: 'nps', service: 'api' })).toBe('−33.3 (n = 3)');
    expect(text(snap, { metric: 'ces', service: 'api' })).toBe('3.00 (n = 3)');
    expect(text(snap, { metric: 'csat', service: 'web' })).toBe('no data (n = 0)');
  });

  it('names what is wrong and the valid values', () => {
    const snap = october();
    expect(figureText(snap, { metric: 'resolutionAttainment', service: 'isd' })).toEqual({
      error: 'unknown service "isd"',
      valid: ['api', 'web'],
    });
    expect(figureText(snap, { metric: 'availability' })).toEqual({ error: 'metric "availability" needs service=', valid: ['api', 'web'] });
    expect(figureText(snap, { metric: 'availabilty', service: 'api' })).toMatchObject({ error: 'unknown metric "availabilty"' });
    expect(figureText(snap, { metric: 'created', priority: 'p9' })).toEqual({ error: 'unknown priority "p9"', valid: ['p1', 'p2'] });
    expect(figureText(snap, { metric: 'csat', priority: 'p1' })).toMatchObject({ error: 'metric "csat" does not take priority=' });
    expect(figureText(snap, { metric: 'availability', service: 'api', priority: 'p1' })).toMatchObject({
      error: 'metric "availability" does not take priority=',
    });
    expect(figureText(snap, { metric: 'created', service: 'api', priority: 'p1' })).toMatchObject({
      error: 'takes service= or priority=, not both',
    });
  });
});

describe('figure tags in MDX source', () => {
  const source =
    '---\nperiod: "2026-10"\nsummary: \'API at <Figure metric="availability" service="api" />\'\n---\n\nText\n\nResolved <Figure metric="created" service=\'web\'/> and {1}\n<Figure metric={"csat"} />\n';

  it('parses literal attributes in any quoting', () => {
    expect(parseFigureAttributes(' metric="created" service=\'web\'')).toEqual({ metric: 'created', service: 'web', priority: undefined });
    expect(parseFigureAttributes(' metric={"csat"} ')).toEqual({ metric: 'csat', service: undefined, priority: undefined });
  });

  it('finds the line of a rendered tag, past the same tag in a comment or code', () => {
    // As `new` scaffolds it: the figures listed in a comment above the prose.
    const scaffold =
      '---\nsummary: "s"\n---\n{/*\n  <Figure metric="availability" service="web" />\n*/}\n`<Figure metric="availability" service="web" />`\nWeb <Figure metric="availability" service="web" />\n';
    expect(figureLine(scaffold, { metric: 'availability', service: 'web' })).toBe(8);
  });

  it('finds the line of a tag by its attributes', () => {
    expect(figureLine(source, { metric: 'availability', service: 'api' })).toBe(3);
    expect(figureLine(source, { metric: 'created', service: 'web' })).toBe(8);
    expect(figureLine(source, { metric: 'csat' })).toBe(9);
    expect(figureLine(source, { metric: 'nps' })).toBeNull();
  });

  it('one message: file:line, the tag, the mistake, the valid values', () => {
    expect(
      figureMessage(
        'content/reviews/2026-10.mdx',
        8,
        { metric: 'created', service: 'isd' },
        { error: 'unknown service "isd"', valid: ['api', 'web'] },
      ),
    ).toBe('content/reviews/2026-10.mdx:8: <Figure metric="created" service="isd" />: unknown service "isd"; valid: api, web');
  });

  it('a summary shows figures as text, and a wrong tag in it is the same message', () => {
    const snap = october();
    expect(summaryText(snap, 'API at <Figure metric="availability" service="api" />, <b>bold</b>', 'f.mdx', source)).toEqual({
      text: 'API at 97.931 %, <b>bold</b>',
    });
    const wrong = '---\nsummary: "x <Figure metric=\\"availability\\" service=\\"apx\\" />"\n---\n';
    expect(summaryText(snap, 'x <Figure metric="availability" service="apx" />', 'f.mdx', wrong)).toEqual({
      error: 'f.mdx:2: <Figure metric="availability" service="apx" />: unknown service "apx"; valid: api, web',
      marked: 'x [figure unavailable]',
    });
  });
});

describe('trendProblem', () => {
  it('availability needs a known service; other metrics are for the whole review', () => {
    const snap = october();
    expect(trendProblem(snapshotScope(snap), { metric: 'availability', service: 'api' })).toBeNull();
    expect(trendProblem(snapshotScope(snap), { metric: 'csat' })).toBeNull();
    expect(trendProblem(snapshotScope(snap), { metric: 'availability', service: 'isd' })).toEqual({
      error: 'unknown service "isd"',
      valid: ['api', 'web'],
    });
    expect(trendProblem(snapshotScope(snap), { metric: 'availability' })).toEqual({
      error: 'metric "availability" needs service=',
      valid: ['api', 'web'],
    });
    expect(trendProblem(snapshotScope(snap), { metric: 'csat', service: 'api' })).toMatchObject({ valid: ['availability'] });
    expect(trendProblem(snapshotScope(snap), { metric: 'uptime' })).toMatchObject({ error: 'unknown metric "uptime"' });
  });

  it('its message names the <Trend> tag and its line', () => {
    const source = 'a\n<Figure metric="csat" />\n<Trend metric="availability" service="isd" />\n';
    expect(figureLine(source, { metric: 'availability', service: 'isd' }, 'Trend')).toBe(3);
    expect(
      figureMessage('f.mdx', 3, { metric: 'availability', service: 'isd' }, { error: 'unknown service "isd"', valid: ['api'] }, 'Trend'),
    ).toBe('f.mdx:3: <Trend metric="availability" service="isd" />: unknown service "isd"; valid: api');
  });
});

describe('unresolvedFigure', () => {
  const error = new Error('p/r1.mdx:6: <Figure metric="created" service="isd" />: unknown service "isd"; valid: api, web');
  it('current commentary fails; the latest revision fails saying how to fix it; a superseded one warns', () => {
    expect(unresolvedFigure(error, undefined)).toEqual({ fail: error });
    const latest = unresolvedFigure(error, { revisionFile: 'snapshots/published/2026-10/r1.json', superseded: false });
    expect('fail' in latest && latest.fail.message).toBe(
      `${error.message} (pinned by snapshots/published/2026-10/r1.json: correct content/reviews/ and publish a revision with --revise)`,
    );
    expect(unresolvedFigure(error, { revisionFile: 'snapshots/published/2026-10/r1.json', superseded: true })).toEqual({
      warning: `${error.message} (pinned by snapshots/published/2026-10/r1.json, superseded; shown as "[figure unavailable]")`,
    });
  });
});

describe('pinnedFrontMatterOutcome', () => {
  const problem = 'p/r1.mdx: front matter summary: Invalid input: expected string (missing)';
  const revisionFile = 'snapshots/published/2026-10/r1.json';
  it('the latest revision fails saying the way out; a superseded one warns with what its page shows; none is nothing', () => {
    const latest = pinnedFrontMatterOutcome([problem], ['no summary'], { revisionFile, superseded: false });
    expect(latest !== null && 'fail' in latest && latest.fail.message).toBe(
      `${problem} (pinned by ${revisionFile}: correct the front matter in content/reviews/ and publish a revision with --revise "reason")`,
    );
    expect(pinnedFrontMatterOutcome([problem], ['no summary'], { revisionFile, superseded: true })).toEqual({
      warning: `${problem} (pinned by ${revisionFile}, superseded; its page shows no summary)`,
    });
    expect(pinnedFrontMatterOutcome([], [], { revisionFile, superseded: false })).toBeNull();
  });
});

describe('an attribute a component does not take is an error, never dropped', () => {
  // Dropped, servce= would show the whole desk's CSAT where the analyst meant one service's.
  const source =
    'Line 1\nCSAT <Figure metric="csat" />\nAPI <Figure metric="csat" servce="api" />\n<Trend metric="nps" priority="p1" />\n<RecurringIssues limt={3} />\n';
  let dir = '';
  let file = '';
  const setup = () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sr-attrs-'));
    file = path.join(dir, '2026-10.mdx');
    writeFileSync(file, source);
  };

  it('names the attribute and what the component takes', () => {
    expect(unknownAttribute('Figure', { metric: 'csat', servce: 'api' })).toEqual({
      error: 'unknown attribute "servce"',
      valid: ['metric', 'service', 'priority'],
    });
    expect(unknownAttribute('Figure', { metric: 'csat', service: 'api', priority: undefined })).toBeNull();
    expect(unknownAttribute('Trend', { metric: 'nps', priority: 'p1' })).toMatchObject({ error: 'unknown attribute "priority"' });
    expect(unknownAttribute('RecurringIssues', { limit: '3' })).toBeNull();
    expect(attributesOf({ limit: 3, children: 'x', service: undefined })).toEqual({ limit: '3' });
    expect(parseFigureAttributes(' limt={3} metric="csat"')).toMatchObject({ limt: '3', metric: 'csat' });
  });

  it('on a page: file:line of the tag that has it (not the first tag with the same metric), and the figure as it was shown', () => {
    setup();
    try {
      const snap = withSatisfaction();
      const r = figureOrError(snap, { metric: 'csat', servce: 'api' }, file, 'en');
      expect('error' in r && r.error.message).toBe(
        `${file}:3: <Figure metric="csat" servce="api" />: unknown attribute "servce"; valid: metric, service, priority`,
      );
      // 4 of 5 satisfied overall: what the tag showed before attributes were checked.
      expect('shown' in r && r.shown).toBe('80.0 % (n = 5)');
      expect(trendError(snap, { metric: 'nps', priority: 'p1' }, file)).toMatchObject({ drawable: true });
      expect(trendError(snap, { metric: 'nps', priority: 'p1' }, file)?.error.message).toBe(
        `${file}:4: <Trend metric="nps" priority="p1" />: unknown attribute "priority"; valid: metric, service`,
      );
      expect(trendError(snap, { metric: 'uptime' }, file)).toMatchObject({ drawable: false });
      expect(recurringIssuesError({ limt: '3' }, file)?.message).toBe(
        `${file}:5: <RecurringIssues limt="3" />: unknown attribute "limt"; valid: limit`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in a summary: an error for current commentary, and a superseded revision keeps the figure its readers saw', () => {
    const snap = withSatisfaction();
    const summary = 'API <Figure metric="csat" servce="api" />';
    expect(summaryOrError(snap, summary, 'f.mdx', undefined, 'en')).toMatchObject({
      error: new Error('f.mdx: <Figure metric="csat" servce="api" />: unknown attribute "servce"; valid: metric, service, priority'),
    });
    expect(summaryOrError(snap, summary, 'f.mdx', { revisionFile: 'r1.json', superseded: true }, 'en')).toMatchObject({
      text: 'API 80.0 % (n = 5)',
    });
  });

  it("a summary's figures are in the language asked for: 80.0%（n = 5） in Chinese", () => {
    const snap = withSatisfaction();
    expect(summaryOrError(snap, '满意度 <Figure metric="csat" />', 'f.mdx', undefined, 'zh-CN')).toEqual({ text: '满意度 80.0%（n = 5）' });
  });
});
