/**
 * Builds from one installation run one at a time (Astro rewrites files of <tool>/.astro/ on every
 * build): the lock of src/lib/site/build-site.ts, on a folder standing in for the tool's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockInstallation } from '../../src/lib/site/build-site.ts';

describe('lockInstallation', () => {
  const made: string[] = [];
  let other: ChildProcess | null = null;
  afterEach(() => {
    other?.kill();
    other = null;
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tool = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sr-lock-'));
    made.push(dir);
    return dir;
  };
  const lockFile = (root: string) => path.join(root, '.astro/service-review-build.lock');

  it('holds the lock for this process until released', () => {
    const root = tool();
    const release = lockInstallation(root);
    expect(readFileSync(lockFile(root), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile(root))).toBe(false);
    lockInstallation(root)();
  });

  it('fails, naming the other build, while another running process holds it', async () => {
    const root = tool();
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    await new Promise((resolve) => other?.once('spawn', resolve));
    lockInstallation(root)(); // makes .astro/
    writeFileSync(lockFile(root), String(other.pid));
    expect(() => lockInstallation(root)).toThrow(`another site build from this installation is running (process ${other.pid})`);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const root = tool();
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    lockInstallation(root)(); // makes .astro/
    writeFileSync(lockFile(root), String(gone.pid));
    const release = lockInstallation(root);
    expect(readFileSync(lockFile(root), 'utf8')).toBe(String(process.pid));
    release();
  });
});
