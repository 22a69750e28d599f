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
      `${F}: front matter (top level): unknown key "autor"; did you mean author?`,
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

  it('front matter that is not YAML, or none at all, is named', () => {
    expect(commentaryProblems(scope(), F, '---\nsummary: "a\n---\n')[0]).toMatch(/^content\/reviews\/2026-10\.mdx: front matter: /);
    expect(commentaryProblems(scope(), F, 'Just text.\n')).toEqual([
      `${F}: front matter period: Invalid input: expected string (missing)`,
      `${F}: front matter summary: Invalid input: expected string (missing)`,
    ]);
  });
});
