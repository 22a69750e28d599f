import path from 'node:path';
import { loadConfig } from '../lib/config/load-config.ts';
import { ReviewError } from '../lib/errors.ts';
import { buildReviewData } from '../lib/pipeline/build-review-data.ts';
import { buildSite } from '../lib/site/build-site.ts';
import { siteAddress } from '../lib/site/site-config.ts';
import { type CommandContext, parseCommandArgs, projectPaths, showProgress, toolVersion } from './cli-support.ts';

const usage = `usage: service-review build [--config FILE] [--strict] [--data-only] [--verbose]

Reads the exports, writes one snapshot per review month to snapshots/draft/, then builds the
static site into dist/.

options:
  --config FILE   review config (default: review.config.yaml)
  --strict        fail (exit 1) on any rejected row instead of reporting it
  --data-only     write the snapshots but do not build the site
  --no-cache      parse every export again (unchanged files are otherwise replayed from .cache/ingest/)
                  and start Astro's and Vite's caches (.cache/astro/) afresh
  --verbose       print progress per file (shown anyway at a terminal, outside CI), and Astro's log of
                  every route, with the stack trace of an error`;

export const buildCommand = {
  summary: 'build snapshots, then the site (dist/)',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values } = parseCommandArgs(ctx.args, {
      config: { type: 'string', default: 'review.config.yaml' },
      strict: { type: 'boolean', default: false },
      'data-only': { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    });
    const paths = projectPaths(values.config as string);
    const effects = { info: showProgress(values.verbose) ? ctx.err : () => {}, warn: (m: string) => ctx.err(`warning: ${m}`) };
    ctx.out(
      await buildData({
        configPath: paths.configPath,
        snapshotDir: paths.draftDir,
        publishedDir: paths.publishedDir,
        strict: values.strict as boolean,
        toolVersion: toolVersion(),
        cache: !values['no-cache'],
        effects,
      }),
    );
    if (values['data-only']) return 0;
    try {
      await buildSite({
        toolRoot: path.resolve(import.meta.dirname, '../..'),
        snapshotDir: paths.draftDir,
        publishedDir: paths.publishedDir,
        contentDir: paths.contentDir,
        locales: loadConfig(paths.configPath).review.locales,
        distDir: paths.distDir,
        cacheDir: paths.siteCacheDir,
        ...siteAddress(process.env),
        verbose: values.verbose as boolean,
        force: values['no-cache'] as boolean,
      });
    } catch (e) {
      // Astro has printed the details (file and line of a bad MDX component, say); the snapshots stand.
      throw new ReviewError(`the site build failed: ${(e as Error).message.split('\n')[0]}`, [
        'The snapshots were written and the previous dist/ is untouched; fix the page or commentary named above and run the build again.',
      ]);
    }
    ctx.out(`site: ${path.relative(process.cwd(), paths.distDir) || '.'}/`);
    return 0;
  },
};

/**
 * The data half: snapshots written, and a line that says what was read. Only that line is
 * returned, so none of the rows, rollups or snapshots stays in memory while Astro builds the site
 * (they were a few hundred MB on the 5-year benchmark archive, which the garbage collector went
 * over again and again).
 */
async function buildData(o: Parameters<typeof buildReviewData>[0] & { effects: Parameters<typeof buildReviewData>[1] }): Promise<string> {
  const started = performance.now();
  const result = await buildReviewData(o, o.effects);
  const rows = result.ingest.files.reduce((a, f) => a + f.rows, 0);
  return `snapshots: ${result.snapshots.length} periods from ${result.ingest.files.length} files (${rows} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}
