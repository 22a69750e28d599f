/**
 * The byte-level fast path for checks exports (src/lib/ingest/fast-checks.ts) against the
 * general path (csv-parse and the row mapper) on the same inputs: the accepted checks, the
 * rejects with their lines, columns and reasons, and the row accounting must be identical.
 * Inputs: hand-made tricky files (CRLF, BOM, quoted fields with embedded newlines, stray CRs,
 * bad rows of every kind, duplicates, gzip, presets, time zones) and random files built from
 * tricky cells (fast-check).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/lib/config/config-schema.ts';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type CheckSink, FastCheckRows, type FastChecksPlan, fastChecksPlan } from '../../src/lib/ingest/fast-checks.ts';
import { newFileAccount, RowAccount } from '../../src/lib/ingest/file-account.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { LineLoop } from '../../src/lib/ingest/line-loop.ts';
import { resolveSource, resolveSourceOptions } from '../../src/lib/ingest/resolve-source.ts';
import { rowMapperFor } from '../../src/lib/ingest/row-mappers.ts';
import { assertAsyncProperty } from '../helpers/property.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CONFIG = (source: string, zone = 'UTC') => `review:
  name: Fast path
  timeZone: ${zone}
services:
  - { id: api, name: Public API, owner: P, target: 0.99, latencyThresholdMs: 200, aliases: [api-gw, 接口] }
  - { id: web, name: Web, owner: W, target: 0.99, latencyThresholdMs: 500 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
sources:
${source}
`;

/** Writes the files and a config; returns the config path. */
function setup(
  files: Record<string, string | Buffer>,
  source = '  - { id: mon, kind: checks, files: "checks*.csv*" }',
  zone = 'UTC',
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fast-checks-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  const config = path.join(dir, 'review.config.yaml');
  writeFileSync(config, CONFIG(source, zone));
  return config;
}

/** The result as plain data (typed arrays to lists), for toEqual. */
function plain(r: IngestResult) {
  const checks: Record<string, Record<string, { t: number[]; s: number[]; l: number[] }>> = {};
  for (const [service, probes] of r.checks.toMap()) {
    checks[service] = {};
    for (const [probe, s] of probes)
      (checks[service] as Record<string, unknown>)[probe] = {
        t: [...s.timesMs],
        s: [...s.statuses],
        l: [...s.latenciesMs].map((x) => (Number.isNaN(x) ? 'NaN' : x)),
      };
  }
  return { files: r.files, checks };
}

/** Worker threads over tiny blocks, so that lines, quotes and handovers fall on block edges. */
const PARALLEL = { workers: 2, parallel: { minBytes: 0, blockBytes: 64 } };

async function both(configPath: string, readChunkBytes?: number) {
  const config = loadConfig(configPath);
  const dir = path.dirname(configPath);
  const run = async (options: { fastPath: boolean; workers?: number; parallel?: { minBytes: number; blockBytes: number } }) => {
    try {
      return plain(
        await ingestSources(config, dir, { info() {} }, { cacheDir: null, toolVersion: 't', readChunkBytes, workers: 0, ...options }),
      );
    } catch (e) {
      return { error: (e as Error).message, problems: (e as { problems?: string[] }).problems };
    }
  };
  return {
    general: await run({ fastPath: false }),
    fast: await run({ fastPath: true }),
    parallel: await run({ fastPath: true, ...PARALLEL }),
  };
}

const HEADER = 'timestamp,service,probe,status,latency_ms';

/** Rows that exercise every cell reader: each must come out the same on both paths. */
const TRICKY_ROWS = [
  '2026-10-01T00:00:00Z,api,eu,up,100',
  '2026-10-01T00:01:00.5Z,api,eu,UP,100.5',
  '2026-10-01T00:02:00.25Z,api,eu,ok,12.',
  '2026-10-01T00:03:00.123456Z,api,eu,200,.5',
  '2026-10-01T00:04:00,api,eu,up,100',
  '2026-10-01 00:05:00Z,api,eu,up,100',
  '2026-10-01T00:06:00+02:00,api,eu,up,100',
  '2026-10-01T00:07:00-05:30,api,eu,up,100',
  '2026-10-01T00:08:00+0200,api,eu,up,100',
  '2026-10-01T00:09:00z,api,eu,up,100',
  '1790000000,api,eu,up,100',
  '1790000000123,api,eu,up,100',
  '2026-10-31T00:10:00Z,api,eu,up,100',
  '2026-02-30T00:00:00Z,api,eu,up,100',
  '2026-10-01T24:00:00Z,api,eu,up,100',
  '2026-10-01T00:11:00+19:00,api,eu,up,100',
  ' 2026-10-01T00:12:00Z,api,eu,up,100',
  '2026-10-01T00:13:00Z ,api,eu,up,100',
  '2026-10-01T00:14:00Z,Public API,eu,up,100',
  '2026-10-01T00:15:00Z, api ,eu,up,100',
  '2026-10-01T00:16:00Z,API-GW,eu,up,100',
  '2026-10-01T00:17:00Z,接口,eu,up,100',
  '2026-10-01T00:18:00Z,nope,eu,up,100',
  '2026-10-01T00:19:00Z,,eu,up,100',
  '2026-10-01T00:20:00Z,api,,up,100',
  '2026-10-01T00:21:00Z,api, eu ,up,100',
  '2026-10-01T00:22:00Z,api,eu,maybe,100',
  '2026-10-01T00:23:00Z,api,eu,,100',
  '2026-10-01T00:24:00Z,api,eu,down,',
  '2026-10-01T00:25:00Z,api,eu,503,',
  '2026-10-01T00:26:00Z,api,eu,Warning,900',
  '2026-10-01T00:27:00Z,api,eu,up,-1',
  '2026-10-01T00:28:00Z,api,eu,up,1e3',
  '2026-10-01T00:29:00Z,api,eu,up, 12',
  '2026-10-01T00:30:00Z,api,eu,up,n/a',
  '2026-10-01T00:31:00Z,api,eu,up,1234567890123456',
  '2026-10-01T00:32:00Z,api,eu,up,100,extra',
  '2026-10-01T00:33:00Z,api,eu,up',
  ',,,,',
  '   ',
  '2026-10-01T00:34:00Z,web,eu,degraded,300',
  '2026-10-01T00:34:00Z,web,eu,up,310',
  '2026-10-01T00:33:00Z,web,eu,up,320',
  '2026-10-01T00:35:00.Z,api,eu,up,100',
  '2026-10-01T00:36:00Z,api,eu,up,07',
];

describe('fast path equals the general path', () => {
  it('on every tricky cell (LF, final newline)', async () => {
    const r = await both(setup({ 'checks.csv': `${HEADER}\n${TRICKY_ROWS.join('\n')}\n` }));
    expect(r.fast).toEqual(r.general);
    expect(r.parallel).toEqual(r.general);
    // The fixture does exercise both outcomes.
    const f = (r.general as { files: Array<{ accepted: number; rejected: number; duplicates: number }> }).files[0];
    expect(f?.accepted).toBeGreaterThan(20);
    expect(f?.rejected).toBeGreaterThan(10);
    expect(f?.duplicates).toBe(1);
  });

  it('with CRLF line endings, a BOM, blank lines and no final newline', async () => {
    const body = ['', ...TRICKY_ROWS.slice(0, 10), '', '', ...TRICKY_ROWS.slice(10)].join('\r\n');
    const r = await both(setup({ 'checks.csv': `\ufeff${HEADER}\r\n${body}` }));
    expect(r.fast).toEqual(r.general);
    expect(r.parallel).toEqual(r.general);
  });

  it('hands over to csv-parse at a quoted field with an embedded newline, keeping line numbers', async () => {
    const rows = [
      ...TRICKY_ROWS.slice(0, 5),
      '2026-10-01T01:00:00Z,"api",eu,up,100',
      '2026-10-01T01:01:00Z,api,"eu\nwest",up,100',
      '2026-10-01T01:02:00Z,api,eu,nope,"1\n2"',
      ...TRICKY_ROWS.slice(5),
    ];
    const r = await both(setup({ 'checks.csv': `${HEADER}\n${rows.join('\n')}\n` }));
    expect(r.fast).toEqual(r.general);
    expect(r.parallel).toEqual(r.general);
    const rejects = (r.general as { files: Array<{ rejects: Array<{ line: number }> }> }).files[0]?.rejects ?? [];
    // "nope" starts on line 10, after a record that spans lines 8 and 9.
    expect(rejects.map((x) => x.line)).toContain(10);
  });

  it('hands over at a stray CR in an LF file and a bare LF in a CRLF file', async () => {
    const lf = `${HEADER}\n${TRICKY_ROWS.slice(0, 3).join('\n')}\n2026-10-01T02:00:00Z,api,eu,up,1\r\n${TRICKY_ROWS.slice(3).join('\n')}\n`;
    const crlf = `${HEADER}\r\n${TRICKY_ROWS.slice(0, 3).join('\r\n')}\n${TRICKY_ROWS.slice(3).join('\r\n')}\r\n`;
    const a = await both(setup({ 'checks.csv': lf }));
    expect(a.fast).toEqual(a.general);
    expect(a.parallel).toEqual(a.general);
    const b = await both(setup({ 'checks.csv': crlf }));
    expect(b.fast).toEqual(b.general);
    expect(b.parallel).toEqual(b.general);
  });

  it('with a quoted header, a header alone, an empty file and a missing column', async () => {
    for (const content of [
      `"timestamp","service",probe,status,latency_ms\n${TRICKY_ROWS.join('\n')}\n`,
      HEADER,
      `${HEADER}\n`,
      '',
      '\n\n',
      `\n${HEADER}\n${TRICKY_ROWS[0]}\n`,
      `timestamp,probe,state_x\n${TRICKY_ROWS[0]}\n`,
    ]) {
      const r = await both(setup({ 'checks.csv': content }));
      expect(r.fast, JSON.stringify(content)).toEqual(r.general);
      expect(r.parallel, JSON.stringify(content)).toEqual(r.general);
    }
  });

  it('with semicolons, tabs, gzip, and duplicates across files (the later file wins)', async () => {
    const semi = `${HEADER.replaceAll(',', ';')}\n${TRICKY_ROWS.map((x) => x.replaceAll(',', ';')).join('\n')}\n`;
    const tab = `${HEADER.replaceAll(',', '\t')}\n${TRICKY_ROWS.map((x) => x.replaceAll(',', '\t')).join('\n')}\n`;
    const r = await both(
      setup({
        'checks-1.csv': semi,
        'checks-2.csv.gz': gzipSync(`${HEADER}\n${TRICKY_ROWS.join('\n')}\n`),
        'checks-3.csv': tab,
      }),
    );
    expect(r.fast).toEqual(r.general);
    expect(r.parallel).toEqual(r.general);
  });

  it('with naive times in a DST zone (ambiguous and skipped hours rejected)', async () => {
    const rows = [
      '2026-10-25 00:30:00,api,eu,up,1',
      '2026-10-25T01:30:00,api,eu,up,1',
      '2026-10-25T01:30:00Z,api,eu,up,1',
      '2026-03-29T01:30:00,api,eu,up,1',
      '2026-03-29T02:30:00,api,eu,up,1',
      '2026-10-25T03:30:00+01:00,api,eu,up,1',
    ];
    const r = await both(setup({ 'checks.csv': `${HEADER}\n${rows.join('\n')}\n` }, undefined, 'Europe/London'));
    expect(r.fast).toEqual(r.general);
    expect(r.parallel).toEqual(r.general);
  });

  it('with a preset that has reject words (uptime-kuma) and a default service', async () => {
    const kuma = `monitor,time,status,ping,msg\n${[
      'api,2026-11-02 23:59:01.731,1,12,',
      'api,2026-11-02 23:59:31.731,3,12,maint',
      'web,2026-11-03T00:00:01Z,0,,down',
      'web,2026-11-03T00:00:31Z,2,40,pending',
      'web,2026-11-03T00:01:01Z,7,40,?',
    ].join('\n')}\n`;
    const a = await both(setup({ 'checks.csv': kuma }, '  - { id: mon, kind: checks, preset: uptime-kuma, files: "checks*.csv*" }'));
    expect(a.fast).toEqual(a.general);
    expect(a.parallel).toEqual(a.general);
    const noService = `timestamp,status,latency_ms\n2026-10-01T00:00:00Z,up,1\n2026-10-01T00:01:00Z,down,\n`;
    const b = await both(setup({ 'checks.csv': noService }, '  - { id: mon, kind: checks, defaultService: web, files: "checks*.csv*" }'));
    expect(b.fast).toEqual(b.general);
    expect(b.parallel).toEqual(b.general);
  });

  it('across read boundaries (tiny reads after the 64 KiB sniff), with handover late in the file', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) rows.push(TRICKY_ROWS[i % TRICKY_ROWS.length] as string);
    rows.push('2026-10-01T03:00:00Z,"api",eu,up,100', ...TRICKY_ROWS);
    const content = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;
    expect(content.length).toBeGreaterThan(70_000);
    const r = await both(setup({ 'checks.csv': content }), 61);
    expect(r.fast).toEqual(r.general);
    expect(r.parallel).toEqual(r.general);
  });
});

describe('fast path equals the general path on random files', () => {
  const cell = {
    time: fc.constantFrom(
      '2026-10-01T00:00:00Z',
      '2026-10-01T00:00:30.5Z',
      '2026-10-01T00:01:00+01:00',
      '2026-10-01 00:02:00',
      '2026-10-01T00:02:00.123456Z',
      '1790000000',
      '2026-13-01T00:00:00Z',
      '',
      'x',
      '"2026-10-01T00:03:00Z"',
    ),
    service: fc.constantFrom('api', 'web', 'Public API', 'API-GW', '接口', 'nope', '', ' api', '"web"', '"a,b"'),
    probe: fc.constantFrom('eu', 'us', '', ' eu', 'é', '"x\ny"'),
    status: fc.constantFrom('up', 'down', 'DOWN', '503', '200', 'warn', 'maybe', '', '"up"'),
    latency: fc.constantFrom('100', '0', '12.5', '', '-3', 'n/a', '1e2', '"5"', '99999999999999999'),
  };
  const row = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(cell.time, cell.service, cell.probe, cell.status, cell.latency).map((c) => c.join(',')) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', ',,,,', 'a,b', '2026-10-01T00:00:00Z,api,eu,up,1,2') },
  );

  it('gives the same checks, rejects and accounting', async () => {
    await assertAsyncProperty(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (rows, eol, finalEol) => {
        const content = `${HEADER}${eol}${rows.join(eol)}${finalEol ? eol : ''}`;
        const r = await both(setup({ 'checks.csv': content }));
        expect(r.fast).toEqual(r.general);
        expect(r.parallel).toEqual(r.general);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the fast path keeps series apart', () => {
  it('with more distinct probes than a series key held (32,768): each check stays in its own series', () => {
    // The fast path keyed a series by (service entry × 0x8000 + probe entry), with 0x7fff for "no
    // probe": the 32,768th distinct probe cell (entry 0x7fff) took the key of the service's empty
    // probe, so its check went to probe "default". Read here by FastCheckRows alone (the whole
    // ingest of this 1 MB file on three paths took 10 s); the reference is the row mapper's probe.
    const config = loadConfig(setup({}));
    const { options } = resolveSourceOptions(config.sources[0] as SourceConfig, config);
    const resolved = resolveSource(options, HEADER.split(','));
    if ('missing' in resolved || 'duplicates' in resolved) throw new Error('the header resolves');
    const plan = fastChecksPlan(resolved, ',') as FastChecksPlan;
    const map = rowMapperFor(resolved);
    const rows = ['2026-10-01T00:00:00Z,api,,up,1'];
    for (let i = 0; i <= 0x8000; i++) rows.push(`2026-10-01T00:00:00Z,api,p${i},up,1`);
    const names: string[] = [];
    const probes: string[] = [];
    const sink: CheckSink = {
      seriesHandle: (service, probe) => names.push(`${service}/${probe}`) - 1,
      add: (handle) => void probes.push(names[handle] as string),
    };
    const account = new RowAccount(newFileAccount({ file: 'checks.csv', source: 'mon', kind: 'checks', sha256: '', bytes: 0 }), 'UTC');
    const loop = new LineLoop(new FastCheckRows(plan, map, sink, account), 2);
    const buf = Buffer.from(`${rows.join('\n')}\n`);
    expect(loop.scan(buf, 0, buf.length, true)).toEqual({ consumed: buf.length, handover: false });
    const expected = rows.map((row, i) => {
      const out = map(row.split(','), i + 2);
      return 'reason' in out || out.kind !== 'check' ? out : `${out.check.service}/${out.check.probe}`;
    });
    expect(probes).toEqual(expected);
  });
});
