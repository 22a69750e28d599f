/**
 * The published store checks itself: an edited figure, a damaged file, a missing or replaced
 * revision are each named with their file by the build, `status`, `publish` and `verify` (exit 1,
 * no stack trace); a file that is not a revision is a warning and otherwise ignored. Runs the CLI
 * in-process on the small review of test/helpers/small-review.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { H, makeReview, monthOfChecks, OCT_OUTAGE } from '../helpers/small-review.ts';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** A published review (October r1 and r2, September r1) copied fresh for each test. */
let template: string;
beforeAll(async () => {
  process.env.REVIEW_PUBLISHER = 'Test Publisher';
  template = makeReview();
  const config = path.join(template, 'review.config.yaml');
  mkdirSync(path.join(template, 'content/reviews'), { recursive: true });
  writeFileSync(
    path.join(template, 'content/reviews/2026-10.mdx'),
    '---\nperiod: "2026-10"\nsummary: "First words."\n---\n\nFirst words.\n',
  );
  expect((await runCli(['publish', '2026-10', '--config', config])).code).toBe(0);
  expect((await runCli(['publish', '2026-09', '--config', config])).code).toBe(0);
  writeFileSync(
    path.join(template, 'data/checks-2026-10.csv'),
    monthOfChecks(2026, 10, (t) => t >= OCT_OUTAGE && t < OCT_OUTAGE + 3 * H),
  );
  expect((await runCli(['publish', '2026-10', '--revise', 'Corrected monitoring export', '--config', config])).code).toBe(0);
});

function copy(): { dir: string; config: string; rev: (period: string, n: number) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-store-'));
  cpSync(template, dir, { recursive: true });
  return {
    dir,
    config: path.join(dir, 'review.config.yaml'),
    rev: (period, n) => path.join(dir, `snapshots/published/${period}/r${n}.json`),
  };
}

/** Runs a command and checks the common contract of a store problem: exit 1, the problem named, no stack trace. */
async function fails(args: string[], ...expected: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.code, r.err).toBe(1);
  expect(r.err).not.toMatch(/\n\s+at |internal error/);
  for (const e of expected) expect(r.err).toContain(e);
  return r.err;
}

describe('published revisions record their digest and their commentary', () => {
  it('each revision chains to the one before and pins the commentary it was published with', () => {
    const { rev } = copy();
    const r1 = readJson(rev('2026-10', 1));
    const r2 = readJson(rev('2026-10', 2));
    expect(r1.previousDigest).toBeNull();
    expect(r2.previousDigest).toBe(r1.digest);
    expect(r1.commentary).toEqual([
      {
        file: 'content/reviews/2026-10.mdx',
        // The language it is written in (the review's only one), not left to the file name's missing suffix.
        locale: 'en',
        source: '---\nperiod: "2026-10"\nsummary: "First words."\n---\n\nFirst words.\n',
      },
    ]);
    expect(readJson(rev('2026-09', 1)).commentary).toEqual([]);
  });

  it('verify: every file intact', async () => {
    const { config } = copy();
    const r = await runCli(['verify', '--config', config]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('ok       snapshots/published/2026-10/r2.json');
    expect(r.out).toContain('3 revisions of 2 periods: all intact');
  });

  it('a commentary edited after publishing is a change to revise, not an edit of the revision', async () => {
    const { dir, config } = copy();
    writeFileSync(
      path.join(dir, 'content/reviews/2026-10.mdx'),
      '---\nperiod: "2026-10"\nsummary: "Second thoughts."\n---\n\nSecond thoughts.\n',
    );
    const b = await runCli(['build', '--data-only', '--config', config]);
    expect(b.code, b.err).toBe(0);
    expect(b.err).toContain('2026-10: the commentary changed since published revision 2');
    const s = await runCli(['status', '--config', config]);
    expect(s.out).toMatch(/2026-10 {2}CHANGED since r2/);
    const p = await runCli(['publish', '2026-10', '--revise', 'Clearer wording', '--config', config]);
    expect(p.code, p.err).toBe(0);
    expect(readJson(path.join(dir, 'snapshots/published/2026-10/r3.json'))).toMatchObject({ changes: [], reason: 'Clearer wording' });
    expect(readJson(path.join(dir, 'snapshots/published/2026-10/r3.json')).commentary[0].source).toContain('Second thoughts.');
  });
});

describe('an edited, damaged or missing revision stops the build, status and publish, and verify names it', () => {
  it('a figure edited by hand', async () => {
    const { config, rev } = copy();
    const file = rev('2026-10', 1);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"downMs": 7200000', '"downMs": 0'));
    const edited = 'snapshots/published/2026-10/r1.json: edited after publishing — its content does not match its digest';
    await fails(['build', '--data-only', '--config', config], edited);
    await fails(['status', '--config', config], edited);
    await fails(['publish', '2026-09', '--revise', 'x', '--config', config], edited);
    await fails(['verify', '--config', config], edited);
    // The revision after it still chains to the digest it recorded, which the edited file no longer has.
    const v = await runCli(['verify', '--config', config]);
    expect(v.out).toContain('ok       snapshots/published/2026-10/r2.json');
  });

  it('a re-indented file is not an edit', async () => {
    const { config, rev } = copy();
    const file = rev('2026-10', 1);
    writeFileSync(file, JSON.stringify(readJson(file)));
    expect((await runCli(['verify', '--config', config])).code).toBe(0);
  });

  it('a damaged file: cut short, or not the shape of a revision', async () => {
    const { config, rev } = copy();
    writeFileSync(rev('2026-10', 2), readFileSync(rev('2026-10', 2), 'utf8').slice(0, 500));
    const broken = readJson(rev('2026-09', 1));
    delete broken.snapshot.services;
    writeFileSync(rev('2026-09', 1), JSON.stringify(broken, null, 2));
    const err = await fails(
      ['build', '--data-only', '--config', config],
      'snapshots/published/2026-10/r2.json: damaged — not valid JSON',
      'snapshots/published/2026-09/r1.json: damaged — not a revision as this tool writes them (snapshot.services:',
    );
    expect(err).toContain('2 problems');
  });

  it('a deleted revision 1 (revision 2 remains)', async () => {
    const { config, rev } = copy();
    rmSync(rev('2026-10', 1));
    await fails(['verify', '--config', config], 'snapshots/published/2026-10/r1.json: missing — 2026-10 has revision 2 but not revision 1');
    await fails(['build', '--data-only', '--config', config], 'missing');
  });

  it('a revision 1 replaced by another period’s valid file: the path and the chain say so', async () => {
    const { config, rev } = copy();
    renameSync(rev('2026-09', 1), rev('2026-10', 1));
    await fails(['verify', '--config', config], 'says period 2026-09 revision 1, but its path says 2026-10 r1');
  });

  it('a file written before digests (schema version 1) is named, with what to do', async () => {
    const { config, rev } = copy();
    const old = readJson(rev('2026-09', 1));
    old.schemaVersion = 1;
    delete old.digest;
    delete old.previousDigest;
    delete old.commentary;
    writeFileSync(rev('2026-09', 1), JSON.stringify(old, null, 2));
    await fails(['verify', '--config', config], 'schema version 1, this tool reads revision files of version 2 (version 1 had no digests');
  });
});

describe('files that are not revisions are warnings, not failures', () => {
  it('a README in the store and a backup beside a revision', async () => {
    const { dir, config } = copy();
    writeFileSync(path.join(dir, 'snapshots/published/README.md'), '# Published revisions\n');
    writeFileSync(path.join(dir, 'snapshots/published/2026-10/r1.json~'), 'editor backup');
    mkdirSync(path.join(dir, 'snapshots/published/notes'));
    const b = await runCli(['build', '--data-only', '--config', config]);
    expect(b.code, b.err).toBe(0);
    expect(b.err).toContain('warning: snapshots/published/README.md: not a period folder of published revisions; ignored');
    expect(b.err).toContain('warning: snapshots/published/2026-10/r1.json~: not a revision file (r<N>.json); ignored');
    expect(b.err).toContain('warning: snapshots/published/notes: not a period folder');
    for (const args of [['status'], ['verify'], ['diff', '2026-10', '1', '2']]) {
      const r = await runCli([...args, '--config', config]);
      expect(r.code, `${args[0]}: ${r.err}`).toBe(0);
    }
  });
});
