/**
 * A revision's commentary is rendered from the source pinned in its revision file, never from
 * content/reviews/ (which holds the commentary as it is now). Before Astro reads its content,
 * the site integration writes each pinned source to <review>/.cache/astro/pinned/<period>/r<N>.mdx
 * (r<N>.<locale>.mdx for another language), which load-commentary.ts reads.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReviewError } from '../errors.ts';
import type { PublishedRevision } from '../snapshot/revisions.ts';
import { pageProblems } from './commentary-check.ts';
import { readJson, readPeriodStatuses, revisionFile, type SnapshotFolders } from './snapshot-files.ts';

/** The file name of a revision's pinned commentary in one language: r2.mdx, r2.fr.mdx. */
export function pinnedFileName(revision: number, locale: string | null): string {
  return `r${revision}${locale === null ? '' : `.${locale}`}.mdx`;
}

/** The pinned file of a revision (in the review's only language): <pinnedDir>/2026-10/r2.mdx. */
export function pinnedFile(pinnedDir: string, period: string, revision: number): string {
  return path.join(pinnedDir, period, pinnedFileName(revision, null));
}

/**
 * Whether a content entry's file is a period's pinned revision: matched by its last two path
 * segments, because Astro gives an entry's file relative to its own root.
 */
export function isPinnedEntry(filePath: string | undefined, period: string, revision: number): boolean {
  if (!filePath) return false;
  const parts = filePath.split(/[\\/]/);
  return parts[parts.length - 2] === period && parts[parts.length - 1] === pinnedFileName(revision, null);
}

/** Whether a content entry's file is a period's current commentary (content/reviews/2026-10.mdx, not 2026-10.fr.mdx). */
export function isCurrentEntry(filePath: string | undefined, period: string): boolean {
  return filePath !== undefined && filePath.split(/[\\/]/).pop() === `${period}.mdx`;
}

/**
 * The review's first language when a revision was published, where its snapshot tells it: names
 * given per language are listed in the order of `review.locales`. A revision published before the
 * commentary's language was recorded pinned its bare file with no language; read as today's first
 * language, a reordered `review.locales` would show its English words as the Chinese commentary.
 * Null when the names are one text for every language (the file is then read in today's first).
 */
export function publishedFirstLocale(rev: Pick<PublishedRevision, 'snapshot'>): string | null {
  const byLocale = rev.snapshot.review.byLocale;
  return byLocale ? (Object.keys(byLocale)[0] ?? null) : null;
}

/** What a superseded revision's page shows for pinned commentary whose page could not be built. */
export const COMMENTARY_UNAVAILABLE = '[commentary unavailable]';

/**
 * Writes the pinned commentary of every published revision into pinnedDir, replacing what was
 * there (a deleted revision leaves no page behind). Returns how many files were written.
 *
 * A pinned file whose MDX does not parse, or that uses a component the pages do not have (pinned
 * before publish checked them), would stop every build when Astro compiles or renders it, and its
 * revision can never be edited: while the revision is the latest that is an error saying the way
 * out (publish --revise with corrected commentary); once superseded, its front matter is kept, its
 * body becomes COMMENTARY_UNAVAILABLE, and `warn` names the revision file.
 */
export function writePinnedCommentary(
  folders: SnapshotFolders,
  pinnedDir: string,
  warn: (message: string) => void = (m) => console.warn(`warning: ${m}`),
): number {
  rmSync(pinnedDir, { recursive: true, force: true });
  mkdirSync(pinnedDir, { recursive: true });
  let written = 0;
  const failures: string[] = [];
  for (const status of readPeriodStatuses(folders) ?? []) {
    const latest = status.revisions[status.revisions.length - 1]?.revision;
    for (const r of status.revisions) {
      if (!r.hasCommentary) continue;
      const revFile = revisionFile(folders, status.id, r.revision);
      const rev = readJson<PublishedRevision>(revFile);
      for (const c of rev.commentary) {
        const file = path.join(pinnedDir, status.id, pinnedFileName(r.revision, c.locale ?? publishedFirstLocale(rev)));
        let source = c.source;
        const problems = pageProblems(file, source);
        if (problems.length > 0 && r.revision === latest) {
          failures.push(
            ...problems.map((p) => `${p} (pinned by ${revFile}: correct content/reviews/ and publish a revision with --revise "reason")`),
          );
        } else if (problems.length > 0) {
          warn(`${problems.join('; ')} (pinned by ${revFile}, superseded; its page shows "${COMMENTARY_UNAVAILABLE}" for its text)`);
          source = `${frontMatterBlock(source)}\n${COMMENTARY_UNAVAILABLE}\n`;
        }
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, source);
        written++;
      }
    }
  }
  if (failures.length > 0)
    throw new ReviewError(
      `${failures.length} problem${failures.length === 1 ? '' : 's'} in the latest revisions' pinned commentary: ${failures.join('; ')}`,
      failures,
    );
  return written;
}

/** A source's front matter block, `---` lines included; empty when it has none. */
function frontMatterBlock(source: string): string {
  return /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source)?.[0] ?? '';
}
