/**
 * `review pdf` without printing (issue #18, item 4): where Chromium is looked for, the one-line
 * messages when it or the page is missing, and the print date. The printing itself is checked in
 * Chromium by test/browser/meeting-pack.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtBase, chosenPrintDate } from '../../src/cli/pdf-command.ts';
import { findChromium, noChromiumMessage } from '../../src/lib/site/find-chromium.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('findChromium', () => {
  it('takes REVIEW_CHROMIUM as given, and reports it when it is not an executable', () => {
    expect(findChromium({ REVIEW_CHROMIUM: '/opt/c/chrome', PATH: '/usr/bin' }, (f) => f === '/opt/c/chrome')).toEqual({
      path: '/opt/c/chrome',
    });
    // Set but wrong: no other browser is taken in its place.
    expect(findChromium({ REVIEW_CHROMIUM: '/nope', PATH: '/usr/bin' }, (f) => f === '/usr/bin/chromium')).toEqual({
      path: null,
      looked: ['REVIEW_CHROMIUM=/nope'],
    });
  });

  it('looks at /usr/bin/chromium first, then the usual names on PATH in order', () => {
    const has = new Set(['/a/google-chrome', '/b/chromium-browser']);
    expect(findChromium({ PATH: '/a:/b' }, (f) => has.has(f))).toEqual({ path: '/a/google-chrome' });
    expect(findChromium({ PATH: '/a:/b' }, (f) => f === '/usr/bin/chromium' || has.has(f))).toEqual({ path: '/usr/bin/chromium' });
    const none = findChromium({ PATH: '/a' }, () => false);
    expect(none.path).toBeNull();
    expect(none.path === null && none.looked).toEqual([
      '/usr/bin/chromium',
      '/a/chromium',
      '/a/chromium-browser',
      '/a/google-chrome',
      '/a/google-chrome-stable',
      '/a/chrome',
    ]);
  });

  it('says in one line how to get one', () => {
    const msg = noChromiumMessage({});
    expect(msg).not.toContain('\n');
    expect(msg).toMatch(/^no Chromium found .*apt-get install chromium.*REVIEW_CHROMIUM/);
    expect(noChromiumMessage({ REVIEW_CHROMIUM: '/x' })).toBe(
      'REVIEW_CHROMIUM is /x, which is not an executable file: point it at a Chrome or Chromium executable',
    );
  });
});

describe('chosenPrintDate', () => {
  it('is the option, else SOURCE_DATE_EPOCH’s UTC day, else today’s', () => {
    expect(chosenPrintDate('2026-11-03', { SOURCE_DATE_EPOCH: '0' })).toBe('2026-11-03');
    // 1793491200 s = 2026-11-01T00:00:00Z (the sample's October end in UTC+0); one second before is still October.
    expect(chosenPrintDate(undefined, { SOURCE_DATE_EPOCH: '1793491200' })).toBe('2026-11-01');
    expect(chosenPrintDate(undefined, { SOURCE_DATE_EPOCH: '1793491199' })).toBe('2026-10-31');
    expect(chosenPrintDate(undefined, {}, Date.UTC(2026, 11, 6, 23, 59))).toBe('2026-12-06');
  });

  it('refuses a malformed date or epoch', () => {
    expect(() => chosenPrintDate('3/11/2026', {})).toThrow(/--print-date needs a date like 2026-11-03, got "3\/11\/2026"/);
    expect(() => chosenPrintDate(undefined, { SOURCE_DATE_EPOCH: '17e8' })).toThrow(/SOURCE_DATE_EPOCH must be whole seconds/);
  });
});

describe('review pdf: messages before printing', () => {
  let dir: string;
  const config = () => path.join(dir, 'review.config.yaml');
  const saved = process.env.REVIEW_CHROMIUM;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sr-pdf-'));
    writeFileSync(
      config(),
      'review:\n  name: Pack test\n  timeZone: UTC\nservices:\n  - { id: api, name: API, owner: P, target: 0.99, latencyThresholdMs: 200 }\nsources:\n  - { id: mon, kind: checks, files: "data/*.csv" }\n',
    );
    const page = path.join(dir, 'dist/reviews/2026-10');
    mkdirSync(page, { recursive: true });
    writeFileSync(
      path.join(page, 'index.html'),
      '<!doctype html><html><head><link rel="icon" href="/review/favicon.svg" type="image/svg+xml"></head></html>',
    );
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.REVIEW_CHROMIUM;
    else process.env.REVIEW_CHROMIUM = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the missing page and says to build, in one line', async () => {
    const r = await runCli(['pdf', '2026-09', '--config', config()]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^error: .*dist\/reviews\/2026-09\/index\.html is not there: dist\/ has no 2026-09; run `npm run build` first$/);
    const rev = await runCli(['pdf', '2026-10', '--revision', '3', '--config', config()]);
    expect(rev.err).toMatch(/dist\/ has no revision 3 of 2026-10; run `npm run build` first, and check the period has that revision/);
  });

  it('says so in one line, with no stack trace, when no Chromium is found', async () => {
    process.env.REVIEW_CHROMIUM = path.join(dir, 'no-such-chromium');
    const r = await runCli(['pdf', '2026-10', '--config', config()]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `error: REVIEW_CHROMIUM is ${process.env.REVIEW_CHROMIUM}, which is not an executable file: point it at a Chrome or Chromium executable`,
    );
  });

  it('refuses a locale the review is not built in, and bad usage', async () => {
    expect((await runCli(['pdf', '2026-10', '--locale', 'zh-CN', '--config', config()])).err).toMatch(
      /^--locale must be one of the review's languages \(review.locales: en\), got "zh-CN"/,
    );
    expect((await runCli(['pdf', '--config', config()])).code).toBe(2);
    expect((await runCli(['pdf', '2026-10', '--draft', '--revision', '1', '--config', config()])).err).toMatch(/give one/);
  });

  it('reads the base path the pages were built for off the page', () => {
    expect(builtBase(path.join(dir, 'dist/reviews/2026-10/index.html'))).toBe('/review/');
  });
});
