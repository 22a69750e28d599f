import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from '../lib/errors.ts';
import { type BuildDataResult, buildReviewData, silentEffects } from '../lib/pipeline/build-review-data.ts';

export interface CommandContext {
  args: string[];
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface Command {
  summary: string;
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

/** The tool's version, from package.json; written into every snapshot. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Parses a command's options, turning parseArgs failures into usage errors (exit 2). */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export interface ProjectPaths {
  configPath: string;
  /** Folder of the config file: export globs, snapshots and dist/ are relative to it. */
  baseDir: string;
  draftDir: string;
  publishedDir: string;
  distDir: string;
  contentDir: string;
  /** Astro's and Vite's caches for this review's site (beside the parsed exports in .cache/ingest/). */
  siteCacheDir: string;
}

/** Where everything lives, from the config file's path. */
export function projectPaths(configPath: string): ProjectPaths {
  const baseDir = path.dirname(path.resolve(configPath));
  return {
    configPath,
    baseDir,
    draftDir: path.join(baseDir, 'snapshots/draft'),
    publishedDir: path.join(baseDir, 'snapshots/published'),
    distDir: path.join(baseDir, 'dist'),
    contentDir: path.join(baseDir, 'content/reviews'),
    siteCacheDir: path.join(baseDir, '.cache/astro'),
  };
}

/** Options every data command shares. */
export const COMMON_OPTIONS = {
  config: { type: 'string', default: 'review.config.yaml' },
  verbose: { type: 'boolean', default: false },
} as const;

/**
 * Progress lines (per file: rows, rate) go to a person at a terminal, and stay out of CI logs
 * unless --verbose asks for them.
 */
export function showProgress(verbose: boolean): boolean {
  return verbose || (process.stderr.isTTY === true && process.env.CI !== 'true');
}

/** What the exports give now, for every period, without writing anything (status, diff). */
export function currentFigures(paths: ProjectPaths): Promise<BuildDataResult> {
  return buildReviewData(
    { configPath: paths.configPath, snapshotDir: null, publishedDir: paths.publishedDir, strict: false, toolVersion: toolVersion() },
    silentEffects,
  );
}
