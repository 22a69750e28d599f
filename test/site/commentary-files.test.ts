import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentaryFiles } from '../../src/lib/site/commentary-file-list.ts';
import { commentaryFrontMatter, frontMatterOf, pinnedFrontMatter, pinnedFrontMatterOf } from '../../src/lib/site/commentary-schema.ts';

const root = mkdtempSync(path.join(tmpdir(), 'sr-commentary-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('commentaryFiles', () => {
  it('lists content/reviews/*.mdx and <pinned>/<period>/r*.mdx, sorted, and nothing else', () => {
    const content = path.join(root, 'content/reviews');
    const pinned = path.join(root, 'pinned');
    mkdirSync(content, { recursive: true });
    // Written out of order: the list is sorted whatever order the folder gives.
    for (const f of ['2026-10.zh-CN.mdx', '2026-10.mdx', '2026-08.mdx', 'notes.md', '.2026-09.mdx', 'draft.mdx.bak']) {
      writeFileSync(path.join(content, f), '');
    }
    mkdirSync(path.join(content, 'old.mdx')); // a folder, not a file
    mkdirSync(path.join(root, 'elsewhere'));
    writeFileSync(path.join(root, 'elsewhere/2026-07.mdx'), '');
    symlinkSync(path.join(root, 'elsewhere/2026-07.mdx'), path.join(content, '2026-07.mdx'));
    symlinkSync(path.join(root, 'missing.mdx'), path.join(content, '2026-06.mdx')); // a dangling link
    for (const [period, files] of [
      ['2026-10', ['r2.mdx', 'r1.mdx', 'r2.zh-CN.mdx', 'notes.mdx']],
      ['2026-08', ['r1.mdx']],
    ] as const) {
      mkdirSync(path.join(pinned, period), { recursive: true });
      for (const f of files) writeFileSync(path.join(pinned, period, f), '');
    }
    writeFileSync(path.join(pinned, 'r9.mdx'), ''); // not in a period's folder
    expect(commentaryFiles({ contentDir: content, pinnedDir: pinned })).toEqual({
      reviews: ['2026-07.mdx', '2026-08.mdx', '2026-10.mdx', '2026-10.zh-CN.mdx'].map((f) => path.join(content, f)),
      pinned: ['2026-08/r1.mdx', '2026-10/r1.mdx', '2026-10/r2.mdx', '2026-10/r2.zh-CN.mdx'].map((f) => path.join(pinned, f)),
    });
  });

  it('is empty for a review without the folders', () => {
    expect(commentaryFiles({ contentDir: path.join(root, 'none/content'), pinnedDir: path.join(root, 'none/pinned') })).toEqual({
      reviews: [],
      pinned: [],
    });
  });
});

describe('frontMatterOf', () => {
  // A misspelt key (`autor`) used to be dropped without a word, and the page showed no author.
  it("refuses an unknown key in the analyst's file with the nearest key; a pinned revision's file keeps reading", () => {
    expect(frontMatterOf(commentaryFrontMatter, { period: '2026-10', summary: 's', autor: 'Ana' }, 'content/reviews/2026-10.mdx')).toEqual({
      problems: ['content/reviews/2026-10.mdx: front matter (top level): unknown key "autor"; did you mean author?'],
    });
    expect(frontMatterOf(pinnedFrontMatter, { period: '2026-10', summary: 's', autor: 'Ana' }, 'pinned/2026-10/r1.mdx')).toEqual({
      data: { period: '2026-10', title: 'Commentary', summary: 's' },
    });
  });
  it('fills in the defaults of a commentary that fits (the doc example)', () => {
    expect(frontMatterOf(commentaryFrontMatter, { period: '2026-10', summary: 'Calm month.' }, 'content/reviews/2026-10.mdx')).toEqual({
      data: { period: '2026-10', title: 'Commentary', summary: 'Calm month.' },
    });
    expect(frontMatterOf(commentaryFrontMatter, { period: '2026-Q4', summary: 's', title: 'Q4', author: 'Ana' }, 'f')).toEqual({
      data: { period: '2026-Q4', title: 'Q4', summary: 's', author: 'Ana' },
    });
  });

  it('names the file and every field that does not fit, with what it found', () => {
    expect(frontMatterOf(commentaryFrontMatter, { period: '2026-13', title: 3 }, 'content/reviews/x.mdx')).toEqual({
      problems: [
        'content/reviews/x.mdx: front matter period: expected a period like 2026-10, 2026-Q4 or 2026, got "2026-13"',
        'content/reviews/x.mdx: front matter title: Invalid input: expected string, got 3',
        'content/reviews/x.mdx: front matter summary: Invalid input: expected string (missing)',
      ],
    });
    // A file without front matter at all.
    expect(frontMatterOf(commentaryFrontMatter, undefined, 'f.mdx')).toEqual({
      problems: [
        'f.mdx: front matter period: Invalid input: expected string (missing)',
        'f.mdx: front matter summary: Invalid input: expected string (missing)',
      ],
    });
  });

  it('takes a pinned file’s period as any text (its schema, as under Astro’s collections, asks only for a string)', () => {
    expect(frontMatterOf(pinnedFrontMatter, { period: 'October', summary: 's' }, 'pinned/2026-10/r1.mdx')).toEqual({
      data: { period: 'October', title: 'Commentary', summary: 's' },
    });
  });
});

describe('pinnedFrontMatterOf', () => {
  // A revision pinned before publish checked front matter stopped every build for good (its loader threw).
  it('reads each key that fits, and names each that does not with what its page shows instead', () => {
    expect(pinnedFrontMatterOf({ period: '2026-10', title: 3, author: 'Ana' }, 'pinned/2026-10/r1.mdx')).toEqual({
      data: { period: '2026-10', title: 'Commentary', summary: null, author: 'Ana' },
      problems: [
        'pinned/2026-10/r1.mdx: front matter title: Invalid input: expected string, got 3',
        'pinned/2026-10/r1.mdx: front matter summary: Invalid input: expected string (missing)',
      ],
      shownInstead: ['the heading "Commentary"', 'no summary'],
    });
    expect(pinnedFrontMatterOf({ period: '2026-10', summary: 's' }, 'pinned/2026-10/r1.mdx')).toEqual({
      data: { period: '2026-10', title: 'Commentary', summary: 's' },
      problems: [],
      shownInstead: [],
    });
  });
});
