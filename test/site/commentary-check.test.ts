/**
 * What publish checks before pinning a commentary: front matter and every tag, as the build
 * would, with file and line; MDX comments and code are not rendered, so their tags are not checked.
 * Valid values are the mini fixture's October (services api and web, priorities p1 and p2).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentaryProblems } from '../../src/lib/site/commentary-check.ts';
import { snapshotScope } from '../../src/lib/site/commentary-figures.ts';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const october = (): PeriodSnapshot => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/mini/expected/2026-10.json'), 'utf8'));
const scope = () => snapshotScope(october());
const F = 'content/reviews/2026-10.mdx';

describe('commentaryProblems', () => {
  it('a commentary the build shows has none', () => {
    const source =
      '---\nperiod: "2026-10"\nsummary: "API <Figure metric=\\"availability\\" service=\\"api\\" />"\n---\n\n<Figure metric="created" priority="p2" />\n<Trend metric="availability" service="web" />\n<RecurringIssues limit={3} />\n';
    expect(commentaryProblems(scope(), F, source)).toEqual([]);
  });

  it('every problem at once: front matter, summary and body tags, each with its line', () => {
    const source = [
      '---',
      'period: "2026-10"',
      'summary: "API <Figure metric=\\"availability\\" service=\\"apx\\" />"',
      'autor: me',
      '---',
      '',
      'Text <Figure metric="csat" servce="api" />',
      '<Trend',
      '  metric="nps" service="api" />',
      '<RecurringIssues limt={3} />',
      '',
    ].join('\n');
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:4 front matter: unknown key "autor"; did you mean author?`,
      `${F}:7: <Figure metric="csat" servce="api" />: unknown attribute "servce"; valid: metric, service, priority`,
      `${F}:8: <Trend metric="nps" service="api" />: metric "nps" does not take service= (the trend has it for the whole review); valid: availability`,
      `${F}:10: <RecurringIssues limt="3" />: unknown attribute "limt"; valid: limit`,
    ]);
  });

  it('the summary is checked once its front matter is valid', () => {
    const source = '---\nperiod: "2026-10"\nsummary: "API <Figure metric=\\"availability\\" service=\\"apx\\" />"\n---\n\nText.\n';
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:3: <Figure metric="availability" service="apx" />: unknown service "apx"; valid: api, web`,
    ]);
  });

  it('tags in MDX comments and code are not rendered, so not checked; the line of a later tag stays right', () => {
    const source =
      '---\nperiod: "2026-10"\nsummary: "s"\n---\n{/*\n  <Figure metric="nope" />\n*/}\n```\n<Figure metric="nope" />\n```\n`<Figure metric="nope" />`\n<Figure metric="created" service="isd" />\n';
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:12: <Figure metric="created" service="isd" />: unknown service "isd"; valid: api, web`,
    ]);
  });

  it('a byte-order mark and CRLF line ends are read as the build reads them', () => {
    const source = '\uFEFF---\r\nperiod: "2026-10"\r\nsummary: "s"\r\n---\r\n\r\n<Figure metric="created" service="isd" />\r\n';
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:6: <Figure metric="created" service="isd" />: unknown service "isd"; valid: api, web`,
    ]);
  });

  it('a component the pages do not provide is named (MDX would stop the page: "Expected component `Chart` to be defined")', () => {
    const source =
      '---\nperiod: "2026-10"\nsummary: "s"\n---\n\n<Chart metric="x" />\n<Foo.Bar />\n<abbr title="x">SLA</abbr> <Figure metric="created" />\n';
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:6: <Chart>: unknown component "Chart"; valid: Figure, Trend, RecurringIssues`,
      `${F}:7: <Foo.Bar>: unknown component "Foo.Bar"; valid: Figure, Trend, RecurringIssues`,
    ]);
  });

  // publish pinned such a file, and no build could compile its page again: it stopped every build for good.
  it('MDX that does not parse is named with its line and column (the compiler Astro uses: satteri)', () => {
    expect(commentaryProblems(scope(), F, '---\nperiod: "2026-10"\nsummary: "s"\n---\n\nWords {oops.\n')).toEqual([
      `${F}:6:7: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` (mdx-jsx:unexpected-character)`,
    ]);
    expect(commentaryProblems(scope(), F, '---\nperiod: "2026-10"\nsummary: "s"\n---\n\n<Figure metric="created">\n\nx\n')).toEqual([
      `${F}:6:1: Expected a closing tag for \`<Figure>\` (6:1) (mdx-jsx:unexpected-character)`,
    ]);
    // A bare < and an HTML element are MDX text and markup, not errors.
    expect(commentaryProblems(scope(), F, '---\nperiod: "2026-10"\nsummary: "s"\n---\n\nA < b, <abbr>SLA</abbr>.\n')).toEqual([]);
  });

  it('every tag of the summary is named, not only the first', () => {
    const source =
      '---\nperiod: "2026-10"\nsummary: \'<Figure metric="csat" service="apx" /> and <Figure metric="nps" priority="p1" />\'\n---\n';
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:3: <Figure metric="csat" service="apx" />: unknown service "apx"; valid: api, web`,
      `${F}:3: <Figure metric="nps" priority="p1" />: metric "nps" does not take priority=; valid: responseAttainment, resolutionAttainment, created, backlog`,
    ]);
  });

  it('front matter that is not YAML, or none at all, is named; the body is still checked', () => {
    // The YAML starts on line 2; its unclosed quote is found where the parser gave up.
    expect(commentaryProblems(scope(), F, '---\nsummary: "a\n---\n\n{foo}\n')).toEqual([
      `${F}:2 front matter: Missing closing "quote`,
      `${F}:5:2: {foo}: unknown name "foo"; valid: frontmatter, props and JavaScript's built-ins`,
    ]);
    // No front matter: each missing key at line 1, where its opening fence belongs.
    expect(commentaryProblems(scope(), F, 'Just text.\n')).toEqual([
      `${F}:1 period: Invalid input: expected string (missing)`,
      `${F}:1 summary: Invalid input: expected string (missing)`,
    ]);
  });

  // Before: `content/reviews/2026-10.mdx: front matter summary: …`, the file without the line.
  it('front matter problems name the line of their key, a missing key the opening fence, in the order of the file', () => {
    const source = [
      '---', // 1
      'title:', // 2: a list, where text is expected (the key's line, not its value's)
      '  - a',
      'autor: me', // 4
      'summary: 42', // 5
      'sumary: "s"', // 6
      '---',
      '',
      'Text.',
      '',
    ].join('\n');
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:1 period: Invalid input: expected string (missing)`,
      `${F}:2 title: Invalid input: expected string, got a list`,
      `${F}:4 front matter: unknown key "autor"; did you mean author?`,
      `${F}:5 summary: Invalid input: expected string, got 42`,
      `${F}:6 front matter: unknown key "sumary"; did you mean summary?`,
    ]);
    // A byte-order mark and CRLF line ends move no line.
    expect(commentaryProblems(scope(), F, `\uFEFF${source.replaceAll('\n', '\r\n')}`)).toEqual(commentaryProblems(scope(), F, source));
  });

  // Before: none of these was found; MDX compiles each name as written and the page failed at render
  // (`foo is not defined`), or an import/export line that does not compile failed the page's module.
  it("every name the file's code uses that the page does not provide, with line and column; what it provides passes", () => {
    const source = [
      '---',
      'period: "2026-10"',
      'summary: "s"',
      '---',
      "import { share as portion } from './shares.js';", // 5
      'export const share = 0.5;',
      'export function pct(x) { return Math.round(x * 100) + unit; }', // 7: unit
      '',
      'Text {foo} and {figures.x}, {"中文" + bar}.', // 9: columns count UTF-16 units, as editors do
      '{props.components ? share * portion : pct(frontmatter.period.length)} {[1, 2].map((n, i) => n + i).join()}',
      '<RecurringIssues limit={limt} /> <Figure metric="created" {...rest} />', // 11
      '- item {[1].map((n) => n * share +', // 12
      '    missing)}', // 13: past an expression's first line, the file's own indentation
      '{/* {nope} is a comment */} `{code}`',
      '',
      '```',
      '{in a code block}',
      '```',
      '{prop.a}', // 19
      '',
    ].join('\n');
    const valid = "valid: frontmatter, pct, portion, props, share and JavaScript's built-ins";
    expect(commentaryProblems(scope(), F, source)).toEqual([
      `${F}:7:55: unit: unknown name "unit"; valid: pct, portion, share and JavaScript's built-ins`,
      `${F}:9:7: {foo}: unknown name "foo"; ${valid}`,
      `${F}:9:17: {figures.x}: unknown name "figures"; ${valid}`,
      `${F}:9:37: {"中文" + bar}: unknown name "bar"; ${valid}`,
      `${F}:11:25: {limt}: unknown name "limt"; ${valid}`,
      `${F}:11:63: {...rest}: unknown name "rest"; ${valid}`,
      `${F}:13:5: {[1].map((n) => n * share + missing)}: unknown name "missing"; ${valid}`,
      `${F}:19:2: {prop.a}: unknown name "prop"; did you mean props?`,
    ]);
  });

  it('the clock and Math.random are problems of their own: a page must read the same on every build', () => {
    // Date is JavaScript's, but reads the build machine's clock: the page would change by the day it is built.
    expect(commentaryProblems(scope(), F, '---\nperiod: "2026-10"\nsummary: "s"\n---\nAs of {new Date().getFullYear()}.\n')).toEqual([
      `${F}:5:12: Date reads the clock of the machine that builds the site, so the page would change with the day it is built; write the date out`,
    ]);
    // Math is JavaScript's and stays allowed (Math.round), but Math.random gives another number on each build.
    expect(
      commentaryProblems(
        scope(),
        F,
        '---\nperiod: "2026-10"\nsummary: "s"\n---\n{Math.round(2.5)} and {Math["random"]()} or {Math.random()}\n',
      ),
    ).toEqual([
      `${F}:5:24: Math.random gives another number on each build, so the page would change with every build; write the number out`,
      `${F}:5:46: Math.random gives another number on each build, so the page would change with every build; write the number out`,
    ]);
  });

  it('an import or export line that does not compile is named where the compiler stops', () => {
    expect(commentaryProblems(scope(), F, '---\nperiod: "2026-10"\nsummary: "s"\n---\nexport const = 1\n\nText.\n')).toEqual([
      `${F}:5:14: Could not parse esm with oxc: Unexpected token (mdxjs-rs:oxc)`,
    ]);
  });

  it("without a scope (check with a config that is not valid), all but the figures' services and priorities", () => {
    const source =
      '---\nperiod: "2026-10"\nsummary: "<Figure metric=\\"csat\\" service=\\"apx\\" />"\n---\n\n<Figure metric="created" service="isd" servce="api" />\n{foo}\n<Chart />\n';
    expect(commentaryProblems(null, F, source)).toEqual([
      `${F}:6: <Figure metric="created" service="isd" servce="api" />: unknown attribute "servce"; valid: metric, service, priority`,
      `${F}:7:2: {foo}: unknown name "foo"; valid: frontmatter, props and JavaScript's built-ins`,
      `${F}:8: <Chart>: unknown component "Chart"; valid: Figure, Trend, RecurringIssues`,
    ]);
  });
});
