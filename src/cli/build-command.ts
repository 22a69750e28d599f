import path from 'node:path';
import { buildReviewData } from '../lib/pipeline/build-review-data.ts';
import { type CommandContext, parseCommandArgs, toolVersion } from './cli-support.ts';

const usage = `usage: service-review build [--config FILE] [--strict] [--data-only] [--verbose]

Reads the exports, writes one snapshot per review month to snapshots/draft/, then builds the
static site into dist/.

options:
  --config FILE   review config (default: review.config.yaml)
  --strict        fail (exit 1) on any rejected row instead of reporting it
  --data-only     write the snapshots but do not build the site
  --verbose       print progress per file`;

export const SNAPSHOT_DIR = 'snapshots/draft';

export const buildCommand = {
  summary: 'build snapshots, then the site (dist/)',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values } = parseCommandArgs(ctx.args, {
      config: { type: 'string', default: 'review.config.yaml' },
      strict: { type: 'boolean', default: false },
      'data-only': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    });
    const configPath = values.config as string;
    const configDir = path.dirname(path.resolve(configPath));
    const snapshotDir = path.join(configDir, SNAPSHOT_DIR);
    const effects = { info: values.verbose ? ctx.err : () => {}, warn: (m: string) => ctx.err(`warning: ${m}`) };
    const started = performance.now();
    const result = await buildReviewData(
      {
        configPath,
        snapshotDir,
        strict: values.strict as boolean,
        toolVersion: toolVersion(),
      },
      effects,
    );
    const rows = result.ingest.files.reduce((a, f) => a + f.rows, 0);
    ctx.out(
      `snapshots: ${result.snapshots.length} periods from ${result.ingest.files.length} files (${rows} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (values['data-only']) return 0;
    // Astro's telemetry would call out to the web; the build must work offline.
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    process.env.REVIEW_SNAPSHOT_DIR = snapshotDir;
    const { build } = await import('astro');
    const outDir = path.join(configDir, 'dist');
    // The site's code lives with the tool; the data (and so dist/) lives with the config.
    await build({ root: path.resolve(import.meta.dirname, '../..'), outDir, logLevel: values.verbose ? 'info' : 'warn' });
    ctx.out(`site: ${path.relative(process.cwd(), outDir) || '.'}/`);
    return 0;
  },
};
