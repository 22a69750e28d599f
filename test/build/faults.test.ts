/**
 * Faults leave nothing behind: a full disk while the snapshots are written is a one-line message
 * naming the folder, with the previous snapshots intact and no temp folder left; the leftovers of
 * a run that was killed mid-write are removed by the next run. The full-disk case needs a small
 * tmpfs (mounting one needs root, as CI has); without it that case is skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const MINI = path.join(ROOT, 'test/fixtures/mini');

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** A process id that certainly does not run: one that just exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const snapshotsOf = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('leftovers of a killed run', () => {
  it('are removed by the next build; those of a run still going are kept', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'sr-faults-'));
    cpSync(MINI, work, { recursive: true, filter: (s) => !s.includes(`${path.sep}expected`) });
    const dead = deadPid();
    const snapshots = path.join(work, 'snapshots');
    mkdirSync(path.join(snapshots, `draft.${dead}.tmp`), { recursive: true });
    writeFileSync(path.join(snapshots, `draft.${dead}.tmp`, 'half.json'), '{"half');
    mkdirSync(path.join(snapshots, `draft.${dead}.old`));
    // This test's own process runs: its leftover-looking folder belongs to a build going on now.
    mkdirSync(path.join(snapshots, `draft.${process.pid}.tmp`));
    const r = cli(['build', '--data-only', '--config', path.join(work, 'review.config.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(snapshots).sort()).toEqual(['draft', `draft.${process.pid}.tmp`]);
    rmSync(work, { recursive: true, force: true });
  });
});

describe('leftovers of a killed site build', () => {
  it('are removed by the next full build: the tool’s dist.<pid>.tmp and the review’s dist.<pid>.tmp', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'sr-faults-site-'));
    cpSync(MINI, work, { recursive: true, filter: (s) => !s.includes(`${path.sep}expected`) });
    const dead = deadPid();
    const toolLeftover = path.join(ROOT, `dist.${dead}.tmp`);
    const reviewLeftover = path.join(work, `dist.${dead}.tmp`);
    for (const d of [toolLeftover, reviewLeftover]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(path.join(d, 'index.html'), '<p>half a site');
    }
    const r = cli(['build', '--config', path.join(work, 'review.config.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(toolLeftover)).toBe(false);
    expect(existsSync(reviewLeftover)).toBe(false);
    expect(existsSync(path.join(work, 'dist/index.html'))).toBe(true);
    rmSync(work, { recursive: true, force: true });
  });
});

describe('a full disk while the snapshots are written', () => {
  const mount = path.join(tmpdir(), `sr-full-${process.pid}`);
  mkdirSync(mount, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status === 0;
  if (!mounted) console.warn('faults: full-disk test skipped: cannot mount a small tmpfs here (needs root)');
  afterAll(() => {
    if (mounted) spawnSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  it.skipIf(!mounted)('is one message naming the folder; the previous snapshots stay, and no temp folder is left', () => {
    const work = path.join(mount, 'review');
    cpSync(MINI, work, { recursive: true, filter: (s) => !s.includes(`${path.sep}expected`) });
    const config = path.join(work, 'review.config.yaml');
    const first = cli(['build', '--data-only', '--no-cache', '--config', config]);
    expect(first.status, first.stderr).toBe(0);
    const draft = path.join(work, 'snapshots/draft');
    const before = snapshotsOf(draft);
    // Fill the disk, leaving far less than a snapshot set needs.
    const free = () => Number(spawnSync('df', ['--output=avail', '-B1', mount], { encoding: 'utf8' }).stdout.split('\n')[1]);
    writeFileSync(path.join(mount, 'filler'), Buffer.alloc(Math.max(0, free() - 8192)));
    const r = cli(['build', '--data-only', '--no-cache', '--config', config]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^error: cannot write draft in .*\/snapshots \(ENOSPC\); the disk is full: free some space and run again\. What was there before is unchanged\.$/m,
    );
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(snapshotsOf(draft)).toEqual(before);
    expect(readdirSync(path.join(work, 'snapshots'))).toEqual(['draft']);
    expect(existsSync(path.join(work, '.cache'))).toBe(false);
  });
});
