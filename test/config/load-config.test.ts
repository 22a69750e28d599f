import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadConfig, validateConfig } from '../../src/lib/config/load-config.ts';
import { problemsOf } from '../helpers/config-problems.ts';

const good = {
  review: { name: 'R', timeZone: 'Europe/London' },
  services: [{ id: 'api', name: 'API', owner: 'Team', target: 0.999, latencyThresholdMs: 300 }],
  priorities: [{ id: 'p1', name: 'P1', words: ['P1'], response: '15m', resolution: '4h' }],
  sources: [{ id: 'mon', kind: 'checks', files: 'data/*.csv' }],
};

describe('review config', () => {
  it('accepts the bundled sample config', () => {
    const c = loadConfig(path.resolve('review.config.yaml'));
    expect(c.services.length).toBeGreaterThanOrEqual(6);
    expect(c.review.timeZone).toBe('Europe/London');
  });

  it('fills documented defaults', () => {
    const c = validateConfig(good);
    expect(c.surveys.csat).toEqual({ min: 1, max: 5, satisfiedAtLeast: 4 });
    expect(c.priorities[0]?.clock).toBe('24x7');
    expect(c.review.lowSampleBelow).toBe(30);
    expect(c.sources[0]?.delimiter).toBe('auto');
  });

  it('lists every problem at once, each with its path and the value found', () => {
    const bad = {
      review: { name: 'R', timeZone: 'Mars/Olympus' },
      services: [
        good.services[0],
        { id: 'web', name: 'Web', owner: 'T', target: 0.99, latencyThresholdMs: 100 },
        { id: 'pay', name: 'Pay', owner: 'T', target: '99.9%', latencyThresholdMs: -5 },
      ],
      priorities: [{ id: 'p1', name: 'P1', words: [], response: '15 minutes', resolution: '4h', clock: 'sometimes' }],
      sources: [{ id: 'mon', kind: 'logs', files: 'x' }],
      colour: 'blue',
    };
    expect(problemsOf(bad)).toMatchInlineSnapshot(`
      [
        "review.timeZone: expected an IANA time zone such as Europe/London, got "Mars/Olympus"",
        "services[2].target: expected a number between 0 and 1, got "99.9%"",
        "services[2].latencyThresholdMs: expected a number of milliseconds above 0, got -5",
        "priorities[0].words: expected at least one word, got a list",
        "priorities[0].response: expected a duration like 30m, 4h, 1h30m or 2d, got "15 minutes"",
        "priorities[0].clock: Invalid option: expected one of "24x7"|"business", got "sometimes"",
        "sources[0].kind: Invalid option: expected one of "checks"|"tickets"|"surveys"|"incidents"|"changes"|"rollups"|"duckdb", got "logs"",
        "(top level): unknown key "colour" (expected one of review, services, priorities, targets, incidentLevels, changeOutageWindow, calendars, surveys, maintenance, sources)",
      ]
    `);
  });

  // Issue #13: before, a word on two priority levels was accepted and the first level silently
  // won (every P1 ticket counted as P2); a service alias could name another service.
  it('refuses a word claimed by two levels or two services, naming both', () => {
    const bad = {
      ...good,
      priorities: [
        { ...good.priorities[0], id: 'p2', words: ['P2', 'p1'] },
        { ...good.priorities[0], id: 'p1', words: ['P1'] },
      ],
      services: [
        { ...good.services[0], id: 'api', name: 'API', aliases: ['gateway'] },
        { ...good.services[0], id: 'web', name: 'Web', aliases: ['Gateway'] },
      ],
    };
    expect(problemsOf(bad)).toEqual([
      'priorities[1].id: priority word "p1" is also claimed by priorities[0] (words); a word can mean one level only, got "p1"',
      'services[1].aliases[0]: service name "Gateway" is also claimed by services[0] (aliases); a word can mean one level only, got "Gateway"',
    ]);
  });

  it('checks cross-references once the shape is right', () => {
    const bad = {
      ...good,
      priorities: [{ ...good.priorities[0], clock: 'business', calendar: 'office' }],
      services: [good.services[0], good.services[0]],
      maintenance: [{ service: 'nope', from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00Z' }],
    };
    expect(problemsOf(bad)).toEqual([
      'priorities[0].calendar: no calendar with id "office" (known: none), got "office"',
      'services[1].id: duplicate id "api", got "api"',
      'maintenance[0].service: no service with id "nope", got "nope"',
    ]);
  });

  it('the CLI prints every problem, exits 1, and shows no stack trace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-config-'));
    const file = path.join(dir, 'review.config.yaml');
    writeFileSync(
      file,
      'review:\n  name: R\nservices:\n  - { id: api, name: API, owner: T, target: "99.9%", latencyThresholdMs: 300 }\npriorities: []\nsources: []\n' +
        // Priorities may be empty (issue #15), but not for a review with a ticket source.
        'unknownKey: 1\n',
    );
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      ['check', '--config', file],
      (l) => out.push(l),
      (l) => err.push(l),
    );
    expect(code).toBe(1);
    const text = err.join('\n');
    expect(text).toContain('services[0].target: expected a number between 0 and 1, got "99.9%"');
    expect(text).toContain('sources: expected at least one source');
    expect(text).toContain('unknownKey');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('reports YAML syntax errors with their line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-config-'));
    const file = path.join(dir, 'review.config.yaml');
    writeFileSync(file, 'review:\n  name: R\n  name: again\n');
    const err: string[] = [];
    expect(
      await main(
        ['check', '--config', file],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(1);
    expect(err.join('\n')).toMatch(/not valid YAML[\s\S]*line 3/);
  });

  it('usage errors exit 2', async () => {
    const err: string[] = [];
    expect(
      await main(
        ['check', '--bogus'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(
      await main(
        ['frobnicate'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('usage:');
  });
});

describe('docs/config.md', () => {
  it('is in step with the schema (regenerate with npm run docs:config)', async () => {
    const { renderConfigReference } = await import('../../src/lib/config/config-reference.ts');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.resolve('docs/config.md'), 'utf8')).toBe(renderConfigReference());
  });
});

describe('every problem at once', () => {
  it('reports cross-references even when the shape is also wrong', () => {
    const bad = {
      ...good,
      services: [{ ...good.services[0], target: '99.9%' }],
      priorities: [{ ...good.priorities[0], clock: 'business', calendar: 'office' }],
      maintenance: [{ service: 'nope', from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00Z' }],
    };
    expect(problemsOf(bad)).toEqual([
      'services[0].target: expected a number between 0 and 1, got "99.9%"',
      'priorities[0].calendar: no calendar with id "office" (known: none), got "office"',
      'maintenance[0].service: no service with id "nope", got "nope"',
    ]);
  });
});

describe('maintenance windows and calendars are checked with the rest of the config', () => {
  it('a reversed window, a non-existent and an ambiguous local time: each named with its path', () => {
    // Europe/London: 2026-03-29 01:30 is skipped (clocks go forward at 01:00 GMT); 2026-10-25 01:30 happens twice.
    const bad = {
      ...good,
      maintenance: [
        { service: 'api', from: '2026-06-14T03:00:00+01:00', to: '2026-06-14T01:00:00+01:00' },
        { service: 'api', from: '2026-03-29 01:30', to: '2026-03-29 04:00' },
        { service: '*', from: '2026-10-25 01:30', to: '2026-10-25 03:00' },
        { service: 'api', from: 'Sunday', to: '2026-10-25 03:00' },
      ],
    };
    expect(problemsOf(bad)).toMatchInlineSnapshot(`
      [
        "maintenance[0].to: must be after from ("2026-06-14T03:00:00+01:00"); the window would be empty or reversed, got "2026-06-14T01:00:00+01:00"",
        "maintenance[1].from: "2026-03-29 01:30" does not exist in Europe/London (clocks go forward); write it with its UTC offset, got "2026-03-29 01:30"",
        "maintenance[2].from: "2026-10-25 01:30" is ambiguous in Europe/London (repeated hour when clocks go back); write it with its UTC offset, got "2026-10-25 01:30"",
        "maintenance[3].from: expected a date like 2026-11-03 08:15, got "Sunday"",
      ]
    `);
  });

  it('`check` reports a bad maintenance window naming the config file, exit 1, no stack trace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-config-'));
    const file = path.join(dir, 'review.config.yaml');
    writeFileSync(
      file,
      [
        'review: { name: R, timeZone: Europe/London }',
        'services: [{ id: api, name: API, owner: T, target: 0.999, latencyThresholdMs: 300 }]',
        'priorities: [{ id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }]',
        'maintenance: [{ service: api, from: "2026-06-14T03:00:00+01:00", to: "2026-06-14T01:00:00+01:00" }]',
        'sources: [{ id: mon, kind: checks, files: "data/*.csv" }]',
        '',
      ].join('\n'),
    );
    const err: string[] = [];
    const code = await main(
      ['check', '--config', file],
      () => {},
      (l) => err.push(l),
    );
    expect(code).toBe(1);
    expect(err[0]).toBe(`error: ${file}: 1 problem in the config`);
    expect(err.join('\n')).toContain('maintenance[0].to: must be after from');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('working hours: an interval that ends before it starts, and a calendar with no hours', () => {
    const bad = {
      ...good,
      priorities: [{ ...good.priorities[0], clock: 'business', calendar: 'office' }],
      calendars: [
        { id: 'office', timeZone: 'Europe/London', weeklyHours: { mon: [['17:00', '09:00']] } },
        { id: 'never', timeZone: 'Europe/London', weeklyHours: {} },
      ],
    };
    expect(problemsOf(bad)).toEqual([
      'calendars[0].weeklyHours.mon[0]: a working interval must end after it starts, got 17:00–09:00',
      'calendars[0].weeklyHours: needs working hours on at least one weekday, got a mapping',
      'calendars[1].weeklyHours: needs working hours on at least one weekday, got a mapping',
    ]);
  });
});

describe('review.locales (issue #16)', () => {
  it('defaults to English only; keeps the order given (the first is the default locale)', () => {
    expect(validateConfig(good).review.locales).toEqual(['en']);
    expect(validateConfig({ ...good, review: { ...good.review, locales: ['zh-CN', 'en'] } }).review.locales).toEqual(['zh-CN', 'en']);
  });
  it('names unknown and duplicate locales with the valid ones, all at once', () => {
    expect(problemsOf({ ...good, review: { ...good.review, locales: ['zh-cn', 'en', 'en'] } })).toEqual([
      'review.locales[0]: unknown locale; valid locales: zh-CN, en, got "zh-cn"',
      'review.locales[2]: duplicate locale "en"; each of zh-CN, en at most once, got "en"',
    ]);
    expect(problemsOf({ ...good, review: { ...good.review, locales: [] } })).toEqual([
      'review.locales: expected at least one locale, one of zh-CN, en, got a list',
    ]);
  });
});

describe('review.name and review.organisation per language', () => {
  it('takes one text, or a text per locale', () => {
    const named = {
      ...good,
      review: { ...good.review, name: { en: 'Service review', 'zh-CN': '服务质量评审' }, organisation: 'Northwind' },
    };
    expect(validateConfig(named).review.name).toEqual({ en: 'Service review', 'zh-CN': '服务质量评审' });
    expect(validateConfig(named).review.organisation).toBe('Northwind');
  });
  it('names an unknown locale and an empty map, with their paths, all at once', () => {
    expect(problemsOf({ ...good, review: { ...good.review, name: { en: 'Review', fr: 'Revue' }, organisation: {} } })).toEqual([
      'review.name: unknown key "fr"',
      'review.organisation: expected a text for at least one locale, got a mapping',
    ]);
    expect(problemsOf({ ...good, review: { ...good.review, name: 42 } })).toEqual([
      'review.name: expected a text, or a text per locale (zh-CN, en), got 42',
    ]);
  });
});

describe('engine settings of a source (issue #17)', () => {
  it('engine keys only on the kinds that run DuckDB, and a memory limit needs a unit', () => {
    expect(
      problemsOf({
        ...good,
        sources: [
          { id: 'mon', kind: 'rollups', files: 'data/*.parquet', memoryLimit: '4GB' },
          { id: 'wh', kind: 'duckdb', files: 'warehouse.duckdb', memoryLimit: '4' },
          { id: 'ok', kind: 'duckdb', files: 'other.duckdb', table: 'probes', memoryLimit: '512MiB' },
        ],
      }),
    ).toEqual(['sources[1].memoryLimit: expected a size like 4GB or 512MiB, got "4"']);
    expect(
      problemsOf({ ...good, sources: [{ id: 'mon', kind: 'checks', files: 'data/*.csv', table: 'checks', memoryLimit: '4GB' }] }),
    ).toEqual([
      'sources[0].table: only a duckdb source reads a table, got "checks"',
      'sources[0].memoryLimit: only duckdb and rollups sources run DuckDB, got "4GB"',
    ]);
  });
});

// Before, these were accepted and ignored: a rollups source's days are the review zone's whatever its
// timeZone, and a duckdb source reads typed instants, not CSV text.
describe('reading keys where the format fixes how it is read', () => {
  it('are refused on rollups and duckdb sources, each with why, and taken on CSV sources', () => {
    expect(
      problemsOf({
        ...good,
        sources: [
          { id: 'mon', kind: 'rollups', files: 'r.csv', timeZone: 'America/New_York', delimiter: ';', encoding: 'gbk' },
          { id: 'wh', kind: 'duckdb', files: 'w.duckdb', epochUnit: 's', encoding: 'utf-8' },
        ],
      }),
    ).toEqual([
      'sources[0].timeZone: a rollups source\'s dates are days of the review zone (docs/rollups.md): timeZone does not apply, got "America/New_York"',
      'sources[1].epochUnit: a duckdb source reads typed timestamps, not numbers: epochUnit does not apply, got "s"',
      'sources[1].encoding: a duckdb source reads a database file or Parquet, not CSV: encoding does not apply, got "utf-8"',
    ]);
    expect(
      problemsOf({ ...good, sources: [{ id: 'mon', kind: 'checks', files: 'c.csv', timeZone: 'America/New_York', epochUnit: 's' }] }),
    ).toEqual([]);
  });
});

// docs/config.md sources[].resolvedStatuses: ticket statuses that mean resolved; other kinds have no such status.
describe('resolved statuses of a source', () => {
  it('are ticket words: a list of non-empty words, on a tickets source only', () => {
    expect(
      problemsOf({ ...good, sources: [{ id: 'desk', kind: 'tickets', files: 'd.csv', resolvedStatuses: ['Erledigt', 'Done'] }] }),
    ).toEqual([]);
    expect(
      problemsOf({
        ...good,
        sources: [
          { id: 'mon', kind: 'checks', files: 'data/*.csv', resolvedStatuses: ['Closed'] },
          { id: 'desk', kind: 'tickets', files: 'd.csv', resolvedStatuses: ['Closed', ' '] },
        ],
      }),
    ).toEqual([
      'sources[1].resolvedStatuses[1]: expected a status word, got " "',
      'sources[0].resolvedStatuses: only a tickets source has resolved statuses, got a list',
    ]);
  });
});

// A misspelt key was named but not mended: the analyst had to find the right spelling in docs/config.md.
describe('an unknown key names the nearest key the place takes, or all of them', () => {
  it('suggests a slip of the keyboard or of case, at any depth, in arrays and unions alike', () => {
    expect(problemsOf({ ...good, review: { name: 'R', timezone: 'Europe/London' } })).toEqual([
      'review: unknown key "timezone"; did you mean timeZone?',
    ]);
    expect(problemsOf({ ...good, services: [{ ...good.services[0], ownr: 'Team' }] })).toEqual([
      'services[0]: unknown key "ownr"; did you mean owner?',
    ]);
    expect(problemsOf({ ...good, sources: [{ ...good.sources[0], asof: '2026-10-20T00:00:00Z', delimter: ';' }] })).toEqual([
      'sources[0]: unknown keys "asof", "delimter"; did you mean asof → asOf, delimter → delimiter?',
    ]);
  });
  it('lists the keys the place takes when none is near', () => {
    expect(problemsOf({ ...good, colour: 'blue' })).toEqual([
      '(top level): unknown key "colour" (expected one of review, services, priorities, targets, incidentLevels, changeOutageWindow, calendars, surveys, maintenance, sources)',
    ]);
  });
});

// Before, a misspelt encoding passed the config and failed every file of the source, one by one.
describe("a source's encoding is checked with the config", () => {
  it('takes the offered names in any case, and other names the decoder knows', () => {
    for (const encoding of ['auto', 'UTF-8', 'utf8', 'gb18030', 'GBK', 'utf-16le', 'windows-1252', 'big5'])
      expect(validateConfig({ ...good, sources: [{ ...good.sources[0], encoding }] }).sources[0]?.encoding).toBe(encoding);
  });
  it('names a misspelt one with the nearest name, and one near none with the list', () => {
    expect(problemsOf({ ...good, sources: [{ ...good.sources[0], encoding: 'gb1830' }] })).toEqual([
      'sources[0].encoding: unknown encoding "gb1830"; did you mean gb18030? (expected utf-8, utf-16le, utf-16be, gb18030, gbk or auto)',
    ]);
    expect(problemsOf({ ...good, sources: [{ ...good.sources[0], encoding: 'klingon' }] })).toEqual([
      'sources[0].encoding: unknown encoding "klingon" (expected utf-8, utf-16le, utf-16be, gb18030, gbk or auto)',
    ]);
  });
});
