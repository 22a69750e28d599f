/**
 * Published revisions: a period is a draft until published; publishing freezes what a reader
 * sees for it — the snapshot and the commentary's source — as revision 1, and a later revision
 * needs a reason and carries a per-figure diff against the one before. Each revision records a
 * digest of its own content and the digest of the revision before, so an edited, damaged or
 * missing revision file is found (published-store.ts). Pure: the clock and the files come in
 * from the caller.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ReviewError } from '../errors.ts';
import { diffSnapshots, type FigureChange } from './diff-snapshots.ts';
import { snapshotJson } from './snapshot-json.ts';
import { type PeriodSnapshot, periodSnapshotSchema } from './snapshot-schema.ts';

export const REVISION_SCHEMA_VERSION = 2;

const figureChangeSchema = z
  .object({
    path: z.string().describe('Readable path of the figure, e.g. services[payments].availability.'),
    old: z.unknown().describe('Value before; null when the figure is new.'),
    new: z.unknown().describe('Value after; null when the figure is gone.'),
  })
  .strict();

/** The commentary a reader saw with the revision, pinned as its source text. */
export const pinnedCommentarySchema = z
  .object({
    file: z.string().describe('Path of the commentary file, relative to the review folder (e.g. content/reviews/2026-10.mdx).'),
    locale: z
      .string()
      .nullable()
      .describe(
        'Language of this commentary, recorded when published (null in revisions published before it was recorded: the review’s first language then).',
      ),
    source: z.string().describe('The MDX source as it was when the revision was published.'),
  })
  .strict();

/** A published revision file, snapshots/published/<period>/r<N>.json. */
export const publishedRevisionSchema = z
  .object({
    schemaVersion: z.literal(REVISION_SCHEMA_VERSION).describe('Version of the revision format.'),
    period: z.string().describe('Period id, e.g. 2026-10, 2026-Q4 or 2026.'),
    revision: z.number().int().positive().describe('1, 2, …'),
    publishedAt: z.string().describe('When it was published (ISO 8601, UTC); the only wall-clock time in the outputs.'),
    publishedBy: z.string().describe('Who published it.'),
    message: z.string().describe('Free-text message.'),
    reason: z.string().nullable().describe('Why a revision after the first was needed; null for revision 1.'),
    changes: z.array(figureChangeSchema).describe('Figures changed against the previous revision; empty for revision 1.'),
    commentary: z
      .array(pinnedCommentarySchema)
      .describe('The commentary shown with the revision, one entry per language; empty when none.'),
    snapshot: periodSnapshotSchema.describe('The frozen snapshot.'),
    previousDigest: z
      .string()
      .nullable()
      .describe('Digest of the revision before (null for revision 1): the chain that shows a missing revision.'),
    digest: z.string().describe('SHA-256 of this file’s content without this field (see revisionDigest).'),
  })
  .strict();

export type PublishedRevision = z.infer<typeof publishedRevisionSchema>;
export type PinnedCommentary = z.infer<typeof pinnedCommentarySchema>;

/**
 * The digest of a revision: SHA-256 (hex) of its JSON text as written (two-space indent) with
 * the `digest` field left out. A figure edited by hand changes it; re-indenting the file does not.
 * @example revisionDigest({ ...rev, digest: 'anything' }) === revisionDigest(rev) // true
 */
export function revisionDigest(rev: Omit<PublishedRevision, 'digest'> & { digest?: string }): string {
  const { digest: _digest, ...content } = rev;
  return createHash('sha256').update(snapshotJson(content)).digest('hex');
}

export interface PublishRequest {
  period: string;
  draft: PeriodSnapshot;
  /** Existing revisions of this period, any order (verified: see published-store.ts). */
  existing: readonly PublishedRevision[];
  by: string;
  at: Date;
  message: string;
  /** Reason for a new revision; required when the period is already published. */
  revise: string | null;
  /** The commentary as it is now, to pin with the revision. */
  commentary: PinnedCommentary[];
}

/** Latest revision of a list, or null. */
export function latestRevision(revisions: readonly PublishedRevision[]): PublishedRevision | null {
  return revisions.reduce<PublishedRevision | null>((a, r) => (a === null || r.revision > a.revision ? r : a), null);
}

/** Figures in the draft that differ from the latest published revision. */
export function changesSincePublished(draft: PeriodSnapshot, revisions: readonly PublishedRevision[]): FigureChange[] {
  const latest = latestRevision(revisions);
  return latest ? diffSnapshots(latest.snapshot, draft) : [];
}

/**
 * Whether the commentary pinned in a revision differs from the commentary now: file by file, by
 * its path and text (a pinned file records its language, the file now only its name's suffix).
 */
export function commentaryChanged(pinned: readonly PinnedCommentary[], now: readonly PinnedCommentary[]): boolean {
  const key = (c: PinnedCommentary) => `${c.file}\u0000${c.source}`;
  const a = pinned.map(key).sort();
  const b = now.map(key).sort();
  return a.length !== b.length || a.some((x, i) => x !== b[i]);
}

/**
 * The next revision, or a ReviewError saying why it cannot be published. A revision is needed
 * when the figures or the commentary changed; a revision that changes neither is refused.
 */
export function nextRevision(req: PublishRequest): PublishedRevision {
  const latest = latestRevision(req.existing);
  if (latest && req.revise === null) {
    throw new ReviewError(
      `${req.period} is already published as revision ${latest.revision}; a published revision never changes. ` +
        `To record a new one, run: publish ${req.period} --revise "why the figures or the commentary changed"`,
    );
  }
  if (!latest && req.revise !== null) {
    throw new ReviewError(`${req.period} has not been published yet: publish it without --revise first`);
  }
  const changes = latest ? diffSnapshots(latest.snapshot, req.draft) : [];
  if (latest && changes.length === 0 && !commentaryChanged(latest.commentary, req.commentary)) {
    throw new ReviewError(`${req.period}: the figures and the commentary are the same as revision ${latest.revision}; nothing to revise`);
  }
  if (req.revise !== null && req.revise.trim() === '') throw new ReviewError('--revise needs a reason');
  const rev: Omit<PublishedRevision, 'digest'> = {
    schemaVersion: REVISION_SCHEMA_VERSION,
    period: req.period,
    revision: latest ? latest.revision + 1 : 1,
    publishedAt: req.at.toISOString(),
    publishedBy: req.by,
    message: req.message,
    reason: req.revise,
    changes,
    commentary: req.commentary,
    snapshot: req.draft,
    previousDigest: latest ? latest.digest : null,
  };
  return { ...rev, digest: revisionDigest(rev) };
}
