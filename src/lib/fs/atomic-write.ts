/**
 * Writes that never leave half a file or half a folder: write beside the target, then rename.
 * A write that fails (a full disk, a read-only folder) removes what it started and says which
 * folder and why, as a message, not a stack trace; leftovers of an earlier run that was killed
 * mid-write (`<name>.<pid>.tmp` / `.old` of a process that no longer runs) are removed by the next.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ReviewError } from '../errors.ts';

/** A leftover of a write: `<name>.<pid>.tmp` or `<name>.<pid>.old` beside the target. */
const LEFTOVER = /^(.+)\.(\d+)\.(tmp|old)$/;

/** Whether a process of this id runs (signal 0 only asks). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the leftovers of writes of `target` (a file or folder) by processes that no longer run:
 * what a killed build left behind. Those of a running process (a build going on now) are kept.
 * @returns the leftovers removed, as paths
 */
export function removeLeftovers(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (!m || m[1] !== base || running(Number(m[2]))) continue;
    const p = path.join(dir, name);
    rmSync(p, { recursive: true, force: true });
    removed.push(p);
  }
  return removed;
}

/** A write that failed, as a message naming the place and the cause. */
function writeError(what: string, where: string, e: unknown): ReviewError {
  const code = (e as NodeJS.ErrnoException).code;
  const hint =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full: free some space and run again'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the folder cannot be written: check its permissions'
        : 'run again once the cause is fixed';
  return new ReviewError(
    `cannot write ${what} in ${where} (${code ?? (e as Error).message}); ${hint}. What was there before is unchanged.`,
  );
}

/** Writes a file through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeError(path.basename(file), path.dirname(file), e);
  }
}

/**
 * Replaces a whole folder: files are written into a fresh sibling folder, which then takes
 * the old one's place, so readers see either the old set or the new set.
 */
export function replaceDirAtomic(dir: string, files: ReadonlyArray<{ name: string; content: string }>): void {
  removeLeftovers(dir);
  const tmp = `${dir}.${process.pid}.tmp`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    for (const f of files) {
      mkdirSync(path.dirname(path.join(tmp, f.name)), { recursive: true });
      writeFileSync(path.join(tmp, f.name), f.content);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw writeError(path.basename(dir), path.dirname(dir), e);
  }
  swapDirAtomic(tmp, dir);
}

/** Puts a finished folder in place of `dir` (which may not exist yet) with renames only. */
export function swapDirAtomic(ready: string, dir: string): void {
  removeLeftovers(dir);
  const old = `${dir}.${process.pid}.old`;
  rmSync(old, { recursive: true, force: true });
  let hadOld = true;
  try {
    renameSync(dir, old);
  } catch {
    hadOld = false;
  }
  try {
    renameSync(ready, dir);
  } catch (e) {
    // Put the previous folder back before saying so.
    if (hadOld) renameSync(old, dir);
    rmSync(ready, { recursive: true, force: true });
    throw writeError(path.basename(dir), path.dirname(dir), e);
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}
