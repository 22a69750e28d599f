/**
 * The period downloads have one producer (src/lib/site/period-downloads.ts): the writer threads
 * write its files in a build, the dev server serves them; no Astro route makes them. The fixture:
 * the mini review's golden snapshots, with October published as revision 1 and its draft changed
 * since (so it has a draft view), the quarter and the year drafts only.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIOD_TABLE_IDS, SERVICE_TABLE_IDS } from '../../src/lib/site/csv-tables.ts';
import {
  type DownloadContent,
  periodDownloadAt,
  periodDownloads,
  periodDownloadsMiddleware,
  serviceDownload,
  writePeriodDownloads,
} from '../../src/lib/site/period-downloads.ts';
import { readPeriodStatuses, type SnapshotFolders } from '../../src/lib/site/snapshot-files.ts';
import type { PeriodSnapshot } from '../../src/lib/snapshot/build-snapshots.ts';
import { periodStatuses } from '../../src/lib/snapshot/period-status.ts';
import { nextRevision, type PublishedRevision } from '../../src/lib/snapshot/revisions.ts';
import { snapshotJson } from '../../src/lib/snapshot/snapshot-json.ts';
import { parseCsv } from '../browser/read-csv.ts';

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/mini/expected');

let work = '';
let folders: SnapshotFolders = { snapshotDir: '', publishedDir: '' };
let published: PeriodSnapshot;
let changed: PeriodSnapshot;
let r1: PublishedRevision;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sr-period-downloads-'));
  folders = { snapshotDir: path.join(work, 'draft'), publishedDir: path.join(work, 'published') };
  mkdirSync(folders.snapshotDir, { recursive: true });
  mkdirSync(path.join(folders.publishedDir, '2026-10'), { recursive: true });
  const drafts = ['2026-10', '2026-Q4', '2026'].map(
    (id) => JSON.parse(readFileSync(path.join(GOLDEN, `${id}.json`), 'utf8')) as PeriodSnapshot,
  );
  published = drafts[0] as PeriodSnapshot;
  r1 = nextRevision({
    period: '2026-10',
    draft: published,
    existing: [],
    by: 'analyst',
    at: new Date('2026-11-03T09:00:00Z'),
    message: 'October review',
    revise: null,
    commentary: [],
  });
  writeFileSync(path.join(folders.publishedDir, '2026-10/r1.json'), snapshotJson(r1));
  // The exports changed since: the first service's availability is now half of what was published.
  changed = structuredClone(published);
  const first = changed.services[0] as PeriodSnapshot['services'][number];
  first.availability = (first.availability ?? 0) / 2;
  drafts[0] = changed;
  for (const d of drafts) writeFileSync(path.join(folders.snapshotDir, `${d.period.id}.json`), snapshotJson(d));
  const statuses = periodStatuses(drafts, new Map([['2026-10', [r1]]]));
  writeFileSync(path.join(folders.snapshotDir, 'index.json'), snapshotJson({ periods: statuses }));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const textOf = (c: DownloadContent): string => ('file' in c ? readFileSync(c.file, 'utf8') : c.text);
const statusOf = (id: string) => {
  const s = readPeriodStatuses(folders)?.find((x) => x.id === id);
  if (!s) throw new Error(`no period ${id}`);
  return s;
};

describe('periodDownloads (every data file of a period folder)', () => {
  it('a published period whose figures changed: its shown revision, its draft view and each revision', () => {
    const status = statusOf('2026-10');
    expect(status.status).toBe('changed');
    const downloads = periodDownloads(folders, status);
    const paths = downloads.map((d) => d.path);
    const tables = (folder: string) => PERIOD_TABLE_IDS.map((t) => `/reviews/2026-10/${folder}${t}.csv`);
    const services = (folder: string) =>
      published.services.flatMap((s) => SERVICE_TABLE_IDS.map((t) => `/reviews/2026-10/${folder}services/${s.id}/${t}.csv`));
    expect(paths).toEqual([
      '/reviews/2026-10/snapshot.json',
      ...tables(''),
      '/reviews/2026-10/revisions.csv',
      '/reviews/2026-10/draft/snapshot.json',
      ...tables('draft/'),
      '/reviews/2026-10/draft/changes.csv',
      '/reviews/2026-10/r1/snapshot.json',
      ...tables('r1/'),
      '/reviews/2026-10/r1/changes.csv',
      ...services(''),
      // Revision 1's permanent copies of the service pages link their own (published means frozen).
      ...services('r1/'),
      // So do the draft view's copies, of the draft's figures (the same services as r1 here: only an availability changed).
      ...services('draft/'),
    ]);
    expect(new Set(paths).size).toBe(paths.length);
    const at = (p: string) => {
      const d = downloads.find((x) => x.path === p);
      if (!d) throw new Error(`no download ${p}`);
      return textOf(d.content());
    };
    // Published means frozen: the period's snapshot is revision 1's, not the changed draft; the draft view has the draft.
    expect(at('/reviews/2026-10/snapshot.json')).toBe(snapshotJson(published));
    expect(at('/reviews/2026-10/draft/snapshot.json')).toBe(snapshotJson(changed));
    expect(at('/reviews/2026-10/r1/snapshot.json')).toBe(snapshotJson(r1));
    // services.csv (csv-tables.ts), the first service first: the shown figure on the period's and revision 1's,
    // the changed one in the draft view.
    const first = changed.services[0]?.id as string;
    const firstRow = (p: string) => parseCsv(at(p))[1] ?? [];
    const availabilityOfFirst = (p: string) => {
      const [header = [], row = []] = parseCsv(at(p));
      return [row[header.indexOf('service_id')], Number(row[header.indexOf('availability')])];
    };
    expect(availabilityOfFirst('/reviews/2026-10/services.csv')).toEqual([first, published.services[0]?.availability]);
    expect(availabilityOfFirst('/reviews/2026-10/r1/services.csv')).toEqual([first, published.services[0]?.availability]);
    expect(availabilityOfFirst('/reviews/2026-10/draft/services.csv')).toEqual([first, changed.services[0]?.availability]);
    expect(changed.services[0]?.availability).not.toBe(published.services[0]?.availability);
    // The draft's changes name the figure that changed; revision 1 changed nothing (it is the first).
    expect(parseCsv(at('/reviews/2026-10/draft/changes.csv'))).toEqual([
      ['period', 'revision', 'figure', 'before', 'now'],
      [
        '2026-10',
        '1',
        `services[${first}].availability`,
        String(published.services[0]?.availability),
        String(changed.services[0]?.availability),
      ],
    ]);
    expect(parseCsv(at('/reviews/2026-10/r1/changes.csv'))).toEqual([['period', 'revision', 'figure', 'before', 'now']]);
    expect(firstRow('/reviews/2026-10/revisions.csv').slice(0, 5)).toEqual([
      '2026-10',
      '1',
      '2026-11-03T09:00:00.000Z',
      'analyst',
      'October review',
    ]);
    // A service download is the shown snapshot's table, with a byte-order mark and CRLF lines.
    const daily = at(`/reviews/2026-10/services/${first}/daily.csv`);
    expect(daily).toBe(serviceDownload(published, first, 'daily'));
    expect(daily.startsWith('\uFEFFservice_id,date,availability,')).toBe(true);
    expect(daily.endsWith('\r\n')).toBe(true);
    // Revision 1's copy is its frozen snapshot's table (the same as the period's while r1 is the latest).
    expect(at(`/reviews/2026-10/r1/services/${first}/daily.csv`)).toBe(serviceDownload(r1.snapshot, first, 'daily'));
  });

  it('a draft period: its snapshot is the draft file itself, and it has no draft view and no revisions', () => {
    const downloads = periodDownloads(folders, statusOf('2026-Q4'));
    const paths = downloads.map((d) => d.path);
    expect(paths.filter((p) => /\/(draft|r\d+)\//.test(p))).toEqual([]);
    expect(downloads[0]?.content()).toEqual({ file: path.join(folders.snapshotDir, '2026-Q4.json') });
    const revisions = downloads.find((d) => d.path === '/reviews/2026-Q4/revisions.csv');
    expect(parseCsv(textOf(revisions?.content() ?? { text: '' }))).toHaveLength(1);
  });
});

describe('writePeriodDownloads (the writer threads’ share of the site)', () => {
  it('writes every download of every period, each period on one shard, none twice, the snapshot files copied', async () => {
    const statuses = readPeriodStatuses(folders) ?? [];
    const want = statuses.flatMap((s) => periodDownloads(folders, s).map((d) => d.path));
    const written = new Map<string, string>();
    const copied = new Map<string, string>();
    const shards: string[][] = [];
    for (let shard = 0; shard < 2; shard++) {
      shards.push(
        await writePeriodDownloads({
          folders,
          shard,
          shards: 2,
          write: (file, text) => {
            expect(written.has(file) || copied.has(file), file).toBe(false);
            written.set(file, text);
          },
          copy: (file, from) => {
            expect(written.has(file) || copied.has(file), file).toBe(false);
            copied.set(file, from);
          },
        }),
      );
    }
    expect([...written.keys(), ...copied.keys()].sort()).toEqual([...want].sort());
    expect(shards.flat().sort()).toEqual([...want].sort());
    const periodsOf = (list: string[]) => [...new Set(list.map((f) => f.split('/')[2]))];
    expect(periodsOf(shards[0] ?? [])).toEqual(['2026-10', '2026']);
    expect(periodsOf(shards[1] ?? [])).toEqual(['2026-Q4']);
    // Copied as they are: the snapshot of a draft period, and of a draft view, is the draft file; a revision's, its file.
    expect([...copied].sort()).toEqual([
      ['/reviews/2026-10/draft/snapshot.json', path.join(folders.snapshotDir, '2026-10.json')],
      ['/reviews/2026-10/r1/snapshot.json', path.join(folders.publishedDir, '2026-10/r1.json')],
      ['/reviews/2026-Q4/snapshot.json', path.join(folders.snapshotDir, '2026-Q4.json')],
      ['/reviews/2026/snapshot.json', path.join(folders.snapshotDir, '2026.json')],
    ]);
    // What the dev server serves at each address is what the build writes there.
    for (const [file, text] of written) expect(periodDownloadAt(folders, file)?.bytes, file).toBe(text);
    for (const [file, from] of copied) expect(periodDownloadAt(folders, file)?.bytes, file).toEqual(readFileSync(from));
  });
});

describe('periodDownloadsMiddleware (the dev server)', () => {
  function request(url: string, method = 'GET') {
    const res = { statusCode: 0, headers: {} as Record<string, string>, body: undefined as string | Uint8Array | undefined, ended: false };
    let passed = false;
    periodDownloadsMiddleware(folders, '/review/')(
      { url, method } as IncomingMessage,
      {
        set statusCode(c: number) {
          res.statusCode = c;
        },
        setHeader: (k: string, v: string) => {
          res.headers[k] = v;
        },
        end: (b?: string | Uint8Array) => {
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

  it('serves a period download under the base path, with the bytes the build writes', () => {
    const csv = request('/review/reviews/2026-10/services/api/outages.csv?x=1');
    expect(csv.passed).toBe(false);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(periodDownloadAt(folders, '/reviews/2026-10/services/api/outages.csv')?.bytes);
    expect(request('/review/reviews/2026-10/draft/changes.csv').body).toContain('].availability,');
    const json = request('/review/reviews/2026-10/r1/snapshot.json');
    expect(json.headers['Content-Type']).toBe('application/json');
    expect(Buffer.from(json.body as Uint8Array).toString('utf8')).toBe(snapshotJson(r1));
    const head = request('/review/reviews/2026-10/snapshot.json', 'HEAD');
    expect([head.statusCode, head.body]).toEqual([200, undefined]);
  });

  it('passes on every other address: pages, unknown periods, services, tables and revisions, and outside the base', () => {
    for (const url of [
      '/review/reviews/2026-10/',
      '/review/reviews/2026-10/digest.md',
      '/review/reviews/periods.csv',
      '/review/reviews/1999-01/services.csv',
      '/review/reviews/2026-10/weekly.csv',
      '/review/reviews/2026-10/r2/snapshot.json',
      '/review/reviews/2026-Q4/draft/services.csv',
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
