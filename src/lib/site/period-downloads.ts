/**
 * The period downloads: every data file of a period's folder, /reviews/<period>/…, in no language
 * (the pages link the same files from every language). This module is their only producer; none
 * is an Astro route. A build writes them from the writer threads (site-writer-worker.mjs, from the
 * start of the build, while Astro is still starting up and bundling: the second core has little
 * else to do then, and Astro's thread, the build's critical path, renders only the pages); the dev
 * server serves them through the site integration's middleware.
 *
 * A period's folder holds:
 * - snapshot.json: what the period page shows (the draft's file, or the latest published
 *   revision's snapshot), and the CSV of every table of it (<table>.csv), with revisions.csv;
 * - draft/snapshot.json, draft/<table>.csv and draft/changes.csv, when the period has a draft view
 *   (published, and changed since: period-notices.ts);
 * - r<n>/snapshot.json (the revision's file, whole), r<n>/<table>.csv and r<n>/changes.csv for
 *   every published revision;
 * - services/<service>/<table>.csv: the daily, outages and maintenance CSV of every service (three
 *   quarters of the site's files), r<n>/services/<service>/<table>.csv of every published
 *   revision's, for its permanent copies of the service pages, and draft/services/<service>/<table>.csv
 *   of the draft's, for the draft view's copies.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { toCsv } from '../format/csv.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import type { PeriodStatus } from '../snapshot/period-status.ts';
import type { PublishedRevision } from '../snapshot/revisions.ts';
import { snapshotJson } from '../snapshot/snapshot-json.ts';
import {
  changesTable,
  PERIOD_TABLE_IDS,
  PERIOD_TABLES,
  revisionsTable,
  SERVICE_TABLE_IDS,
  SERVICE_TABLES,
  type ServiceTableId,
} from './csv-tables.ts';
import { hasDraftView } from './period-notices.ts';
import { draftPath, reviewPath } from './site-links.ts';
import { draftFile, readJson, readPeriodStatuses, revisionFile, type SnapshotFolders, shownRevisionOf } from './snapshot-files.ts';

/** What a download holds: a text (written as UTF-8), or a snapshot file of the review, copied as it is. */
export type DownloadContent = { text: string } | { file: string };

/** One download of a period: its address below the base path and how to make it. */
export interface PeriodDownload {
  /** '/reviews/2026-10/services.csv', '/reviews/2026-10/r1/snapshot.json', '/reviews/2026-10/services/api/daily.csv'. */
  path: string;
  content(): DownloadContent;
}

/**
 * The address of a service download below the base path, in the folder of the service page that links it: the
 * period's (/reviews/2026-10/), a published revision's (/reviews/2026-10/r1/) or the draft view's (/reviews/2026-10/draft/).
 */
export function serviceDownloadPath(folder: string, service: string, table: ServiceTableId): string {
  return `${folder}services/${service}/${table}.csv`;
}

/** A service download's text (a BOM, then CRLF lines: see toCsv). */
export function serviceDownload(snap: PeriodSnapshot, serviceId: string, table: ServiceTableId): string {
  return toCsv(SERVICE_TABLES[table].build(snap, serviceId));
}

/**
 * Every download of one period, in a fixed order. Each snapshot file is read at most once, when
 * the first download that needs it is made (listing the service downloads reads what the period
 * page shows).
 */
export function periodDownloads(folders: SnapshotFolders, status: PeriodStatus): PeriodDownload[] {
  const id = status.id;
  const revisions = new Map<number, PublishedRevision>();
  const revision = (n: number): PublishedRevision => {
    let rev = revisions.get(n);
    if (!rev) {
      rev = readJson<PublishedRevision>(revisionFile(folders, id, n));
      revisions.set(n, rev);
    }
    return rev;
  };
  let draftSnapshot: PeriodSnapshot | null = null;
  const draft = (): PeriodSnapshot => {
    draftSnapshot ??= readJson<PeriodSnapshot>(draftFile(folders, id));
    return draftSnapshot;
  };
  const shownRevision = shownRevisionOf(status);
  const shown = (): PeriodSnapshot => (shownRevision === null ? draft() : revision(shownRevision).snapshot);
  const text = (make: () => string) => () => ({ text: make() });
  const tables = (folder: string, snap: () => PeriodSnapshot): PeriodDownload[] =>
    PERIOD_TABLE_IDS.map((table) => ({ path: `${folder}${table}.csv`, content: text(() => toCsv(PERIOD_TABLES[table].build(snap()))) }));

  // The folders the pages link (site-links.ts): the period's, its draft view's, each revision's.
  const folder = reviewPath(id);
  const downloads: PeriodDownload[] = [
    // The period page's snapshot: a draft's file as it is (the pipeline writes it as snapshotJson); a published
    // revision's snapshot is inside that revision's file and is written out on its own, in the same format.
    {
      path: `${folder}snapshot.json`,
      content: () => (shownRevision === null ? { file: draftFile(folders, id) } : { text: snapshotJson(shown()) }),
    },
    ...tables(folder, shown),
    { path: `${folder}revisions.csv`, content: text(() => toCsv(revisionsTable(status))) },
  ];
  if (hasDraftView(status)) {
    // The figures the exports and config now give that differ from the latest published revision.
    downloads.push(
      { path: `${draftPath(id)}snapshot.json`, content: () => ({ file: draftFile(folders, id) }) },
      ...tables(draftPath(id), draft),
      { path: `${draftPath(id)}changes.csv`, content: text(() => toCsv(changesTable(id, shownRevision ?? 0, status.changes))) },
    );
  }
  for (const r of status.revisions) {
    const n = r.revision;
    downloads.push(
      // A published revision, whole: metadata, changes and the frozen snapshot.
      { path: `${reviewPath(id, n)}snapshot.json`, content: () => ({ file: revisionFile(folders, id, n) }) },
      ...tables(reviewPath(id, n), () => revision(n).snapshot),
      { path: `${reviewPath(id, n)}changes.csv`, content: text(() => toCsv(changesTable(id, n, revision(n).changes))) },
    );
  }
  const services = (snap: () => PeriodSnapshot, folder: string) => {
    for (const service of snap().services) {
      for (const table of SERVICE_TABLE_IDS) {
        downloads.push({
          path: serviceDownloadPath(folder, service.id, table),
          content: text(() => serviceDownload(snap(), service.id, table)),
        });
      }
    }
  };
  services(shown, folder);
  for (const r of status.revisions) services(() => revision(r.revision).snapshot, reviewPath(id, r.revision));
  if (hasDraftView(status)) services(draft, draftPath(id));
  return downloads;
}

/**
 * Writes the downloads of every `shards`-th period, starting with the `shard`-th, one period at a
 * time (between periods the caller's other work gets a turn: the writer threads write and index
 * the pages sent meanwhile; and only one period's snapshots are held at once).
 * @returns the files written, as addresses below the base path (= paths below dist/)
 */
export async function writePeriodDownloads(o: {
  folders: SnapshotFolders;
  shard: number;
  shards: number;
  /** Writes a text (UTF-8) at an address below the base path. */
  write: (pathBelowBase: string, text: string) => void;
  /** Copies a file of the review, as it is, to an address below the base path. */
  copy: (pathBelowBase: string, from: string) => void;
}): Promise<string[]> {
  const written: string[] = [];
  const statuses = readPeriodStatuses(o.folders) ?? [];
  for (let i = o.shard; i < statuses.length; i += o.shards) {
    for (const d of periodDownloads(o.folders, statuses[i] as PeriodStatus)) {
      const content = d.content();
      if ('file' in content) o.copy(d.path, content.file);
      else o.write(d.path, content.text);
      written.push(d.path);
    }
    await nextTurn();
  }
  return written;
}

const PERIOD_FOLDER = /^\/reviews\/([^/]+)\//;

/** The download at an address below the base path, or null when the address is none. */
export function periodDownloadAt(folders: SnapshotFolders, pathBelowBase: string): { type: string; bytes: string | Uint8Array } | null {
  const period = PERIOD_FOLDER.exec(pathBelowBase)?.[1];
  if (!period || !/\.(csv|json)$/.test(pathBelowBase)) return null;
  const status = readPeriodStatuses(folders)?.find((s) => s.id === period);
  if (!status) return null;
  const download = periodDownloads(folders, status).find((d) => d.path === pathBelowBase);
  if (!download) return null;
  const content = download.content();
  return {
    type: pathBelowBase.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json',
    bytes: 'file' in content ? readFileSync(content.file) : content.text,
  };
}

/**
 * The dev server's handler of the period downloads (connect middleware, as Vite's dev server
 * takes it): the snapshots are read again on every request, so a rebuilt snapshot shows at once.
 */
export function periodDownloadsMiddleware(folders: SnapshotFolders, base: string) {
  const prefix = base.replace(/\/$/, '');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    // The address as requested: Astro's dev server takes the base path off req.url before this runs (connect keeps originalUrl).
    const requested = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const pathname = decodeURI(new URL(requested, 'http://localhost').pathname);
    const below = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : null;
    const found = below === null || (req.method !== 'GET' && req.method !== 'HEAD') ? null : periodDownloadAt(folders, below);
    if (found === null) {
      next();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', found.type);
    res.end(req.method === 'HEAD' ? undefined : found.bytes);
  };
}
