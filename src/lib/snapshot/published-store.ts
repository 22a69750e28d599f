/**
 * Published revisions on disk: snapshots/published/<period>/r<N>.json, committed to the
 * repository. A revision file is written once and never replaced. Reading the store checks every
 * file — that it parses, matches the revision schema, names the period and revision its path
 * names, matches its own digest, and chains to the revision before — and reports each problem
 * with the file and what is wrong, never as a stack trace. Files that are not revisions (a
 * README, an editor's backup) are left alone and reported as warnings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ReviewError } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { type PublishedRevision, publishedRevisionSchema, REVISION_SCHEMA_VERSION, revisionDigest } from './revisions.ts';
import { snapshotJson } from './snapshot-json.ts';

const REVISION_FILE = /^r([1-9]\d*)\.json$/;
const PERIOD_FOLDER = /^(\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|\d{4})$/;

/** What reading the store found. */
export interface PublishedStore {
  /** Every revision that passed its checks, by period, in revision order. */
  revisions: Map<string, PublishedRevision[]>;
  /** One line per problem, naming the file: the store cannot be trusted while there is any. */
  problems: string[];
  /** Files and folders that are not revisions, left alone. */
  warnings: string[];
  /** Every revision file read, and whether it passed (for `verify`). */
  checked: Array<{ file: string; ok: boolean }>;
}

/**
 * Reads and checks every published revision.
 * @param dir the store, snapshots/published (it may not exist yet)
 * @param shown how to name a file in messages (default: as given)
 */
export function readPublishedStore(dir: string, shown: (file: string) => string = (f) => f): PublishedStore {
  const store: PublishedStore = { revisions: new Map(), problems: [], warnings: [], checked: [] };
  if (!existsSync(dir)) return store;
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const at = path.join(dir, entry.name);
    if (!entry.isDirectory() || !PERIOD_FOLDER.test(entry.name)) {
      store.warnings.push(`${shown(at)}: not a period folder of published revisions; ignored (they live in <period>/r<N>.json)`);
      continue;
    }
    const period = entry.name;
    const byNumber = new Map<number, { file: string; rev: PublishedRevision | null }>();
    for (const f of readdirSync(at).sort()) {
      const file = path.join(at, f);
      const m = REVISION_FILE.exec(f);
      if (!m || !statSync(file).isFile()) {
        store.warnings.push(`${shown(file)}: not a revision file (r<N>.json); ignored`);
        continue;
      }
      const rev = checkFile(file, period, Number(m[1]), shown, store.problems);
      store.checked.push({ file: shown(file), ok: rev !== null });
      byNumber.set(Number(m[1]), { file, rev });
    }
    const numbers = [...byNumber.keys()].sort((a, b) => a - b);
    const last = numbers[numbers.length - 1] ?? 0;
    for (let n = 1; n < last; n++)
      if (!byNumber.has(n))
        store.problems.push(
          `${shown(path.join(at, `r${n}.json`))}: missing — ${period} has revision ${last} but not revision ${n}; restore it from version control`,
        );
    const revisions: PublishedRevision[] = [];
    for (const n of numbers) {
      const { file, rev } = byNumber.get(n) as { file: string; rev: PublishedRevision | null };
      if (rev === null) continue;
      const before = byNumber.get(n - 1)?.rev ?? null;
      if (n === 1 && rev.previousDigest !== null)
        store.problems.push(
          `${shown(file)}: revision 1 names a previous revision (previousDigest ${rev.previousDigest.slice(0, 12)}…); a revision 1 before it was removed?`,
        );
      if (n > 1 && before !== null && rev.previousDigest !== before.digest)
        store.problems.push(
          `${shown(file)}: does not chain to revision ${n - 1} (its previousDigest ${String(rev.previousDigest).slice(0, 12)}… is not r${n - 1}'s digest ${before.digest.slice(0, 12)}…); one of the two was replaced`,
        );
      revisions.push(rev);
    }
    if (revisions.length > 0) store.revisions.set(period, revisions);
  }
  return store;
}

/** One revision file checked, or null with its problems added. */
function checkFile(
  file: string,
  period: string,
  revision: number,
  shown: (f: string) => string,
  problems: string[],
): PublishedRevision | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${shown(file)}: damaged — not valid JSON (${(e as Error).message}); restore it from version control`);
    return null;
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== REVISION_SCHEMA_VERSION) {
    problems.push(
      `${shown(file)}: schema version ${JSON.stringify(version)}, this tool reads revision files of version ${REVISION_SCHEMA_VERSION}` +
        (version === 1 ? ' (version 1 had no digests: re-publish the period from the same exports to record it again)' : ''),
    );
    return null;
  }
  const parsed = publishedRevisionSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    problems.push(
      `${shown(file)}: damaged — not a revision as this tool writes them (${where.join('; ')}); restore it from version control`,
    );
    return null;
  }
  // The file's own object, not zod's copy: its key order is the file's, which the digest is taken over.
  const rev = raw as PublishedRevision;
  if (rev.period !== period || rev.revision !== revision) {
    problems.push(`${shown(file)}: says period ${rev.period} revision ${rev.revision}, but its path says ${period} r${revision}`);
    return null;
  }
  const computed = revisionDigest(rev);
  if (computed !== rev.digest) {
    problems.push(
      `${shown(file)}: edited after publishing — its content does not match its digest (recorded ${rev.digest.slice(0, 12)}…, computed ${computed.slice(0, 12)}…). ` +
        'A published revision never changes: restore the file, and record a change with publish --revise',
    );
    return null;
  }
  return rev;
}

/**
 * The store's revisions, or a ReviewError listing every problem (the build, status and publish
 * refuse to go on with an edited, damaged or missing revision). Warnings go to `warn`.
 */
export function readPublished(
  dir: string,
  warn: (message: string) => void = () => {},
  shown?: (file: string) => string,
): Map<string, PublishedRevision[]> {
  const store = readPublishedStore(dir, shown);
  for (const w of store.warnings) warn(w);
  if (store.problems.length > 0)
    throw new ReviewError(
      `the published revisions cannot be trusted: ${store.problems.length} problem${store.problems.length === 1 ? '' : 's'} (run verify for every file)`,
      store.problems,
    );
  return store.revisions;
}

/** Path of a revision file. */
export function revisionPath(dir: string, period: string, revision: number): string {
  return path.join(dir, period, `r${revision}.json`);
}

/** Writes a new revision; refuses to replace an existing one. */
export function writeRevision(dir: string, rev: PublishedRevision): string {
  const file = revisionPath(dir, rev.period, rev.revision);
  if (existsSync(file)) throw new ReviewError(`${file} already exists; a published revision never changes`);
  writeFileAtomic(file, snapshotJson(rev));
  return file;
}
