/**
 * The service downloads have one producer (src/lib/site/service-downloads.ts): the writer threads
 * write its files in a build, the dev server serves its text; no Astro route makes them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_TABLE_IDS } from '../../src/lib/site/csv-tables.ts';
import {
  serviceDownload,
  serviceDownloadAt,
  serviceDownloadsMiddleware,
  writeServiceDownloads,
} from '../../src/lib/site/service-downloads.ts';
import { readPeriodStatuses, readShownSnapshot } from '../../src/lib/site/snapshot-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The mini fixture's golden snapshots stand in for a build's draft snapshots (no published revisions).
const folders = {
  snapshotDir: path.join(ROOT, 'test/fixtures/mini/expected'),
  publishedDir: path.join(ROOT, 'test/fixtures/mini/no-published-revisions'),
};

describe('writeServiceDownloads (the writer threads’ share of the site)', () => {
  it('writes the three tables of every service of every period, each period on one shard, none twice', async () => {
    const statuses = readPeriodStatuses(folders) ?? [];
    const want = statuses.flatMap((s) =>
      readShownSnapshot(folders, s).services.flatMap((x) => SERVICE_TABLE_IDS.map((t) => `/reviews/${s.id}/services/${x.id}/${t}.csv`)),
    );
    expect(want.length).toBeGreaterThan(0);
    const written = new Map<string, string>();
    const shards: string[][] = [];
    for (let shard = 0; shard < 2; shard++) {
      shards.push(
        await writeServiceDownloads({
          folders,
          shard,
          shards: 2,
          write: (file, text) => {
            expect(written.has(file), file).toBe(false);
            written.set(file, text);
          },
        }),
      );
    }
    expect([...written.keys()].sort()).toEqual([...want].sort());
    expect([...shards.flat()].sort()).toEqual([...want].sort());
    const periodsOf = (list: string[]) => [...new Set(list.map((f) => f.split('/')[2]))];
    const ids = statuses.map((s) => s.id);
    expect(periodsOf(shards[0] ?? [])).toEqual(ids.filter((_, i) => i % 2 === 0));
    expect(periodsOf(shards[1] ?? [])).toEqual(ids.filter((_, i) => i % 2 === 1));
    // What the dev server serves at each address is the text the build writes there.
    for (const [file, text] of written) expect(serviceDownloadAt(folders, file), file).toBe(text);
  });

  it('a download is the table as CSV: a byte-order mark, a header, CRLF lines', () => {
    const status = readPeriodStatuses(folders)?.[0];
    if (!status) throw new Error('the fixture has no period');
    const snap = readShownSnapshot(folders, status);
    const text = serviceDownload(snap, 'api', 'daily');
    expect(text.startsWith('\uFEFFservice_id,date,availability,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });
});

describe('serviceDownloadsMiddleware (the dev server)', () => {
  function request(url: string, method = 'GET') {
    const res = { statusCode: 0, headers: {} as Record<string, string>, body: undefined as string | undefined, ended: false };
    let passed = false;
    serviceDownloadsMiddleware(folders, '/review/')(
      { url, method } as IncomingMessage,
      {
        set statusCode(c: number) {
          res.statusCode = c;
        },
        setHeader: (k: string, v: string) => {
          res.headers[k] = v;
        },
        end: (b?: string) => {
          res.body = b;
          res.ended = true;
        },
      } as unknown as ServerResponse,
      () => {
        passed = true;
      },
    );
    return { ...res, passed };
  }

  it('serves a service download under the base path, with the text the build writes', () => {
    const r = request('/review/reviews/2026-10/services/api/outages.csv?x=1');
    expect(r.passed).toBe(false);
    expect(r.statusCode).toBe(200);
    expect(r.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(r.body).toBe(serviceDownloadAt(folders, '/reviews/2026-10/services/api/outages.csv'));
  });

  it('passes on every other address, an unknown period, service or table, and an address outside the base', () => {
    for (const url of [
      '/review/reviews/2026-10/',
      '/review/reviews/2026-10/services.csv',
      '/review/reviews/1999-01/services/api/daily.csv',
      '/review/reviews/2026-10/services/nope/daily.csv',
      '/review/reviews/2026-10/services/api/weekly.csv',
      '/reviews/2026-10/services/api/daily.csv',
    ]) {
      const r = request(url);
      expect(r.passed, url).toBe(true);
      expect(r.ended, url).toBe(false);
    }
    expect(request('/review/reviews/2026-10/services/api/daily.csv', 'POST').passed).toBe(true);
  });
});
