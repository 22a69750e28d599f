import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locatedLines } from '../lib/config/load-actions.ts';
import { ReviewError } from '../lib/errors.ts';
import { MAX_FIELD_CHARS } from '../lib/ingest/field-limit.ts';
import { formatReject } from '../lib/ingest/file-account.ts';
import { ExportsError } from '../lib/ingest/ingest-sources.ts';
import { absentFields, resolveSourceOptions } from '../lib/ingest/resolve-source.ts';
import { groupTicketsByIssue } from '../lib/metrics/group-recurring-issues.ts';
import { loadAndIngest } from '../lib/pipeline/build-review-data.ts';
import { commentaryProblems, configScope } from '../lib/site/commentary-check.ts';
import { commentaryFiles } from '../lib/site/commentary-file-list.ts';
import { unusedCommentary } from '../lib/site/i18n/commentary-locale.ts';
import { unknownIssueProblems } from '../lib/snapshot/actions-section.ts';
import { readCommentary } from '../lib/snapshot/commentary-files.ts';
import {
  notReviewedAtHorizon,
  type ReviewRange,
  type RowsOutsideFile,
  reviewRange,
  rowsOutsideReview,
} from '../lib/snapshot/review-range.ts';
import { horizonsAndStrays } from '../lib/snapshot/source-horizons.ts';
import { type SurveyJoinIssue, surveyJoinIssues, surveyTicketSources } from '../lib/snapshot/tickets-by-id.ts';
import { nextMonth } from '../lib/time/periods.ts';
import { maskIdentifier } from '../lib/util/mask-personal-data.ts';
import { type CommandContext, parseCommandArgs, projectPaths, showProgress } from './cli-support.ts';

const usage = `usage: service-review check [--config FILE] [--strict] [--rejects N] [--json]

Validates the config, the actions register (content/actions.yaml, when there is one), the
commentary (content/reviews/*.mdx) and every configured export without building the site, and
prints a summary per file: rows, accepted, rejected, duplicates, date range, and the first rejects.
Commentary problems are errors, each with its file and line: front matter, a component the pages
do not have, and every <Figure>, <Trend> and <RecurringIssues> checked against the config's
services, priorities, metrics and attributes (one the config has but a period's figures lack, a
service without checks that month, is found by build and publish).
Warns about files with a header and no rows, and about commentary files no page shows (a
language the review does not build, a second file of the first language, or a name that is not
<period>.mdx or <period>.<locale>.mdx).

options:
  --config FILE   review config (default: review.config.yaml)
  --strict        exit 1 when any row is rejected or any warning is given
  --rejects N     rejects to show per file (default 5)
  --json          print the accounting as JSON: { files, warnings, commentary }
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
        ctx.out(JSON.stringify({ files: [...read, ...unread], warnings: [] }, null, 2));
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
    const withStrays = horizonsAndStrays(config, ingest);
    const horizons = withStrays.map((h) => h.horizon);
    const range = reviewRange(config, ingest, horizons);
    const { months } = range;
    const outside = new Map(rowsOutsideReview(ingest, range).map((o) => [o.file, o]));
    const paths = projectPaths(values.config as string);
    const joins = surveyJoinIssues(ingest.surveys, ingest.surveyRows, ingest.tickets, surveyTicketSources(config.sources));
    // Warnings, errors under --strict: a header and no rows (an export cut short, or a wrong filter); a
    // commentary file no page shows (a translation written before its language is built, a misnamed file);
    // a survey response whose ticket id several ticket sources have (joined to none); a config that leaves no month.
    const warnings: CheckWarning[] = [
      ...ingest.files
        .filter((f) => f.rows === 0)
        .map((f) => ({ kind: 'header-only' as const, file: f.file, message: 'a header and no rows' })),
      ...unshownCommentary(paths, config).map((u) => ({ kind: 'unused-commentary' as const, ...u })),
      ...joins.filter((j) => j.kind === 'ambiguous').map((j) => ambiguousJoinWarning(j, config.sources)),
      ...(range.none === null
        ? []
        : [
            {
              kind: 'no-review-months' as const,
              file: shownPath(paths, path.resolve(values.config as string)),
              message: range.none.message,
            },
          ]),
    ];
    const commentary = commentaryErrors(paths, config);
    if (values.json) {
      ctx.out(
        JSON.stringify(
          {
            files: ingest.files.map((f) => ({ ...f, ...outsideJson(outside.get(f.file)), error: null })),
            warnings,
            commentary,
          },
          null,
          2,
        ),
      );
    } else {
      if (months.length) ctx.out(`review periods: ${months[0]} … ${months[months.length - 1]} (${months.length} months)`);
      const sourceOptions = new Map(config.sources.map((src) => [src.id, resolveSourceOptions(src, config).options]));
      for (const f of ingest.files) {
        const out = outside.get(f.file);
        ctx.out(
          `${f.file} [${f.source}, ${f.kind}, ${f.encoding}, "${f.delimiter === '\t' ? '\\t' : f.delimiter}"]: ${f.rows} rows, ${f.accepted} accepted, ${f.rejected} rejected, ${f.duplicates} duplicates; ${iso(f.firstMs)} … ${iso(f.lastMs)}`,
        );
        // The encoding and why: a file decided to be GB18030, or UTF-8 with bad bytes, is seen before its rows are.
        ctx.out(`  encoding ${f.encoding}: ${f.encodingReason}`);
        // A column under a name the source does not know is not read, and its field is empty in every accepted row.
        const options = sourceOptions.get(f.source);
        const absent = options && f.kind !== 'rollups' && f.kind !== 'duckdb' ? absentFields(options, f.fields) : [];
        if (absent.length > 0)
          ctx.out(
            `  no column for ${absent.join(', ')}: empty in every row; if the export has one under another name, list it under columns`,
          );
        if (f.truncated > 0)
          ctx.out(
            `  ${f.truncated} field${f.truncated === 1 ? '' : 's'} longer than ${MAX_FIELD_CHARS} characters cut there (marked "[… cut: N characters …]")`,
          );
        if (out) ctx.out(`  ${outsideLine(out, range, config)}`);
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
      for (const { horizon: h, strays } of withStrays) {
        // A response or resolution far past the rest is left out of the horizon: said, since the row itself is accepted.
        const left =
          strays === null
            ? ''
            : `; ${strays.count} later time${strays.count === 1 ? '' : 's'} left out, far past the rest of its data (${strays.count === 1 ? '' : 'e.g. '}ticket ${strays.first.ticket} ${strays.first.event} ${iso(strays.first.ms)}): set asOf to reject such times`;
        ctx.out(
          `source ${h.source} (${h.kind}): data until ${h.asOfMs === null ? '— (no accepted row)' : iso(h.asOfMs)} (${h.from === 'config' ? 'asOf in the config' : 'its latest timestamp'})${left}`,
        );
      }
    if (!values.json) for (const line of outsideTicketSourcesLines(joins, config.sources)) ctx.out(line);
    for (const w of warnings) ctx.err(`warning: ${w.file}${w.line === undefined ? '' : `:${w.line}`}: ${w.message}`);
    if (commentary.length > 0)
      throw new ReviewError(`${commentary.length} problem${commentary.length === 1 ? '' : 's'} in the commentary`, commentary);
    if (values.strict) {
      const n = (kind: CheckWarning['kind']) => warnings.filter((w) => w.kind === kind).length;
      const said = [
        n('header-only') > 0 && `${n('header-only')} file${n('header-only') > 1 ? 's have' : ' has'} a header and no rows`,
        n('unused-commentary') > 0 && `${n('unused-commentary')} commentary file${n('unused-commentary') > 1 ? 's' : ''} no page shows`,
        n('ambiguous-survey-join') > 0 &&
          `${n('ambiguous-survey-join')} survey ticket id${n('ambiguous-survey-join') > 1 ? 's' : ''} joined to no ticket: several ticket sources have ${n('ambiguous-survey-join') > 1 ? 'each' : 'it'}`,
        n('no-review-months') > 0 && 'the config leaves no month to review',
      ].filter((x): x is string => x !== false);
      if (said.length > 0) throw new ReviewError(`--strict: ${said.join('; ')}`);
    }
    if (values.strict && t.rejected > 0) throw new ReviewError(`--strict: ${t.rejected} rejected rows`);
    return 0;
  },
};

/** One warning of check: printed as `warning: file[:line]: message`, carried as is by --json, an error under --strict. */
interface CheckWarning {
  kind: 'header-only' | 'unused-commentary' | 'ambiguous-survey-join' | 'no-review-months';
  file: string;
  /** The line of the file it is about, when one (the first, when several: the message lists them). */
  line?: number;
  message: string;
}

type SourceList = ReadonlyArray<{ id: string; ticketSources?: string | string[] | undefined }>;

/** Lines listed in a message, at most ten. */
const lineList = (lines: readonly number[]) =>
  `line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ` and ${lines.length - 10} more` : ''}`;

/** One ambiguous ticket id of one survey file: where, which sources share it, and the key that settles it. */
function ambiguousJoinWarning(j: SurveyJoinIssue, sources: SourceList): CheckWarning {
  const i = sources.findIndex((s) => s.id === j.source);
  const listed = sources[i]?.ticketSources;
  const settle =
    listed === undefined
      ? `set sources[${i}].ticketSources to the ticket source(s) its ids belong to`
      : `narrow sources[${i}].ticketSources (${[listed].flat().join(', ')}) to the ticket source its ids belong to`;
  const n = j.lines.length;
  const have = j.sources.length === 2 ? `${j.sources.join(' and ')} both have` : `${j.sources.join(', ')} all have`;
  return {
    kind: 'ambiguous-survey-join',
    file: j.file,
    line: j.lines[0] as number,
    message: `${n === 1 ? 'a response names' : `${n} responses (${lineList(j.lines)}) name`} ticket ${maskIdentifier(j.ticketId)}, which ticket sources ${have}: joined to neither (source ${j.source}); ${settle}`,
  };
}

/** Responses whose ticket only ticket sources outside their survey source's ticketSources have: said, not warned (the key may mean it). */
function outsideTicketSourcesLines(joins: readonly SurveyJoinIssue[], sources: SourceList): string[] {
  const out: string[] = [];
  for (const source of new Set(joins.filter((j) => j.kind === 'outside').map((j) => j.source))) {
    const these = joins.filter((j) => j.kind === 'outside' && j.source === source);
    const n = these.reduce((a, j) => a + j.lines.length, 0);
    const i = sources.findIndex((s) => s.id === source);
    const shown = these.slice(0, 5).map((j) => `${maskIdentifier(j.ticketId)} at ${j.file}:${j.lines[0]}`);
    out.push(
      `source ${source} (surveys): ${n} response${n === 1 ? ' names a ticket' : 's name tickets'} not among its ticket sources (${(these[0] as SurveyJoinIssue).sources.join(', ')}), only other ticket sources have ${n === 1 ? 'it' : 'them'} (${shown.join('; ')}${these.length > 5 ? `; … ${these.length - 5} more` : ''}): joined to none; sources[${i}].ticketSources decides`,
    );
  }
  return out;
}

/** A file's rows outside the review in check --json: the count, and the counts by why. */
function outsideJson(o: RowsOutsideFile | undefined) {
  return {
    outsideReview: o?.rows ?? 0,
    outsideReviewBy: { before: o?.before ?? 0, after: o?.after ?? 0, atHorizon: o?.atHorizon ?? 0, noMonths: o?.noMonths ?? 0 },
  };
}

/** A file's rows outside the review, with why each part is. */
function outsideLine(o: RowsOutsideFile, range: ReviewRange, config: Parameters<typeof notReviewedAtHorizon>[0]): string {
  const head = `${o.rows} accepted rows lie outside the review's periods, not given periods`;
  if (o.noMonths > 0) return `${head}: the config leaves no month to review (see the warning)`;
  const edge = (e: ReviewRange['first'], key: string, which: string) =>
    e === null ? '' : e.from === 'config' ? ` (${key})` : `, the ${which} month of the bulk of the data (these rows are far from it)`;
  const lastReviewed = range.months[range.months.length - 1] as string;
  const parts = [
    o.before > 0 && `${o.before} before ${range.months[0]}${edge(range.first, 'review.firstPeriod', 'first')}`,
    o.after > 0 && `${o.after} after ${range.last?.month}${edge(range.last, 'review.lastPeriod', 'last')}`,
    o.atHorizon > 0 &&
      range.horizon !== null &&
      `${o.atHorizon} from ${nextMonth(lastReviewed)} on: ${notReviewedAtHorizon(config, nextMonth(lastReviewed), range.horizon)}`,
  ].filter((x): x is string => typeof x === 'string');
  return `${head}: ${parts.join('; ')}`;
}

type CheckPaths = ReturnType<typeof projectPaths>;
type CheckConfig = Parameters<typeof configScope>[0] & { review: { locales: Parameters<typeof unusedCommentary>[1] } };
const shownPath = (paths: CheckPaths, f: string) => path.relative(paths.baseDir, f).split(path.sep).join('/');
const loadedCommentary = (paths: CheckPaths) =>
  commentaryFiles({ contentDir: paths.contentDir, pinnedDir: path.join(paths.siteCacheDir, 'pinned') }).reviews;

/**
 * Every problem of the commentary the build loads (every content/reviews/*.mdx, commentary-file-list.ts)
 * that the config alone shows, by the rules build and publish check it with (commentary-check.ts).
 */
function commentaryErrors(paths: CheckPaths, config: CheckConfig): string[] {
  const scope = configScope(config);
  return loadedCommentary(paths).flatMap((f) => commentaryProblems(scope, shownPath(paths, f), readFileSync(f, 'utf8')));
}

/**
 * Every commentary file no page shows: a translation written before its language is built (kept for
 * later, so a warning, an error under --strict), a second file of the first language, or a name that
 * is not <period>.mdx or <period>.<locale>.mdx (2026-10.zh-cn.mdx).
 */
function unshownCommentary(paths: CheckPaths, config: CheckConfig): Array<{ file: string; message: string }> {
  const byPeriod = readCommentary(paths.contentDir, paths.baseDir);
  const named = new Set([...byPeriod.values()].flat().map((c) => c.file));
  return [
    ...loadedCommentary(paths)
      .map((f) => shownPath(paths, f))
      .filter((f) => !named.has(f))
      .map((file) => ({
        file,
        message: 'commentary no page shows: not named <period>.mdx or <period>.<locale>.mdx (2026-10.mdx, 2026-Q4.zh-CN.mdx)',
      })),
    ...unusedCommentary(byPeriod, config.review.locales).map((u) => ({ file: u.file, message: `commentary no page shows: ${u.reason}` })),
  ];
}
