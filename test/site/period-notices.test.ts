/** What a period's pages say beside published figures: unpublished changes, and supersession. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasDraftView, monthsDiffering, periodsBuiltFromNewer, supersededBy } from '../../src/lib/site/period-notices.ts';
import { isCurrentEntry, isPinnedEntry, pinnedFile, writePinnedCommentary } from '../../src/lib/site/pinned-commentary.ts';
import type { PeriodStatus, RevisionSummary } from '../../src/lib/snapshot/period-status.ts';

const rev = (revision: number, publishedAt: string, reason: string | null): RevisionSummary => ({
  revision,
  publishedAt,
  publishedBy: 'ana',
  message: 'm',
  reason,
  changeCount: 0,
  hasCommentary: true,
  digest: `d${revision}`,
});
const change = (p: string) => ({ path: p, old: 1, new: 0.99 });

describe('period notices', () => {
  it('a published period whose figures or commentary changed has a draft view', () => {
    const base = { revisions: [rev(1, '2026-11-03T09:00:00.000Z', null)] };
    expect(hasDraftView({ ...base, status: 'changed', changes: [change('a'), change('b')], commentaryChanged: true })).toBe(true);
    expect(hasDraftView({ ...base, status: 'changed', changes: [], commentaryChanged: true })).toBe(true);
    expect(hasDraftView({ ...base, status: 'published', changes: [], commentaryChanged: false })).toBe(false);
    expect(hasDraftView({ revisions: [], status: 'draft', changes: [], commentaryChanged: false })).toBe(false);
  });

  it('a revision is superseded by the next one, with its date and reason', () => {
    const status: Pick<PeriodStatus, 'status' | 'changes' | 'commentaryChanged' | 'revisions'> = {
      status: 'published',
      changes: [],
      commentaryChanged: false,
      revisions: [
        rev(1, '2026-11-03T09:00:00.000Z', null),
        rev(2, '2026-11-20T16:30:00.000Z', 'Corrected export'),
        rev(3, '2026-12-01T08:00:00.000Z', 'Late tickets'),
      ],
    };
    expect(supersededBy(status, 1)).toEqual({ by: 2, date: '2026-11-20', reason: 'Corrected export', latest: 3 });
    expect(supersededBy(status, 2)).toEqual({ by: 3, date: '2026-12-01', reason: 'Late tickets', latest: null });
    expect(supersededBy(status, 3)).toBeNull();
  });
});

describe('pinned commentary files', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes each revision’s pinned source, and nothing of revisions that are gone', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'sr-pinned-'));
    dirs.push(work);
    const folders = { snapshotDir: path.join(work, 'draft'), publishedDir: path.join(work, 'published') };
    mkdirSync(path.join(folders.publishedDir, '2026-10'), { recursive: true });
    mkdirSync(folders.snapshotDir, { recursive: true });
    const status = { id: '2026-10', revisions: [rev(1, 'x', null), { ...rev(2, 'y', 'r'), hasCommentary: false }] };
    writeFileSync(path.join(folders.snapshotDir, 'index.json'), JSON.stringify({ periods: [status] }));
    const commentary = [
      { file: 'content/reviews/2026-10.mdx', locale: null, source: 'words of r1' },
      { file: 'content/reviews/2026-10.fr.mdx', locale: 'fr', source: 'mots' },
    ];
    // Names in one text: the snapshot tells no language, so the bare file is read in today's first.
    writeFileSync(path.join(folders.publishedDir, '2026-10/r1.json'), JSON.stringify({ commentary, snapshot: { review: {} } }));
    const pinned = path.join(work, 'pinned');
    mkdirSync(path.join(pinned, '2026-09'), { recursive: true });
    writeFileSync(path.join(pinned, '2026-09/r1.mdx'), 'stale');
    expect(writePinnedCommentary(folders, pinned)).toBe(2);
    expect(readdirSync(pinned)).toEqual(['2026-10']);
    expect(readdirSync(path.join(pinned, '2026-10')).sort()).toEqual(['r1.fr.mdx', 'r1.mdx']);
    expect(readFileSync(pinnedFile(pinned, '2026-10', 1), 'utf8')).toBe('words of r1');
    expect(isPinnedEntry('../../x/.cache/astro/pinned/2026-10/r1.mdx', '2026-10', 1)).toBe(true);
    expect(isPinnedEntry('../../x/.cache/astro/pinned/2026-10/r1.fr.mdx', '2026-10', 1)).toBe(false);
    expect(isPinnedEntry('../../x/.cache/astro/pinned/2026-10/r11.mdx', '2026-10', 1)).toBe(false);
    // The current commentary is the file without a language: 2026-10.fr.mdx is pinned, not shown.
    expect(isCurrentEntry('../../x/content/reviews/2026-10.mdx', '2026-10')).toBe(true);
    expect(isCurrentEntry('../../x/content/reviews/2026-10.fr.mdx', '2026-10')).toBe(false);
    expect(isCurrentEntry('../../x/content/reviews/2026-Q4.mdx', '2026-Q4')).toBe(true);
  });

  // Pinned before publish parsed MDX or knew the components, such a file stopped every build for good.
  it('a pinned page that cannot be built fails while its revision is the latest, and is replaced with a warning once superseded', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'sr-pinned-bad-page-'));
    dirs.push(work);
    const folders = { snapshotDir: path.join(work, 'draft'), publishedDir: path.join(work, 'published') };
    mkdirSync(path.join(folders.publishedDir, '2026-10'), { recursive: true });
    mkdirSync(folders.snapshotDir, { recursive: true });
    const bad = '---\nperiod: "2026-10"\nsummary: "s"\n---\n\nWords {oops.\n';
    const revFile = (n: number) => path.join(folders.publishedDir, `2026-10/r${n}.json`);
    const pinned = path.join(work, 'pinned');
    const write = (n: number, source: string) =>
      writeFileSync(
        revFile(n),
        JSON.stringify({ commentary: [{ file: 'content/reviews/2026-10.mdx', locale: null, source }], snapshot: { review: {} } }),
      );
    const index = (revisions: RevisionSummary[]) =>
      writeFileSync(path.join(folders.snapshotDir, 'index.json'), JSON.stringify({ periods: [{ id: '2026-10', revisions }] }));
    write(1, bad);
    index([rev(1, 'x', null)]);
    const problem = `${path.join(pinned, '2026-10/r1.mdx')}:6:7: Unexpected end of file in expression, expected a corresponding closing brace for \`{\` (mdx-jsx:unexpected-character)`;
    expect(() => writePinnedCommentary(folders, pinned, () => {})).toThrow(
      `1 problem in the latest revisions' pinned commentary: ${problem} (pinned by ${revFile(1)}: correct content/reviews/ and publish a revision with --revise "reason")`,
    );
    write(2, bad.replace('{oops', 'fixed'));
    index([rev(1, 'x', null), rev(2, 'y', 'Corrected')]);
    const warnings: string[] = [];
    expect(writePinnedCommentary(folders, pinned, (w) => warnings.push(w))).toBe(2);
    expect(warnings).toEqual([`${problem} (pinned by ${revFile(1)}, superseded; its page shows "[commentary unavailable]" for its text)`]);
    expect(readFileSync(pinnedFile(pinned, '2026-10', 1), 'utf8')).toBe(
      '---\nperiod: "2026-10"\nsummary: "s"\n---\n\n[commentary unavailable]\n',
    );
  });
});

describe('pages agree or say why', () => {
  const status = (s: PeriodStatus['status'], changes: string[], revisions: RevisionSummary[]) => ({
    status: s,
    changes: changes.map(change),
    commentaryChanged: false,
    revisions,
  });
  const october = {
    id: '2026-10',
    kind: 'month',
    months: ['2026-10'],
    shownRevision: 1,
    status: status('changed', ['a', 'b', 'c', 'd', 'e', 'f'], [rev(1, 'x', null)]),
  };
  const november = {
    id: '2026-11',
    kind: 'month',
    months: ['2026-11'],
    shownRevision: 1,
    status: status('published', [], [rev(1, 'x', null)]),
  };
  const december = { id: '2026-12', kind: 'month', months: ['2026-12'], shownRevision: null, status: status('draft', [], []) };
  const q4 = {
    id: '2026-Q4',
    kind: 'quarter',
    months: ['2026-10', '2026-11', '2026-12'],
    shownRevision: null,
    status: status('draft', [], []),
  };
  const publishedYear = {
    id: '2026',
    kind: 'year',
    months: ['2026-10', '2026-11', '2026-12'],
    shownRevision: 1,
    status: status('published', [], [rev(1, 'x', null)]),
  };
  const all = [october, november, december, q4, publishedYear];

  it('a quarter names its months whose published revision differs, with up to five figures', () => {
    expect(monthsDiffering(q4, all)).toEqual([{ month: '2026-10', revision: 1, count: 6, examples: ['a', 'b', 'c', 'd', 'e'] }]);
    expect(monthsDiffering(october, all)).toEqual([]);
  });

  it('the month names the quarters and years built from the current exports (not a published year)', () => {
    expect(periodsBuiltFromNewer(october, all)).toEqual(['2026-Q4']);
    expect(periodsBuiltFromNewer(november, all)).toEqual([]);
    expect(periodsBuiltFromNewer(december, all)).toEqual([]);
  });
});
