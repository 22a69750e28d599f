import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import path from 'node:path';
import { ReviewError, UsageError } from '../lib/errors.ts';
import { buildReviewData, silentEffects } from '../lib/pipeline/build-review-data.ts';
import { commentaryProblems } from '../lib/site/commentary-check.ts';
import { snapshotScope } from '../lib/site/commentary-figures.ts';
import { pinnedLanguages, readCommentary } from '../lib/snapshot/commentary-files.ts';
import { readPublished, writeRevision } from '../lib/snapshot/published-store.ts';
import { nextRevision } from '../lib/snapshot/revisions.ts';
import { isMonthId, isQuarterId, isYearId } from '../lib/time/periods.ts';
import { COMMON_OPTIONS, type CommandContext, parseCommandArgs, projectPaths, toolVersion } from './cli-support.ts';

const usage = `usage: service-review publish <YYYY-MM | YYYY-Qn | YYYY> [--revise "reason"] [--by NAME] [--message TEXT] [--config FILE]

Freezes the period's current figures as a published revision in snapshots/published/<period>/r<N>.json
(commit that file). The first publish records revision 1. A published revision never changes: when
later exports or a config change alter the figures, record revision N+1 with --revise and a reason;
it carries a per-figure diff against the revision before.

options:
  --revise TEXT   record a new revision of an already published period, with this reason
  --by NAME       who publishes (default: $REVIEW_PUBLISHER, git user.name, or the login name)
  --message TEXT  a note shown with the revision (default: none; the pages show "—")
  --strict        refuse to publish while any row is rejected
  --config FILE   review config (default: review.config.yaml)`;

function defaultPublisher(): string {
  if (process.env.REVIEW_PUBLISHER) return process.env.REVIEW_PUBLISHER;
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // not a git checkout, or no name configured
  }
  return userInfo().username;
}

export const publishCommand = {
  summary: 'freeze a period as a published revision (or --revise it)',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(ctx.args, {
      ...COMMON_OPTIONS,
      revise: { type: 'string' },
      by: { type: 'string' },
      // No default text: a default would be stored in one language and shown on every language's pages.
      message: { type: 'string', default: '' },
      strict: { type: 'boolean', default: false },
    });
    const [period] = positionals;
    if (!period || positionals.length > 1 || !(isMonthId(period) || isQuarterId(period) || isYearId(period)))
      throw new UsageError('publish needs one period like 2026-10, 2026-Q3 or 2026');
    const paths = projectPaths(values.config);
    const result = await buildReviewData(
      {
        configPath: paths.configPath,
        snapshotDir: paths.draftDir,
        publishedDir: paths.publishedDir,
        contentDir: paths.contentDir,
        strict: values.strict,
        toolVersion: toolVersion(),
      },
      { ...silentEffects, warn: (m) => ctx.err(`warning: ${m}`) },
    );
    const draft = result.snapshots.find((s) => s.period.id === period);
    if (!draft)
      throw new UsageError(`no period ${period} in this review (periods: ${result.snapshots.map((s) => s.period.id).join(', ')})`);
    const shown = (f: string) => path.relative(paths.baseDir, f) || f;
    // The commentary is checked as the build would check it before it is pinned: a pinned revision can never be corrected.
    const commentary = pinnedLanguages(
      readCommentary(paths.contentDir, paths.baseDir).get(period) ?? [],
      result.config.review.locales[0] ?? 'en',
    );
    const problems = commentary.flatMap((c) => commentaryProblems(snapshotScope(draft), c.file, c.source));
    if (problems.length > 0) {
      const n = problems.length;
      throw new ReviewError(
        `${period}: not published: ${n} problem${n === 1 ? '' : 's'} in the commentary it would pin (fix and publish again)`,
        problems,
      );
    }
    const rev = nextRevision({
      period,
      draft,
      existing: readPublished(paths.publishedDir, () => {}, shown).get(period) ?? [],
      commentary,
      by: values.by ?? defaultPublisher(),
      at: new Date(),
      message: values.message,
      revise: values.revise ?? null,
    });
    const file = writeRevision(paths.publishedDir, rev);
    ctx.out(`published ${period} revision ${rev.revision} → ${shown(file)}`);
    if (rev.commentary.length) ctx.out(`with its commentary: ${rev.commentary.map((c) => c.file).join(', ')}`);
    if (rev.changes.length) ctx.out(`${rev.changes.length} figures changed since revision ${rev.revision - 1} (see: diff ${period})`);
    ctx.out('Commit this file; rebuild the site to show it.');
    return 0;
  },
};
