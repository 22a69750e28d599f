/**
 * The service downloads: the daily, outages and maintenance CSV of every service in every period,
 * /reviews/<period>/services/<service>/<table>.csv. This module is their only producer. A build
 * writes them from the writer threads (site-writer-worker.mjs, from the start of the build, while
 * Astro is still starting up: they are three quarters of the site's files); the dev server serves
 * them through the site integration's middleware. They are not Astro routes, so no other code
 * makes the same files.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { toCsv } from '../format/csv.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { SERVICE_TABLE_IDS, SERVICE_TABLES, type ServiceTableId } from './csv-tables.ts';
import { readPeriodStatuses, readShownSnapshot, type SnapshotFolders } from './snapshot-files.ts';

/** The address of a service download below the base path. */
export function serviceDownloadPath(period: string, service: string, table: ServiceTableId): string {
  return `/reviews/${period}/services/${service}/${table}.csv`;
}

/** A service download's text (a BOM, then CRLF lines: see toCsv). */
export function serviceDownload(snap: PeriodSnapshot, serviceId: string, table: ServiceTableId): string {
  return toCsv(SERVICE_TABLES[table].build(snap, serviceId));
}

/**
 * Writes the service downloads of every `shards`-th period, starting with the `shard`-th, one
 * period at a time (between periods the caller's other work gets a turn: the writer threads write
 * and index the pages sent meanwhile).
 * @returns the files written, as addresses below the base path (= paths below dist/)
 */
export async function writeServiceDownloads(o: {
  folders: SnapshotFolders;
  shard: number;
  shards: number;
  write: (pathBelowBase: string, text: string) => void;
}): Promise<string[]> {
  const written: string[] = [];
  const statuses = readPeriodStatuses(o.folders) ?? [];
  for (let i = o.shard; i < statuses.length; i += o.shards) {
    const status = statuses[i] as (typeof statuses)[number];
    const snap = readShownSnapshot(o.folders, status);
    for (const service of snap.services) {
      for (const table of SERVICE_TABLE_IDS) {
        const file = serviceDownloadPath(status.id, service.id, table);
        o.write(file, serviceDownload(snap, service.id, table));
        written.push(file);
      }
    }
    await nextTurn();
  }
  return written;
}

const SERVICE_DOWNLOAD = /^\/reviews\/([^/]+)\/services\/([^/]+)\/([^/]+)\.csv$/;

/** The download at an address below the base path, or null when the address is not a service download. */
export function serviceDownloadAt(folders: SnapshotFolders, pathBelowBase: string): string | null {
  const m = SERVICE_DOWNLOAD.exec(pathBelowBase);
  if (!m) return null;
  const [, period, service, table] = m as unknown as [string, string, string, string];
  if (!(SERVICE_TABLE_IDS as readonly string[]).includes(table)) return null;
  const status = readPeriodStatuses(folders)?.find((s) => s.id === period);
  if (!status) return null;
  const snap = readShownSnapshot(folders, status);
  if (!snap.services.some((s) => s.id === service)) return null;
  return serviceDownload(snap, service, table as ServiceTableId);
}

/**
 * The dev server's handler of the service downloads (connect middleware, as Vite's dev server
 * takes it): the snapshots are read again on every request, so a rebuilt snapshot shows at once.
 */
export function serviceDownloadsMiddleware(folders: SnapshotFolders, base: string) {
  const prefix = base.replace(/\/$/, '');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    // The address as requested: Astro's dev server takes the base path off req.url before this runs (connect keeps originalUrl).
    const requested = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const pathname = decodeURI(new URL(requested, 'http://localhost').pathname);
    const below = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : null;
    const text = below === null || (req.method !== 'GET' && req.method !== 'HEAD') ? null : serviceDownloadAt(folders, below);
    if (text === null) {
      next();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : text);
  };
}
