/**
 * The fast path for ticket and survey exports (src/lib/ingest/fast-records.ts) against the
 * general path (csv-parse and the row mapper) on the same inputs: the records, the rejects with
 * their lines, columns and reasons, and the row accounting must be identical.
 *
 * The general path is the one a file takes when its header holds a quote (csv-parse then reads
 * the whole file), so each input is read twice: as is, and with its first header cell quoted
 * (`"id"` parses to `id`); only the file's hash and size may differ. Inputs: hand-made tricky
 * files (CRLF, BOM, blank lines, quoted fields with embedded newlines, stray CRs, invalid UTF-8,
 * bad rows of every kind, duplicates, gzip, other delimiters, a preset, a DST zone, tiny reads)
 * and random files built from tricky cells (fast-check).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { assertAsyncProperty } from '../helpers/property.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CONFIG = (sources: string, zone = 'UTC') => `review:
  name: Fast records
  timeZone: ${zone}
services:
  - { id: api, name: Public API, owner: P, target: 0.99, latencyThresholdMs: 200, aliases: [api-gw, 接口] }
  - { id: web, name: Web, owner: W, target: 0.99, latencyThresholdMs: 500 }
priorities:
  - { id: p1, name: P1, words: [P1, Urgent, 紧急], response: 15m, resolution: 4h }
  - { id: p2, name: P2, words: [P2, High, Normal], response: 1h, resolution: 8h }
surveys:
  csat: { min: 1, max: 5, satisfiedAtLeast: 4 }
  ces: { min: 1, max: 7 }
sources:
${sources}
`;

const SOURCES = `  - { id: desk, kind: tickets, files: "tickets*.csv*" }
  - { id: survey, kind: surveys, files: "surveys*.csv*", values: { csat: { Happy: "5", Sad: "1" } } }`;

/** Writes the files and a config into a new folder; returns the config path. */
function setup(files: Record<string, string | Buffer>, sources = SOURCES, zone = 'UTC'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fast-records-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  const config = path.join(dir, 'review.config.yaml');
  writeFileSync(config, CONFIG(sources, zone));
  return config;
}

/** The result as plain data, without what the quoted header changes (the files' hash and size). */
function plain(r: IngestResult) {
  return {
    files: r.files.map(({ sha256: _s, bytes: _b, ...rest }) => rest),
    tickets: r.tickets,
    surveys: r.surveys,
  };
}

/** The header's first cell quoted, so csv-parse reads the whole file (after a BOM, if any). */
function quoteHeader(content: string | Buffer): string | Buffer {
  const text = typeof content === 'string' ? content : null;
  if (text === null) return content;
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const body = text.slice(bom.length);
  if (body.startsWith('"')) return content;
  const m = /^[^,;\t\r\n]*/.exec(body);
  const first = m ? m[0] : '';
  // A blank first line is not a header either path reads quickly: leave the file as it is.
  if (first === '') return content;
  return `${bom}"${first}"${body.slice(first.length)}`;
}

async function run(configPath: string, readChunkBytes?: number) {
  const config = loadConfig(configPath);
  try {
    return plain(
      await ingestSources(config, path.dirname(configPath), { info() {} }, { cacheDir: null, toolVersion: 't', readChunkBytes }),
    );
  } catch (e) {
    return { error: (e as Error).message, problems: (e as { problems?: string[] }).problems };
  }
}

/** Reads the files as given (fast path) and with quoted headers (general path). */
async function both(files: Record<string, string>, options: { sources?: string; zone?: string; readChunkBytes?: number } = {}) {
  const quoted = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, quoteHeader(content)]));
  return {
    fast: await run(setup(files, options.sources, options.zone), options.readChunkBytes),
    general: await run(setup(quoted, options.sources, options.zone), options.readChunkBytes),
  };
}

const T_HEADER = 'id,created,first_response,resolved,priority,category,service,title,status,reopened';
const S_HEADER = 'response_id,submitted_at,service,ticket_id,csat,nps,ces,comment';

/** Ticket rows that exercise every cell reader: each must come out the same on both paths. */
const TICKET_ROWS = [
  'T1,2026-10-01 08:00:00,2026-10-01 08:10:00,2026-10-01 10:00:00,P1,Access,api,Cannot log in,Resolved,no',
  'T2,2026-10-01T08:00:00,2026-10-01T08:10:00Z,2026-10-01T11:00:00+02:00,P2,Access,web,Portal down #12,Resolved,yes',
  'T3,2026-10-01 08:00:00.250,,,Urgent,,api-gw,无法登录系统,Open,',
  'T4,2026-10-01 08:00,2026-10-01 08:01,2026-10-02,p1,Bug,接口,Emoji 🎉 title,Closed,2',
  'T5,2026-10-31 23:59:59,,,P2,Bug,Public API,Month end,Open,0',
  'T6,2026-10-01 08:00:00,2026-10-01 07:00:00,,P1,Bug,api,Response before creation,Open,no',
  'T7,2026-10-01 08:00:00,,2026-09-30 08:00:00,P1,Bug,api,Resolved before creation,Resolved,no',
  'T8,2026-10-01 08:00:00,,,P9,Bug,api,Unknown priority,Open,no',
  'T9,2026-10-01 08:00:00,,,P1,Bug,nope,Unknown service,Open,no',
  'T10,2026-10-01 08:00:00,,,P1,Bug,api,Bad reopened,Open,maybe',
  'T11,2026-13-01 08:00:00,,,P1,Bug,api,Bad month,Open,no',
  'T12,2026-02-30 08:00:00,,,P1,Bug,api,No such day,Open,no',
  'T13,,,,P1,Bug,api,No created,Open,no',
  ',2026-10-01 08:00:00,,,P1,Bug,api,No id,Open,no',
  'T14,2026-10-01 08:00:00,,,,Bug,api,No priority,Open,no',
  'T15,2026-10-01 08:00:00,,,P1,Bug,api,Too many,Open,no,extra',
  'T16,2026-10-01 08:00:00,,,P1,Bug,api,Too few,Open',
  ' T17 , 2026-10-01 08:00:00 ,, , P1 , Bug , api , Spaces around , Open , no ',
  'T18,1790000000,,,P1,Bug,api,Epoch seconds,Open,no',
  'T19,03/11/2026 08:00,,,P1,Bug,api,Day-first date,Open,no',
  'T20,2026-10-01 24:00:00,,,P1,Bug,api,Hour 24,Open,no',
  'T1,2026-10-02 08:00:00,,,P2,Access,api,Duplicate id (later wins),Open,no',
  ',,,,,,,,,',
  '   ',
  'T21,2026-10-01 08:00:00,,,P1,Bug,api,Trailing tab\t,Open,no',
  'T22,2026-10-01 08:00:00,,,P1,Bug,,No service,Open,yes',
];

const SURVEY_ROWS = [
  'R1,2026-10-02 09:00:00,api,T1,5,10,2,Great',
  'R2,2026-10-02T09:00:00Z,web,T2,Happy,9,,Call me on +44 20 7946 0018',
  'R3,2026-10-02 09:00:00,,T3,Sad,,,',
  'R4,2026-10-02 09:00:00,api,,,,,No scores',
  'R5,2026-10-02 09:00:00,api,T4,6,,,Out of scale',
  'R6,2026-10-02 09:00:00,api,T5,4.5,,,Not whole',
  'R7,2026-10-02 09:00:00,nope,T5,4,,,Unknown service',
  ',2026-10-02 09:00:00,api,T5,4,7,3,No id',
  ',2026-10-02 09:00:00,api,T5,4,7,3,No id',
  'R1,2026-10-03 09:00:00,api,T1,1,0,7,Duplicate id',
  'R8,,api,T1,1,0,7,No time',
  'R9,2026-10-02 09:00:00,api,T1,1,0,7,Too,many',
  'R10,2026-10-02 09:00:00,接口,T9,3,5,4,中文评论 ✓',
];

const files = (t: string[], s: string[], eol = '\n', final = true) => ({
  'tickets.csv': `${T_HEADER}${eol}${t.join(eol)}${final ? eol : ''}`,
  'surveys.csv': `${S_HEADER}${eol}${s.join(eol)}${final ? eol : ''}`,
});

describe('fast path equals the general path', () => {
  it('on every tricky cell (LF, final newline)', async () => {
    const r = await both(files(TICKET_ROWS, SURVEY_ROWS));
    expect(r.fast).toEqual(r.general);
    // The fixture does exercise both outcomes and a duplicate.
    const f = (r.general as ReturnType<typeof plain>).files;
    expect(f[0]?.accepted).toBeGreaterThan(8);
    expect(f[0]?.rejected).toBeGreaterThan(10);
    expect(f[0]?.duplicates).toBe(1);
    expect(f[1]?.accepted).toBeGreaterThan(4);
    expect(f[1]?.rejected).toBeGreaterThan(4);
  });

  it('with CRLF line endings, a BOM, blank lines and no final newline', async () => {
    const t = ['', ...TICKET_ROWS.slice(0, 8), '', '', ...TICKET_ROWS.slice(8)];
    const s = [...SURVEY_ROWS.slice(0, 3), '', ...SURVEY_ROWS.slice(3)];
    const f = files(t, s, '\r\n', false);
    const r = await both({ 'tickets.csv': `\ufeff${f['tickets.csv']}`, 'surveys.csv': f['surveys.csv'] });
    expect(r.fast).toEqual(r.general);
  });

  it('hands over to csv-parse at a quoted field with an embedded newline, keeping line numbers', async () => {
    const t = [
      ...TICKET_ROWS.slice(0, 5),
      'Q1,2026-10-01 09:00:00,,,P1,Bug,api,"Quoted, with comma",Open,no',
      'Q2,2026-10-01 09:00:00,,,P1,Bug,api,"Two\nlines",Open,no',
      'Q3,2026-10-01 09:00:00,,,P9,Bug,api,After the quote,Open,no',
      ...TICKET_ROWS.slice(5),
    ];
    const r = await both(files(t, ['R1,2026-10-02 09:00:00,api,T1,5,10,2,"Said ""hi"""', ...SURVEY_ROWS]));
    expect(r.fast).toEqual(r.general);
    const rejects = (r.general as ReturnType<typeof plain>).files[0]?.rejects ?? [];
    // Q3 (unknown priority) starts on line 10, after a record that spans lines 8 and 9.
    expect(rejects.map((x) => x.line)).toContain(10);
  });

  it('hands over at a stray CR in an LF file, a bare LF in a CRLF file, and bytes that are not UTF-8', async () => {
    const lf = files(
      [...TICKET_ROWS.slice(0, 3), 'C1,2026-10-01 09:00:00,,,P1,Bug,api,Stray CR,Open,no\r', ...TICKET_ROWS.slice(3)],
      SURVEY_ROWS,
    );
    const a = await both(lf);
    expect(a.fast).toEqual(a.general);
    const crlf = `${T_HEADER}\r\n${TICKET_ROWS.slice(0, 3).join('\r\n')}\n${TICKET_ROWS.slice(3).join('\r\n')}\r\n`;
    const b = await both({ 'tickets.csv': crlf, 'surveys.csv': files([], SURVEY_ROWS)['surveys.csv'] });
    expect(b.fast).toEqual(b.general);
    // A Latin-1 é (0xE9) late in the file: not UTF-8, so the general reader takes over from that line and rejects the row, showing the byte.
    const head = Buffer.from(`${T_HEADER}\n${TICKET_ROWS.join('\n')}\n`);
    const bad = Buffer.concat([
      head,
      Buffer.from('L1,2026-10-01 09:00:00,,,P1,Bug,api,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(',Open,no\nL2,2026-10-01 09:00:00,,,P1,Bug,api,After,Open,no\n'),
    ]);
    const dir = { 'surveys.csv': files([], SURVEY_ROWS)['surveys.csv'] };
    const fast = await run(setup({ ...dir, 'tickets.csv': bad }));
    const general = await run(setup({ ...dir, 'tickets.csv': Buffer.concat([Buffer.from('"id"'), bad.subarray(2)]) }));
    expect(fast).toEqual(general);
    const read = fast as ReturnType<typeof plain>;
    expect(read.tickets.find((t) => t.id === 'L1')).toBeUndefined();
    expect(read.tickets.find((t) => t.id === 'L2')?.title).toBe('After');
    const tickets = read.files.find((f) => f.kind === 'tickets');
    // TICKET_ROWS have their own rejects; L1 is the last row but one: line = header + rows + 1.
    expect(tickets?.rejects.at(-1)).toEqual({
      line: TICKET_ROWS.length + 2,
      column: 8,
      field: 'title',
      value: 'Caf\\xE9',
      reason: "holds bytes that are not valid UTF-8 (\\xE9); check the file's encoding",
    });
  });

  it('with a quoted header, a header alone, an empty file and a missing column', async () => {
    for (const content of [
      `"id",created,priority\nT1,2026-10-01 08:00:00,P1\n`,
      T_HEADER,
      `${T_HEADER}\n`,
      '',
      '\n\n',
      `\n${T_HEADER}\n${TICKET_ROWS[0]}\n`,
      `id,title\nT1,x\n`,
      // A quote never closed, after the fast path handed over: the same message, csv-parse's line shifted to the file's.
      `${T_HEADER}\n${TICKET_ROWS[0]}\n${TICKET_ROWS[1]}\nQ1,"never closed,\n${TICKET_ROWS[2]}\n`,
    ]) {
      const r = await both({ 'tickets.csv': content, 'surveys.csv': files([], SURVEY_ROWS)['surveys.csv'] });
      expect(r.fast, JSON.stringify(content)).toEqual(r.general);
    }
  });

  it('with semicolons, tabs, gzip, and duplicates across files (the later file wins)', async () => {
    const semi = `${T_HEADER.replaceAll(',', ';')}\n${TICKET_ROWS.map((x) => x.replaceAll(',', ';')).join('\n')}\n`;
    const tab = `${S_HEADER.replaceAll(',', '\t')}\n${SURVEY_ROWS.map((x) => x.replaceAll(',', '\t')).join('\n')}\n`;
    const gz = `${T_HEADER}\n${TICKET_ROWS.join('\n')}\n`;
    const plainFiles = { 'tickets-1.csv': semi, 'surveys-1.csv': tab, 'surveys-2.csv': files([], SURVEY_ROWS)['surveys.csv'] };
    const fast = await run(setup({ ...plainFiles, 'tickets-2.csv.gz': gzipSync(gz) }));
    const general = await run(
      setup({
        ...Object.fromEntries(Object.entries(plainFiles).map(([n, c]) => [n, quoteHeader(c)])),
        'tickets-2.csv.gz': gzipSync(quoteHeader(gz)),
      }),
    );
    expect(fast).toEqual(general);
  });

  it('with naive times in a DST zone (ambiguous and skipped hours rejected)', async () => {
    const t = [
      'D1,2026-10-25 00:30:00,,,P1,Bug,api,Before,Open,no',
      'D2,2026-10-25 01:30:00,,,P1,Bug,api,Ambiguous,Open,no',
      'D3,2026-10-25T01:30:00Z,,,P1,Bug,api,With Z,Open,no',
      'D4,2026-03-29 01:30:00,,,P1,Bug,api,Skipped,Open,no',
      'D5,2026-03-29 02:30:00,,,P1,Bug,api,After,Open,no',
      'D6,2026-10-25 03:30:00+01:00,,,P1,Bug,api,Offset,Open,no',
    ];
    const r = await both(files(t, SURVEY_ROWS), { zone: 'Europe/London' });
    expect(r.fast).toEqual(r.general);
  });

  it('with a preset (Zendesk: first reply in minutes, resolved statuses)', async () => {
    const zendesk = `Id,Subject,Status,Priority,Ticket type,Created at,Solved at,Reopens,First reply time in minutes\n${[
      '101,Login broken,Solved,Urgent,incident,2026-10-01 08:00:00,2026-10-01 09:00:00,0,12',
      '102,Slow search,Solved,High,problem,2026-10-01 08:00:00,,1,5',
      '103,Slow search,Open,Normal,question,2026-10-01 08:00:00,,,-3',
      '104,Printer,Closed,Low,incident,2026-10-01 08:00:00,2026-10-02 08:00:00,2,',
    ].join('\n')}\n`;
    const r = await both(
      { 'tickets.csv': zendesk, 'surveys.csv': files([], SURVEY_ROWS)['surveys.csv'] },
      {
        sources: `  - { id: desk, kind: tickets, preset: zendesk, files: "tickets*.csv*" }\n  - { id: survey, kind: surveys, files: "surveys*.csv*" }`,
      },
    );
    expect(r.fast).toEqual(r.general);
  });

  it('across read boundaries (tiny reads after the 64 KiB sniff), with a handover late in the file', async () => {
    const t: string[] = [];
    for (let i = 0; i < 1500; i++) t.push((TICKET_ROWS[i % TICKET_ROWS.length] as string).replace(/^T(\d+)/, `T$1-${i}`));
    t.push('Q9,2026-10-01 09:00:00,,,P1,Bug,api,"late, quoted",Open,no', ...TICKET_ROWS);
    const f = files(t, SURVEY_ROWS, '\r\n');
    expect(f['tickets.csv'].length).toBeGreaterThan(70_000);
    const r = await both(f, { readChunkBytes: 61 });
    expect(r.fast).toEqual(r.general);
  });
});

describe('fast path equals the general path on random files', () => {
  const cell = {
    id: fc.constantFrom('T1', 'T2', 'T3', '', ' T4', 'T5 ', '"T6"'),
    time: fc.constantFrom(
      '2026-10-01 08:00:00',
      '2026-10-01T08:00:00Z',
      '2026-10-01 08:00:00.5',
      '2026-10-01T09:00:00+02:00',
      '2026-10-02',
      '2026-10-29 08:00:00',
      '2026-02-29 08:00:00',
      '1790000000',
      '',
      'x',
      '"2026-10-01 08:00:00"',
    ),
    priority: fc.constantFrom('P1', 'p2', 'Urgent', '紧急', 'P9', '', ' P1'),
    text: fc.constantFrom('Login', 'Access', '无法登录', 'é', '', ' a ', '"q"', '"a,b"', '"x\ny"'),
    service: fc.constantFrom('api', 'web', 'Public API', '接口', 'nope', '', ' api'),
    reopened: fc.constantFrom('yes', 'no', 'Y', '3', '0', 'maybe', ''),
    score: fc.constantFrom('1', '5', '10', '0', 'Happy', '4.5', '', '-1', '"3"'),
  };
  const ticketRow = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(cell.id, cell.time, cell.time, cell.time, cell.priority, cell.text, cell.service, cell.text, cell.text, cell.reopened)
        .map((c) => c.join(',')),
    },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', ',,,,,,,,,', 'a,b', `${TICKET_ROWS[0]},x`) },
  );
  const surveyRow = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(cell.id, cell.time, cell.service, cell.id, cell.score, cell.score, cell.score, cell.text).map((c) => c.join(',')),
    },
    { weight: 1, arbitrary: fc.constantFrom('', ',,,,,,,', 'a') },
  );

  it('gives the same records, rejects and accounting', async () => {
    await assertAsyncProperty(
      fc.asyncProperty(
        fc.array(ticketRow, { maxLength: 30 }),
        fc.array(surveyRow, { maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (t, s, eol, final) => {
          const r = await both(files(t, s, eol, final));
          expect(r.fast).toEqual(r.general);
        },
      ),
      { numRuns: 40 },
    );
  });
});
