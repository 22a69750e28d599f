import { ReviewError, UsageError } from '../lib/errors.ts';
import { monthBounds } from '../lib/time/periods.ts';
import { COMMON_OPTIONS, type CommandContext, currentFigures, parseCommandArgs, projectPaths } from './cli-support.ts';

const usage = `usage: service-review status [--require-data YYYY-MM] [--json] [--config FILE]

Lists the review periods and whether each is a draft, published, or changed since publishing
(the exports and config now give different figures than the published revision).

options:
  --require-data YYYY-MM   exit 1 unless every source has accepted rows in that month (for CI: a
                           closed month with no exports must not be built silently)
  --json                   print the status as JSON
  --config FILE            review config (default: review.config.yaml)`;

export const statusCommand = {
  summary: 'which periods are draft, published, or changed since publishing',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values } = parseCommandArgs(ctx.args, {
      ...COMMON_OPTIONS,
      json: { type: 'boolean', default: false },
      'require-data': { type: 'string' },
    });
    const required = values['require-data'];
    if (required !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(required))
      throw new UsageError('--require-data needs a month like 2026-10');
    const paths = projectPaths(values.config);
    const r = await currentFigures(paths);
    if (values.json)
      ctx.out(
        JSON.stringify(
          r.statuses.map(({ changes, ...s }) => ({ ...s, changeCount: changes.length })),
          null,
          2,
        ),
      );
    else
      for (const s of r.statuses) {
        const latest = s.revisions[s.revisions.length - 1];
        const what =
          s.status === 'draft'
            ? 'draft'
            : s.status === 'published'
              ? `published r${latest?.revision} (${latest?.publishedAt} by ${latest?.publishedBy})`
              : `CHANGED since r${latest?.revision}: ${s.changes.length} figures differ (diff ${s.id})`;
        ctx.out(`${s.id}  ${what}${s.complete ? '' : '  [partial data]'}`);
      }
    if (required !== undefined) {
      const b = monthBounds(required, r.config.review.timeZone);
      const missing = r.config.sources
        .filter(
          (src) =>
            !r.ingest.files.some(
              (f) => f.source === src.id && f.firstMs !== null && f.firstMs < b.endMs && (f.lastMs as number) >= b.startMs,
            ),
        )
        .map((src) => src.id);
      if (missing.length)
        throw new ReviewError(
          `${required} has no exports from: ${missing.join(', ')}. Add them to data/ (see the README), or build it as a draft with missing data on purpose (REVIEW_ALLOW_MISSING_MONTH=true in CI).`,
        );
    }
    return 0;
  },
};
