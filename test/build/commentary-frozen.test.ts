/**
 * Figures in published prose, through the real CLI and a real site build of the mini fixture in
 * two languages: `publish` refuses commentary the build would refuse (it could never be corrected
 * once pinned), a misspelt attribute is an error rather than another figure, the home page's
 * summary reads its figures in its own language, and reordering `review.locales` leaves each
 * language's published words where they were. API's October availability is 97.931 % (its 30
 * down minutes of 24 h 10 min covered, test/site/commentary-figures.test.ts).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliProcess as runCli, textOf } from '../helpers/cli-process.ts';

const en = (figure: string) =>
  `---\nperiod: "2026-10"\nsummary: 'API was up <Figure metric="availability" service="api" />.'\n---\n\nEnglish words: ${figure}.\n`;
const zh = (figure: string) =>
  `---\nperiod: "2026-10"\nsummary: 'API 可用性 <Figure metric="availability" service="api" />。'\n---\n\n中文评述：${figure}。\n`;

describe('published prose: checked before it is pinned, and shown in its own language', () => {
  let work = '';
  let config = '';
  const file = (p: string) => path.join(work, p);
  const page = (p: string) => textOf(readFileSync(file(`dist/${p}/index.html`), 'utf8'));
  const build = () => runCli(['build', '--config', config]);

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-prose-'));
    cpSync(path.join(ROOT, 'test/fixtures/mini'), work, { recursive: true });
    config = file('review.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('review:\n', 'review:\n  locales: [en, zh-CN]\n'));
    mkdirSync(file('content/reviews'), { recursive: true });
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('publish refuses commentary whose figures the build would refuse, naming each file and line, and writes nothing', () => {
    writeFileSync(file('content/reviews/2026-10.mdx'), en('<Figure metric="csat" servce="api" />'));
    writeFileSync(file('content/reviews/2026-10.zh-CN.mdx'), zh('<Figure metric="created" service="apx" />'));
    const p = runCli(['publish', '2026-10', '--config', config]);
    expect(p.status).toBe(1);
    expect(p.stderr).toContain('2026-10: not published: 2 problems in the commentary it would pin');
    expect(p.stderr).toContain(
      'content/reviews/2026-10.mdx:6: <Figure metric="csat" servce="api" />: unknown attribute "servce"; valid: metric, service, priority',
    );
    expect(p.stderr).toContain(
      'content/reviews/2026-10.zh-CN.mdx:6: <Figure metric="created" service="apx" />: unknown service "apx"; valid: api, web',
    );
    expect(existsSync(file('snapshots/published/2026-10/r1.json'))).toBe(false);
  });

  it('publish refuses front matter the build would refuse: a pinned file without a summary would stop every build for good', () => {
    writeFileSync(file('content/reviews/2026-10.mdx'), en('ok').replace('summary:', 'sumary:'));
    writeFileSync(file('content/reviews/2026-10.zh-CN.mdx'), zh('ok'));
    const p = runCli(['publish', '2026-10', '--config', config]);
    expect(p.status).toBe(1);
    expect(p.stderr).toContain('content/reviews/2026-10.mdx:3 front matter: unknown key "sumary"; did you mean summary?');
    expect(existsSync(file('snapshots/published/2026-10/r1.json'))).toBe(false);
  });

  it('a misspelt attribute in current commentary fails the build with its file and line, not the whole desk figure', () => {
    writeFileSync(file('content/reviews/2026-10.mdx'), en('<Figure metric="created" servce="web" />'));
    const b = build();
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('content/reviews/2026-10.mdx:6: <Figure metric="created" servce="web" />: unknown attribute "servce"');
  });

  it('published, the home page shows the summary figures in its language: 97.931 % in English, 97.931% in Chinese', () => {
    writeFileSync(file('content/reviews/2026-10.mdx'), en('<Figure metric="created" service="web" /> web tickets'));
    const p = runCli(['publish', '2026-10', '--config', config]);
    expect(p.status, p.stderr).toBe(0);
    const rev = JSON.parse(readFileSync(file('snapshots/published/2026-10/r1.json'), 'utf8'));
    // The bare file's language is recorded, not left to whichever language is first at a later build.
    expect(rev.commentary.map((c: { file: string; locale: string | null }) => [c.file, c.locale])).toEqual([
      ['content/reviews/2026-10.mdx', 'en'],
      ['content/reviews/2026-10.zh-CN.mdx', 'zh-CN'],
    ]);
    const b = build();
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).not.toContain('commentary changed');
    expect(page('en')).toContain('API was up 97.931 %.');
    expect(page('zh-CN')).toContain('API 可用性 97.931%。');
    expect(page('zh-CN/reviews/2026-10')).toContain('API 可用性 97.931%。');
  });

  it('reordering review.locales changes no published words: each language keeps its own commentary', () => {
    const before = { en: page('en/reviews/2026-10/r1'), zh: page('zh-CN/reviews/2026-10/r1') };
    expect(before.en).toContain('English words: 1 web tickets.');
    expect(before.zh).toContain('中文评述：');
    writeFileSync(config, readFileSync(config, 'utf8').replace('locales: [en, zh-CN]', 'locales: [zh-CN, en]'));
    const b = build();
    expect(b.status, b.stderr).toBe(0);
    const after = { en: page('en/reviews/2026-10/r1'), zh: page('zh-CN/reviews/2026-10/r1') };
    expect(after.en).toContain('English words: 1 web tickets.');
    expect(after.en).toContain('API was up 97.931 %.');
    expect(after.en).not.toContain('中文评述');
    expect(after.zh).toContain('中文评述：');
    expect(after.zh).toContain('API 可用性 97.931%。');
    expect(after.zh).not.toContain('English words');
  });
});
