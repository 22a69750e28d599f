import { locatedLines } from '../lib/config/load-actions.ts';
import { ReviewError } from '../lib/errors.ts';
import { MAX_FIELD_CHARS } from '../lib/ingest/field-limit.ts';
import { formatReject } from '../lib/ingest/file-account.ts';
import { ExportsError } from '../lib/ingest/ingest-sources.ts';
import { groupTicketsByIssue } from '../lib/metrics/group-recurring-issues.ts';
import { loadAndIngest } from '../lib/pipeline/build-review-data.ts';
import { unknownIssueProblems } from '../lib/snapshot/actions-section.ts';
import { reviewMonths, rowsOutsideReview } from '../lib/snapshot/build-snapshots.ts';
import { sourceHorizons } from '../lib/snapshot/source-horizons.ts';
import { type CommandContext, parseCommandArgs, showProgress } from './cli-support.ts';

const usage = `usage: service-review check [--config FILE] [--strict] [--rejects N] [--json]

Validates the config, the actions register (content/actions.yaml, when there is one) and every
configured export without building the site, and prints a summary per file: rows, accepted,
rejected, duplicates, date range, and the first rejects.

options:
  --config FILE   review config (default: review.config.yaml)
  --strict        exit 1 when any row is rejected
  --rejects N     rejects to show per file (default 5)
  --json          print the accounting as JSON
  --verbose       print progress per file (shown anyway at a terminal, outside CI)`;

const iso = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().replace('.000Z', 'Z'));

export const checkCommand = {
  summary: 'validate the config and exports; print row accounting per file',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values } = parseCommandArgs(ctx.args, {
      config: { type: 'string', default: 'review.config.yaml' },
      strict: { type: 'boolean', default: false },
      rejects: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    });
    const limit = Number(values.rejects);
    let loaded: Awaited<ReturnType<typeof loadAndIngest>>;
    try {
      loaded = await loadAndIngest(values.config as string, {
        info: showProgress(values.verbose) ? ctx.err : () => {},
        warn: ctx.err,
      });
    } catch (e) {
      // check --json reports every file even when some cannot be read: the failed ones with their error.
      if (values.json && e instanceof ExportsError) {
        const failed = new Map(e.fileErrors.map((f) => [f.file, f.error]));
        const read = e.files.map((f) => ({ ...f, error: failed.get(f.file) ?? null }));
        const unread = e.fileErrors.filter((f) => !e.files.some((a) => a.file === f.file));
        ctx.out(JSON.stringify([...read, ...unread], null, 2));
      }
      throw e;
    }
    const { config, ingest, actions } = loaded;
    if (actions) {
      // Recurring-issue keys are known once the tickets are grouped, as the build groups them.
      const problems = unknownIssueProblems(
        actions.actions,
        new Set(groupTicketsByIssue(ingest.tickets).grouping.groups.map((g) => g.key)),
      );
      if (problems.length > 0)
        throw new ReviewError(
          `${actions.file}: ${problems.length} unknown recurring issue${problems.length === 1 ? '' : 's'}`,
          locatedLines(actions, problems),
        );
    }
    const horizons = sourceHorizons(config, ingest);
    const months = reviewMonths(config, ingest, horizons);
    const outside = new Map(rowsOutsideReview(config, ingest, months).map((o) => [o.file, o.rows]));
    if (values.json) {
      ctx.out(
        JSON.stringify(
          ingest.files.map((f) => ({ ...f, outsideReview: outside.get(f.file) ?? 0, error: null })),
          null,
          2,
        ),
      );
    } else {
      if (months.length) ctx.out(`review periods: ${months[0]} … ${months[months.length - 1]} (${months.length} months)`);
      for (const f of ingest.files) {
        const out = outside.get(f.file);
        ctx.out(
          `${f.file} [${f.source}, ${f.kind}, ${f.encoding}, "${f.delimiter === '\t' ? '\\t' : f.delimiter}"]: ${f.rows} rows, ${f.accepted} accepted, ${f.rejected} rejected, ${f.duplicates} duplicates; ${iso(f.firstMs)} … ${iso(f.lastMs)}`,
        );
        // The encoding and why: a file decided to be GB18030, or UTF-8 with bad bytes, is seen before its rows are.
        ctx.out(`  encoding ${f.encoding}: ${f.encodingReason}`);
        if (f.truncated > 0)
          ctx.out(
            `  ${f.truncated} field${f.truncated === 1 ? '' : 's'} longer than ${MAX_FIELD_CHARS} characters cut there (marked "[… cut: N characters …]")`,
          );
        if (out)
          ctx.out(
            `  ${out} accepted rows lie outside the review's periods (far from the bulk of the data, or outside firstPeriod/lastPeriod): not given periods`,
          );
        const unknown = Object.entries(f.unknownServices ?? {});
        if (unknown.length > 0)
          ctx.out(
            `  services not in the config, accepted under their exported names (review.unknownServices: reject refuses them): ${unknown
              .map(([id, u]) => `"${u.name}" as ${id} (${u.rows} rows)`)
              .join(', ')}`,
          );
        for (const r of f.rejects.slice(0, limit)) ctx.out(`  ${formatReject(f.file, r)}`);
        if (f.rejected > limit) ctx.out(`  … and ${f.rejected - Math.min(limit, f.rejects.length)} more`);
      }
    }
    const t = ingest.files.reduce(
      (a, f) => ({
        rows: a.rows + f.rows,
        accepted: a.accepted + f.accepted,
        rejected: a.rejected + f.rejected,
        duplicates: a.duplicates + f.duplicates,
      }),
      { rows: 0, accepted: 0, rejected: 0, duplicates: 0 },
    );
    if (!values.json)
      ctx.out(
        `total: ${ingest.files.length} files, ${t.rows} rows, ${t.accepted} accepted, ${t.rejected} rejected, ${t.duplicates} duplicates`,
      );
    if (!values.json && actions) {
      const n = (st: string) => actions.actions.filter((a) => a.status === st).length;
      ctx.out(
        `${actions.file}: ${actions.actions.length} actions (${n('open')} open, ${n('done')} done, ${n('dropped')} dropped), checked against the config and the recurring issues`,
      );
    }
    if (!values.json)
      for (const h of horizons)
        ctx.out(
          `source ${h.source} (${h.kind}): data until ${h.asOfMs === null ? '— (no accepted row)' : iso(h.asOfMs)} (${h.from === 'config' ? 'asOf in the config' : 'its latest timestamp'})`,
        );
    // A header and no rows is a visible warning (an export cut short, or a wrong filter), an error under --strict.
    const headerOnly = ingest.files.filter((f) => f.rows === 0);
    for (const f of headerOnly) ctx.err(`warning: ${f.file}: a header and no rows`);
    if (values.strict && headerOnly.length > 0)
      throw new ReviewError(`--strict: ${headerOnly.length} file${headerOnly.length > 1 ? 's have' : ' has'} a header and no rows`);
    if (values.strict && t.rejected > 0) throw new ReviewError(`--strict: ${t.rejected} rejected rows`);
    return 0;
  },
};
