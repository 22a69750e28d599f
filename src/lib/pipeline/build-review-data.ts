/**
 * The data half of a build: config → ingest → rollups and metrics → snapshots on disk.
 * I/O comes in through `effects`, so tests run it silently against fixture folders.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReviewConfig } from '../config/config-schema.ts';
import { type ActionsRegister, loadActions } from '../config/load-actions.ts';
import { loadConfig } from '../config/load-config.ts';
import { resolveRules } from '../config/resolve-rules.ts';
import { ReviewError } from '../errors.ts';
import { replaceDirAtomic } from '../fs/atomic-write.ts';
import { formatReject } from '../ingest/file-account.ts';
import { type IngestResult, ingestSources } from '../ingest/ingest-sources.ts';
import { actionsRegisterSchema } from '../snapshot/actions-schema.ts';
import { liveActions } from '../snapshot/actions-snapshots.ts';
import { buildSnapshots, monthsWithoutData, type PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { readCommentary } from '../snapshot/commentary-files.ts';
import { type PeriodStatus, periodStatuses } from '../snapshot/period-status.ts';
import { readPublished } from '../snapshot/published-store.ts';
import { snapshotJson } from '../snapshot/snapshot-json.ts';
import { periodSnapshotSchema } from '../snapshot/snapshot-schema.ts';

export interface Effects {
  info(message: string): void;
  warn(message: string): void;
}

export const silentEffects: Effects = { info() {}, warn() {} };

export interface BuildDataOptions {
  /** Path of review.config.yaml; export globs are relative to its folder. */
  configPath: string;
  /** Folder that receives the draft snapshots (replaced as a whole); null writes nothing (status, diff). */
  snapshotDir: string | null;
  /** Folder of published revisions (read only here). */
  publishedDir: string;
  /** Folder of the commentary (default content/reviews beside the config): compared with what revisions pinned. */
  contentDir?: string;
  /** Fail on any rejected row. */
  strict: boolean;
  /** Version written into each snapshot. */
  toolVersion: string;
  /** Reuse parsed files whose content is unchanged (default true). */
  cache?: boolean;
}

export interface BuildDataResult {
  config: ReviewConfig;
  /** The actions register (content/actions.yaml); null when the review has none. */
  actions: ActionsRegister | null;
  ingest: IngestResult;
  snapshots: PeriodSnapshot[];
  statuses: PeriodStatus[];
}

/** Where parsed files are cached, beside the config. */
export function cacheDirFor(configPath: string): string {
  return path.join(path.dirname(path.resolve(configPath)), '.cache/ingest');
}

/** The actions register of a review: content/actions.yaml beside the config. */
export const ACTIONS_FILE = 'content/actions.yaml';

export async function loadAndIngest(
  configPath: string,
  effects: Effects,
  options: { cache: boolean; toolVersion: string } = { cache: true, toolVersion: '0' },
): Promise<{ config: ReviewConfig; ingest: IngestResult; configSha256: string; actions: ActionsRegister | null }> {
  const config = loadConfig(configPath);
  const configSha256 = createHash('sha256').update(readFileSync(configPath)).digest('hex');
  // The register is checked against the config before the exports are read: its mistakes show at once.
  const actions = loadReviewActions(configPath, config);
  const ingest = await ingestReview(configPath, config, effects, options);
  return { config, ingest, configSha256, actions };
}

/** The review's actions register (content/actions.yaml beside the config), checked against the config; null when there is none. */
export function loadReviewActions(configPath: string, config: ReviewConfig): ActionsRegister | null {
  return loadActions(path.join(path.dirname(path.resolve(configPath)), ACTIONS_FILE), ACTIONS_FILE, config);
}

/** Every export the config names, read (unchanged files from the cache beside the config). */
export async function ingestReview(
  configPath: string,
  config: ReviewConfig,
  effects: Effects,
  options: { cache: boolean; toolVersion: string } = { cache: true, toolVersion: '0' },
): Promise<IngestResult> {
  const ingest = await ingestSources(
    config,
    path.dirname(path.resolve(configPath)),
    { info: effects.info },
    { cacheDir: options.cache ? cacheDirFor(configPath) : null, toolVersion: options.toolVersion },
  );
  effects.info(`parsed ${ingest.cache.parsed} files, ${ingest.cache.hits} unchanged (from the cache)`);
  return ingest;
}

/** Rejected rows as printable lines, the first `limit` of them. */
export function rejectLines(ingest: IngestResult, limit: number): string[] {
  const lines: string[] = [];
  for (const f of ingest.files) for (const r of f.rejects) if (lines.length < limit) lines.push(formatReject(f.file, r));
  return lines;
}

export async function buildReviewData(opts: BuildDataOptions, effects: Effects): Promise<BuildDataResult> {
  // The published revisions are checked first: an edited, damaged or missing one stops the build before any work.
  const reviewDir = path.dirname(path.resolve(opts.configPath));
  const shown = (f: string) => path.relative(reviewDir, f) || f;
  const published = readPublished(opts.publishedDir, effects.warn, shown);
  const commentary = readCommentary(opts.contentDir ?? path.join(reviewDir, 'content/reviews'), reviewDir);
  const { config, ingest, configSha256, actions } = await loadAndIngest(opts.configPath, effects, {
    cache: opts.cache ?? true,
    toolVersion: opts.toolVersion,
  });
  const rejected = ingest.files.reduce((a, f) => a + f.rejected, 0);
  if (rejected > 0) {
    const msg = `${rejected} rejected row${rejected === 1 ? '' : 's'} (see the data-quality pages, or run: npm run check)`;
    if (opts.strict) throw new ReviewError(`--strict: ${msg}`, rejectLines(ingest, 20));
    effects.warn(msg);
  }
  let snapshots: PeriodSnapshot[];
  try {
    // Months with published revisions are built even without data: a published review stays on the site.
    const keepMonths = new Set([...published.keys()].filter((id) => /^\d{4}-\d{2}$/.test(id)));
    snapshots = buildSnapshots(config, ingest, resolveRules(config), {
      toolVersion: opts.toolVersion,
      configSha256,
      keepMonths,
      actions,
    });
  } finally {
    // The rollups are in the snapshots: the checks' spill file is no longer needed.
    ingest.checks.close();
  }
  if (snapshots.length === 0) throw new ReviewError('no review period has data: check the sources in review.config.yaml');
  for (const snap of snapshots) {
    // A snapshot that does not match its published schema is a bug in this tool, not in the data.
    const check = periodSnapshotSchema.safeParse(snap);
    if (!check.success) {
      const where = check.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`snapshot ${snap.period.id} does not match its schema: ${where.join('; ')}`);
    }
  }
  const statuses = periodStatuses(snapshots, published, commentary);
  for (const st of statuses) {
    if (st.status !== 'changed') continue;
    const latest = st.revisions[st.revisions.length - 1];
    if (st.changes.length > 0)
      effects.warn(
        `${st.id}: the exports and config now give ${st.changes.length} figure${st.changes.length === 1 ? '' : 's'} different from published revision ${latest?.revision}; ` +
          `the site keeps showing revision ${latest?.revision}. Review with \`diff ${st.id}\`, then record it with \`publish ${st.id} --revise "reason"\`.`,
      );
    if (st.commentaryChanged)
      effects.warn(
        `${st.id}: the commentary changed since published revision ${latest?.revision}; its pages keep the commentary they were published with, ` +
          `the draft shows the new text. Record it with \`publish ${st.id} --revise "reason"\`.`,
      );
  }
  const files = snapshots.map((s) => ({ name: `${s.period.id}.json`, content: snapshotJson(s) }));
  const emptyMonths = monthsWithoutData(config, ingest, snapshots);
  files.push({ name: 'index.json', content: snapshotJson({ periods: statuses, emptyMonths }) });
  // The live register for the actions page (the period pages read their own, pinned in each snapshot).
  if (actions)
    files.push({ name: 'actions.json', content: snapshotJson(actionsRegisterSchema.parse(liveActions(snapshots, actions, config))) });
  if (opts.snapshotDir !== null) {
    replaceDirAtomic(opts.snapshotDir, files);
    effects.info(`wrote ${snapshots.length} period snapshots to ${opts.snapshotDir}`);
  }
  return { config, actions, ingest, snapshots, statuses };
}
