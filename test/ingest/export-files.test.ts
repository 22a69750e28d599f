/**
 * ExportFile and the stat-fingerprint rule (src/lib/ingest/export-files.ts). Expected hashes
 * are node:crypto's SHA-256 of the file's bytes; the fingerprint rule is the one documented
 * there and in the README's cache paragraph (after git's index: size, times in ns, inode,
 * device; a fingerprint taken within 2 s of the file's last change is not trusted unread).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportFile, RACY_WINDOW_NS, type StatFingerprint, sameFingerprint, settledBefore } from '../../src/lib/ingest/export-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'export-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251));
const file = path.join(dir, 'x.bin');
writeFileSync(file, bytes);

describe('ExportFile', () => {
  it('hashes the bytes its readers read, in order, and each byte once', async () => {
    const f = await ExportFile.open(file);
    const chunks: Buffer[] = [];
    for await (const c of f.chunks(0, 4096)) chunks.push(c);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(f.bytesRead).toBe(bytes.length);
    // A re-read (as after a worker's handover) is not hashed again, nor is the whole file read for the digest.
    for await (const _ of f.chunks(50_000, 8192)) void _;
    expect(await f.digest()).toEqual({ sha256: sha(bytes), bytes: bytes.length });
    expect(f.bytesRead).toBe(bytes.length + 50_000);
    await f.close();
  });

  it('hashes a gap before a read that starts past the bytes hashed, and the rest at the digest', async () => {
    const f = await ExportFile.open(file);
    const buf = Buffer.alloc(10);
    await f.read(buf, 0, 10, 60_000);
    expect(buf.equals(bytes.subarray(60_000, 60_010))).toBe(true);
    expect(await f.digest()).toEqual({ sha256: sha(bytes), bytes: bytes.length });
    expect(f.bytesRead).toBe(bytes.length);
    await f.close();
  });

  it('reports whether the file changed while it was open', async () => {
    const other = path.join(dir, 'y.csv');
    writeFileSync(other, 'a,b\n');
    const f = await ExportFile.open(other);
    expect(await f.unchanged()).toEqual(f.opened);
    writeFileSync(other, 'a,b\n1,2\n');
    expect(await f.unchanged()).toBeNull();
    await f.close();
  });
});

describe('the stat-fingerprint rule', () => {
  const fp: StatFingerprint = { size: 10, mtimeNs: '1000000000000', ctimeNs: '1000000000000', ino: '7', dev: '1' };

  it('takes any change of size, times, inode or device as a change', () => {
    expect(sameFingerprint(fp, { ...fp })).toBe(true);
    for (const change of [{ size: 11 }, { mtimeNs: '1000000000001' }, { ctimeNs: '1000000000001' }, { ino: '8' }, { dev: '2' }])
      expect(sameFingerprint(fp, { ...fp, ...change }), JSON.stringify(change)).toBe(false);
  });

  it('trusts a fingerprint only when the file was last changed more than the racy window before it was read', () => {
    const changed = BigInt(fp.ctimeNs);
    expect(settledBefore(fp, changed + RACY_WINDOW_NS + 1n)).toBe(true);
    expect(settledBefore(fp, changed + RACY_WINDOW_NS)).toBe(false);
    expect(settledBefore(fp, changed)).toBe(false);
    // A file changed "in the future" (clock skew) is never trusted unread.
    expect(settledBefore(fp, changed - 1n)).toBe(false);
    expect(settledBefore({ ...fp, mtimeNs: String(changed + 5n * RACY_WINDOW_NS) }, changed + 2n * RACY_WINDOW_NS)).toBe(false);
  });
});
