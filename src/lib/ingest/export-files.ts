/**
 * Which files a source reads, and their hashes (SHA-256 of the bytes as stored: the file's
 * provenance in the snapshot, and the parsed-file cache's key).
 */
import { createHash } from 'node:crypto';
import { globSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { ExportReadError } from './open-export.ts';

/** Files of a source, relative to `baseDir`, in path order. */
export function sourceFiles(files: string | string[], baseDir: string): string[] {
  const patterns = Array.isArray(files) ? files : [files];
  const found = new Set<string>();
  for (const pattern of patterns) for (const f of globSync(pattern, { cwd: baseDir })) found.add(f.split(path.sep).join('/'));
  return [...found].sort();
}

/** SHA-256 and size of a file, read through one reused buffer (a stream's fresh 1 MiB chunks would pile up as garbage). */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } catch (e) {
    // An unreadable file (missing, a folder, no permission) is the user's to fix: a message, not a trace.
    throw new ExportReadError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  } finally {
    await handle?.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}
