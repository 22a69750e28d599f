import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The mini fixture's golden snapshots stand in for a build's draft snapshots (no published revisions).
process.env.REVIEW_SNAPSHOT_DIR = path.join(ROOT, 'test/fixtures/mini/expected');
process.env.REVIEW_PUBLISHED_DIR = path.join(ROOT, 'test/fixtures/mini/no-published-revisions');
const { searchMarkup, writeServiceCsvs } = await import('../../src/lib/site/site-writer-worker.mjs');
const endpoint = await import('../../src/pages/reviews/[period]/services/[service]/[table].csv.ts');

describe('writeServiceCsvs (the service downloads, written beside Astro)', () => {
  let out = '';
  const written = new Map<string, string>();
  const files: string[][] = [];
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'sr-writer-'));
    for (let shard = 0; shard < 2; shard++) {
      files.push(await writeServiceCsvs({ shard, shards: 2, outDir: out, write: (file: string, text: string) => written.set(file, text) }));
    }
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes exactly the files of the endpoint the dev server uses, with the same bytes', async () => {
    const paths = endpoint.getStaticPaths();
    expect(paths.length).toBeGreaterThan(0);
    const want = new Map<string, Buffer>();
    for (const p of paths) {
      const { period, service, table } = p.params;
      // biome-ignore lint/suspicious/noExplicitAny: the APIRoute context; GET reads only props.
      const res = (await endpoint.GET({ props: p.props } as any)) as Response;
      // Bytes, not res.text(): decoding would drop the byte-order mark both write.
      want.set(`${out}/reviews/${period}/services/${service}/${table}.csv`, Buffer.from(await res.arrayBuffer()));
    }
    expect([...written.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [file, bytes] of want) expect(Buffer.from(written.get(file) ?? '', 'utf8').equals(bytes), file).toBe(true);
  });

  it('splits the periods between the threads: every other period each, none twice', () => {
    const [a = [], b = []] = files;
    const periodsOf = (list: string[]) => new Set(list.map((f) => f.split('/')[2]));
    const index = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/mini/expected/index.json'), 'utf8'));
    const ids: string[] = index.periods.map((p: { id: string }) => p.id);
    expect([...periodsOf(a)]).toEqual(ids.filter((_, i) => i % 2 === 0));
    expect([...periodsOf(b)]).toEqual(ids.filter((_, i) => i % 2 === 1));
    expect(readdirSync(out)).toEqual([]); // the write function given is the only writer
  });
});

describe('searchMarkup (what Pagefind is sent of a page)', () => {
  const page = (main: string) =>
    `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><nav>site menu</nav>${main}<footer>f</footer></body></html>`;

  it('sends only <main data-pagefind-body>, without ignored tables, navs or chart data', () => {
    const html = page(
      '<main id="content" data-pagefind-body><h1>Payments</h1><table data-table="daily" data-pagefind-ignore><tr><td>2026-10-01</td></tr></table>' +
        '<table data-table="service-recurring"><tr><th>Login fails</th></tr></table><nav class="downloads"><a href="x.csv">CSV</a></nav>' +
        '<canvas data-chart="{&quot;kind&quot;:&quot;daily&quot;}"></canvas><table data-table="outages" data-pagefind-ignore=""><tr><td>down</td></tr></table></main>',
    );
    expect(searchMarkup(html)).toBe(
      '<html lang="en"><body><main id="content" data-pagefind-body><h1>Payments</h1><table data-table="service-recurring"><tr><th>Login fails</th></tr></table><canvas></canvas></main></body></html>',
    );
  });

  it('sends nothing for a page that is not searchable (Pagefind would drop it)', () => {
    expect(searchMarkup(page('<main id="content"><h1>Search</h1></main>'))).toBeNull();
  });
});
