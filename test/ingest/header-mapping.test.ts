/**
 * Which header holds which field (src/lib/ingest/resolve-source.ts), as docs/reading-exports.md
 * states it: header names are matched as value words are (normWord: case, surrounding and
 * repeated white space, no-break and full-width spaces do not matter); a column the source maps
 * under `columns` is required in each of its files; a mapped column some files of a source have
 * and others lack is a file error naming the file and the column; an empty header name in
 * `columns` is a config error with its path.
 *
 * The audit's case: the sample's October tickets with `First  Response` (two spaces) in the header
 * read with no first responses, and October's first-response attainment fell from 323 met / 15
 * breached to 3 met / 332 breached, silently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/lib/config/config-schema.ts';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { absentFields, resolveSource, resolveSourceOptions } from '../../src/lib/ingest/resolve-source.ts';
import { problemsOf } from '../helpers/config-problems.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const REVIEW = {
  review: { name: 'Headers', timeZone: 'UTC' },
  services: [{ id: 'api', name: 'API', owner: 'P' }],
  priorities: [{ id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' }],
};

const optionsOf = (source: Record<string, unknown>) => {
  const cfg = validateConfig({ ...REVIEW, sources: [{ id: 'desk', kind: 'tickets', files: 'x.csv', ...source }] });
  return resolveSourceOptions(cfg.sources[0] as SourceConfig, cfg).options;
};

const MAPPED = { columns: { id: 'Key', createdMs: 'Created', firstResponseMs: 'First Response', priority: 'Priority' } };

describe('header names', () => {
  it('are matched as value words are: white space runs, no-break and full-width spaces, case', () => {
    const options = optionsOf(MAPPED);
    for (const cell of ['First  Response', 'First\u00a0Response', 'FIRST\u3000RESPONSE', ' first response\t'])
      expect(resolveSource(options, ['Key', 'Created', cell, 'Priority']), JSON.stringify(cell)).toMatchObject({
        indices: { id: 0, createdMs: 1, firstResponseMs: 2, priority: 3 },
      });
    // Built-in names too ("first response" is one of firstResponseMs's).
    expect(resolveSource(optionsOf({}), ['id', 'created', 'First\u00a0\u00a0Response', 'priority'])).toMatchObject({
      indices: { firstResponseMs: 2 },
    });
  });

  it('require a column the source maps under columns, in each file', () => {
    const options = optionsOf(MAPPED);
    // A vendor renamed the column; an empty header cell does the same.
    for (const cell of ['First reply', ''])
      expect(resolveSource(options, ['Key', 'Created', cell, 'Priority'])).toEqual({
        missing: ['firstResponseMs ("First Response"), which the source maps under columns'],
      });
    // A column only a preset or the built-in names look for may be absent from every file (ServiceNow has no first response).
    expect(resolveSource(optionsOf({}), ['id', 'created', 'priority'])).toMatchObject({ indices: { id: 0, createdMs: 1, priority: 2 } });
  });
});

describe('an empty header name in columns', () => {
  it('is a config error with its path', () => {
    expect(
      problemsOf({
        ...REVIEW,
        sources: [{ id: 'desk', kind: 'tickets', files: 'x.csv', columns: { category: '', title: ['Summary', ' '], service: [] } }],
      }),
    ).toEqual([
      'sources[0].columns.category: expected a header name, got ""',
      'sources[0].columns.title[1]: expected a header name, got " "',
      'sources[0].columns.service: expected at least one header name, got a list',
    ]);
  });
});

/** A review folder with these ticket files, `config` the source's own keys; returns the config path. */
function review(files: Record<string, string>, source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-headers-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(
    path.join(dir, 'review.config.yaml'),
    `review: { name: Headers, timeZone: UTC }
services: [{ id: api, name: API, owner: P }]
priorities: [{ id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }]
sources:
  - { id: desk, kind: tickets, files: "tickets-*.csv"${source} }
`,
  );
  return path.join(dir, 'review.config.yaml');
}

const SEP = 'T-1,2026-09-01 09:00,2026-09-01 09:05,2026-09-01 10:00,P1\n';
const OCT = 'T-2,2026-10-01 09:00,2026-10-01 09:05,2026-10-01 10:00,P1\n';

describe('files of one source that disagree on their columns', () => {
  it('fail as files, naming the file and the column the others have (built-in or preset names)', async () => {
    const config = review(
      {
        'tickets-2026-09.csv': `id,created,first_response,resolved,priority\n${SEP}`,
        'tickets-2026-10.csv': `id,created,first_reply,resolved,priority\n${OCT}`,
      },
      '',
    );
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'tickets-2026-10.csv: no column for firstResponseMs ("first_response" or "first response" or "first_response_at" or "responded_at"), ' +
        'which the other files of source "desk" have (tickets-2026-09.csv); read without it, its rows would have no firstResponseMs. ' +
        'Give the file the column, or list the name it uses under columns.firstResponseMs',
    );
    // check --json names the file's error beside its account.
    const json = JSON.parse((await runCli(['check', '--json', '--config', config])).out);
    expect(json.files.map((f: { file: string; error: string | null }) => [f.file, f.error === null])).toEqual([
      ['tickets-2026-09.csv', true],
      ['tickets-2026-10.csv', false],
    ]);
  });

  it('fail as files when a column mapped under columns is missing, also from the only file', async () => {
    const config = review(
      { 'tickets-2026-10.csv': `Key,Created,First reply,Resolved,Priority\n${OCT}` },
      ', columns: { id: Key, createdMs: Created, firstResponseMs: First Response, resolvedMs: Resolved, priority: Priority }',
    );
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'tickets-2026-10.csv: missing required column firstResponseMs ("First Response"), which the source maps under columns; ' +
        'the header has "Key", "Created", "First reply", "Resolved", "Priority"',
    );
  });

  it('are read when they agree, also on a column none of them has', async () => {
    const config = review(
      {
        'tickets-2026-09.csv': `id,created,first_response,resolved,priority\n${SEP}`,
        'tickets-2026-10.csv': `id,created,First\u00a0Response,resolved,priority\n${OCT}`,
      },
      '',
    );
    const r = await runCli(['check', '--json', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).files.map((f: { fields: string[] }) => f.fields)).toEqual([
      ['createdMs', 'firstResponseMs', 'id', 'priority', 'resolvedMs'],
      ['createdMs', 'firstResponseMs', 'id', 'priority', 'resolvedMs'],
    ]);
  });
});

describe('fields a file has no column for', () => {
  // The audit's case: a tickets export whose resolution column is "Resolution Date", a name no list
  // holds. Every row was accepted and read as never resolved (every ticket open, and breached, for
  // ever), and check said nothing about it: 1 row, 1 accepted, 0 rejected.
  it('are named by check, with the names looked for, so a column under an unknown name is seen', async () => {
    const config = review({ 'tickets-2026-09.csv': 'id,created,priority,Resolution Date\nT-1,2026-09-01 09:00,P1,2026-09-01 10:00\n' }, '');
    const r = await runCli(['check', '--config', config]);
    expect(r.code, r.err).toBe(0);
    const line = r.out.split('\n').find((l) => l.startsWith('  no column for')) as string;
    expect(line).toContain('resolvedMs ("resolved" or "resolved_at" or "closed" or "closed_at")');
    expect(line).toContain('firstResponseMs ("first_response" or "first response" or "first_response_at" or "responded_at")');
    expect(line).toMatch(/: empty in every row; if the export has one under another name, list it under columns$/);
    // Required fields are never in it (a file without them is an error), nor the fields the header gave.
    expect(line).not.toMatch(/\b(id|createdMs|priority) \(/);
  });

  it("leave out service with a defaultService and the tool's own verdict (it feeds no figure), and are none with every field", () => {
    const options = optionsOf({ defaultService: 'api' });
    expect(absentFields(options, ['createdMs', 'id', 'priority']).map((f) => f.split(' ')[0])).toEqual([
      'firstResponseMs',
      'resolvedMs',
      'category',
      'title',
      'status',
      'reopened',
    ]);
    const all = Object.keys(optionsOf({}).columns);
    expect(absentFields(optionsOf({}), all)).toEqual([]);
  });
});

describe("Excel's delimiter hint as a first line", () => {
  it('is named, with the setting that reads the file, whatever the delimiter it names', async () => {
    for (const [hint, sep, setting] of [
      ['sep=;', ';', '";"'],
      ['sep=,', ',', '","'],
      ['sep=\t', '\t', 'tab ("\\t")'],
      ['"sep=;"', ';', '";"'],
    ] as const) {
      const header = ['id', 'created', 'first_response', 'resolved', 'priority'].join(sep);
      const config = review({ 'tickets-2026-10.csv': `${hint}\n${header}\n${OCT.replaceAll(',', sep)}` }, '');
      const r = await runCli(['check', '--config', config]);
      expect(r.code, hint).toBe(1);
      expect(r.err, hint).toContain(
        `. Its first line is Excel's delimiter hint, not the header: delete that line, and set delimiter: ${setting} on the source`,
      );
    }
  });

  it('is not named for a header that only starts like one', async () => {
    const config = review({ 'tickets-2026-10.csv': `separator,created\n${OCT}` }, '');
    const r = await runCli(['check', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing required column');
    expect(r.err).not.toContain('delimiter hint');
  });
});
