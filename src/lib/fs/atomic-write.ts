/**
 * Writes that never leave half a file or half a folder: write beside the target, then rename.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a file through a temporary sibling and a rename. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/**
 * Replaces a whole folder: files are written into a fresh sibling folder, which then takes
 * the old one's place, so readers see either the old set or the new set.
 */
export function replaceDirAtomic(dir: string, files: ReadonlyArray<{ name: string; content: string }>): void {
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(tmp, f.name)), { recursive: true });
    writeFileSync(path.join(tmp, f.name), f.content);
  }
  swapDirAtomic(tmp, dir);
}

/** Puts a finished folder in place of `dir` (which may not exist yet) with renames only. */
export function swapDirAtomic(ready: string, dir: string): void {
  const old = `${dir}.${process.pid}.old`;
  rmSync(old, { recursive: true, force: true });
  let hadOld = true;
  try {
    renameSync(dir, old);
  } catch {
    hadOld = false;
  }
  renameSync(ready, dir);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}
