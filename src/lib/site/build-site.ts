/**
 * Builds the site of one review into its dist/, atomically: the site is built in a folder of its
 * own, moved beside dist/ and swapped in whole, so a failed build leaves the previous dist/ as it
 * was and no temporary folder behind.
 *
 * Where Astro works: the pages' code is bundled into the site folder being built, and that bundle
 * imports Astro's dependencies by name, so it must sit under the tool's node_modules/: the site is
 * built in <tool>/dist.<pid>.tmp/ (a folder per build) from the tool's folder (see
 * astro-prerender-bridge.ts, 5), then moved to the review (copied when the review is on another file
 * system). Astro's and Vite's caches are the review's (<review>/.cache/astro/), and the commentary is
 * read from the review's own files (load-commentary.ts), so two reviews built from one installation
 * never share them; what Astro keeps at <tool>/.astro/ (its types file) it rewrites on every build,
 * so builds from one installation run one at a time (lockInstallation).
 */
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeLeftovers, swapDirAtomic } from '../fs/atomic-write.ts';
import type { Locale } from '../model/locales.ts';
import { inWorkingDir } from './astro-prerender-bridge.ts';
import { reviewSiteConfig } from './site-config.ts';

export interface BuildSiteOptions {
  /** The tool's folder (src/, public/, node_modules/). */
  toolRoot: string;
  /** The review's draft snapshots, published revisions and commentary. */
  snapshotDir: string;
  publishedDir: string;
  contentDir: string;
  /** The review's languages (review.locales), the first the default. */
  locales: readonly Locale[];
  /** The site folder to replace (the review's dist/). */
  distDir: string;
  /** The review's cache for Astro (Vite's dependency cache, the pinned commentary): <review>/.cache/astro/. */
  cacheDir: string;
  /** Where the site is served: the path below the origin, and the origin. */
  base: string;
  site: string;
  /** The origin when it is known (REVIEW_SITE): the digest's links are then absolute. */
  origin?: string | null | undefined;
  /** Astro's own log: every route and errors' stack traces (verbose), or warnings and errors only. */
  verbose: boolean;
  /** Start Astro's and Vite's caches afresh (the build's --no-cache). */
  force: boolean;
}

export async function buildSite(o: BuildSiteOptions): Promise<void> {
  // Astro's telemetry would call out to the web; the build must work offline.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  const buildDir = path.join(o.toolRoot, `dist.${process.pid}.tmp`);
  const outDir = `${o.distDir}.${process.pid}.tmp`;
  const { config, integration } = reviewSiteConfig({
    root: o.toolRoot,
    snapshotDir: o.snapshotDir,
    publishedDir: o.publishedDir,
    contentDir: o.contentDir,
    locales: o.locales,
    base: o.base,
    site: o.site,
    origin: o.origin ?? null,
    outDir: buildDir,
    cacheDir: o.cacheDir,
    log: { level: o.verbose ? 'info' : 'warn', stacks: o.verbose },
  });
  const unlock = lockInstallation(o.toolRoot);
  // What a killed build left behind (its process no longer runs): the tool's build folder and the review's new site.
  removeLeftovers(path.join(o.toolRoot, 'dist'));
  removeLeftovers(o.distDir);
  try {
    // The whole config is given here and astro.config.mjs (the project's own, for `astro dev`) is not read:
    // Astro would merge it with this one, and arrays add up, so its integrations would run twice.
    await inWorkingDir(o.toolRoot, () => build({ ...config, configFile: false, logLevel: o.verbose ? 'info' : 'warn', force: o.force }));
    if (buildDir !== outDir) moveDir(buildDir, outDir);
  } catch (e) {
    // The writer threads stop first, so none writes into the folder being deleted.
    await integration.stop();
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  } finally {
    unlock();
  }
  swapDirAtomic(outDir, o.distDir);
}

/**
 * Takes the installation's build lock (<tool>/.astro/service-review-build.lock, holding the
 * process id), or fails naming the build that holds it; a lock left by a process that no longer
 * runs is taken over. Returns the release.
 */
export function lockInstallation(toolRoot: string): () => void {
  const dir = path.join(toolRoot, '.astro');
  const file = path.join(dir, 'service-review-build.lock');
  mkdirSync(dir, { recursive: true });
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = holderOf(file);
    if (holder === null) continue; // released meanwhile
    if (holder > 0 && holder !== process.pid && running(holder)) {
      throw new Error(
        `another site build from this installation is running (process ${holder}); Astro shares ${dir} between builds, so they run one at a time`,
      );
    }
    rmSync(file, { force: true });
  }
}

function holderOf(file: string): number | null {
  try {
    return Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Renames a folder, or copies it when the target is on another file system. */
function moveDir(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
