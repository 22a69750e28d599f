import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locatedLines } from '../lib/config/load-actions.ts';
import { loadConfig } from '../lib/config/load-config.ts';
import { errorLines, ReviewError } from '../lib/errors.ts';
import { MAX_FIELD_CHARS } from '../lib/ingest/field-limit.ts';
import { formatReject } from '../lib/ingest/file-account.ts';
import { ExportsError, type IngestResult } from '../lib/ingest/ingest-sources.ts';
import { absentFields, resolveSourceOptions } from '../lib/ingest/resolve-source.ts';
import { groupTicketsByIssue } from '../lib/metrics/group-recurring-issues.ts';
import { ingestReview, loadReviewActions } from '../lib/pipeline/build-review-data.ts';
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
Commentary problems are errors, each with its file and line: front matter (the line of its key),
a component the pages do not have, a name an expression uses that the page does not provide (with
its column), and every <Figure>, <Trend> and <RecurringIssues> checked against the config's
services, priorities, metrics and attributes (one the config has but a period's figures lack, a
service without checks that month, is found by build and publish). A config or export error does
not hide them: every problem is reported, then check exits 1 (with a config that is not valid,
all but the services and priorities are checked, and a warning says so).
Warns about files with a header and no rows, about commentary files no page shows (a
language the review does not build, a second file of the first language, or a name that is not
<period>.mdx or <period>.<locale>.mdx), about survey responses naming a ticket id several ticket
sources have (joined to none; ticketSources settles it), and about a config that leaves no month
to review. Rows outside the review's months are counted per file, with why.

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
    const paths = projectPaths(values.config as string);
    // Every problem with its place, then one failure: a config or export error does not hide the
    // commentary's problems (nor the actions register's), and each part is checked as far as what it needs allows.
    const failures: ReviewError[] = [];
    const attempt = <T>(step: () => T): T | null => {
      try {
        return step();
      } catch (e) {
        if (!(e instanceof ReviewError)) throw e;
        failures.push(e);
        return null;
      }
    };
    const config = attempt(() => loadConfig(values.config as string));
    const actions = config && attempt(() => loadReviewActions(values.config as string, config));
    let ingest: IngestResult | null = null;
    let unread: ExportsError | null = null;
    if (config)
      try {
        ingest = await ingestReview(values.config as string, config, {
          info: showProgress(values.verbose) ? ctx.err : () => {},
          warn: ctx.err,
        });
      } catch (e) {
        if (!(e instanceof ReviewError)) throw e;
        failures.push(e);
        if (e instanceof ExportsError) unread = e;
      }
    const commentary = commentaryErrors(paths, config);
    const warnings: CheckWarning[] = [
      // A file that could not be read is named by its error, not as empty.
      ...(ingest?.files ?? unread?.files.filter((f) => !unread?.fileErrors.some((u) => u.file === f.file)) ?? [])
        .filter((f) => f.rows === 0)
        .map((f) => ({ kind: 'header-only' as const, file: f.file, message: 'a header and no rows' })),
      ...unshownCommentary(paths, config).map((u) => ({ kind: 'unused-commentary' as const, ...u })),
      // Said only where there is commentary to check.
      ...(config || loadedCommentary(paths).length === 0
        ? []
        : [{ kind: 'commentary-unchecked' as const, file: shownPath(paths, paths.contentDir), message: UNCHECKED_WITHOUT_CONFIG }]),
    ];
    if (!config || !ingest) {
      if (values.json) {
        // check --json reports every file even when some cannot be read: the failed ones with their error.
        const failed = new Map((unread?.fileErrors ?? []).map((f) => [f.file, f.error]));
        const read = (unread?.files ?? []).map((f) => ({ ...f, error: failed.get(f.file) ?? null }));
        const notRead = (unread?.fileErrors ?? []).filter((f) => !unread?.files.some((a) => a.file === f.file));
        ctx.out(JSON.stringify({ files: [...read, ...notRead], warnings, commentary }, null, 2));
      }
      return failOnce(ctx, warnings, [...failures, ...commentaryFailure(commentary)]);
    }
    if (actions) {
      // Recurring-issue keys are known once the tickets are grouped, as the build groups them.
      const problems = unknownIssueProblems(
        actions.actions,
        new Set(groupTicketsByIssue(ingest.tickets).grouping.groups.map((g) => g.key)),
      );
      if (problems.length > 0)
        failures.push(
          new ReviewError(
            `${actions.file}: ${problems.length} unknown recurring issue${problems.length === 1 ? '' : 's'}`,
            locatedLines(actions, problems),
          ),
        );
    }
    const withStrays = horizonsAndStrays(config, ingest);
    const horizons = withStrays.map((h) => h.horizon);
    const range = reviewRange(config, ingest, horizons);
    const { months } = range;
    const outside = new Map(rowsOutsideReview(ingest, range).map((o) => [o.file, o]));
    const joins = surveyJoinIssues(ingest.surveys, ingest.surveyRows, ingest.tickets, surveyTicketSources(config.sources));
    // Warnings too, errors under --strict: a survey response whose ticket id several ticket sources have
    // (joined to none); a config that leaves no month to review.
    warnings.push(...joins.filter((j) => j.kind === 'ambiguous').map((j) => ambiguousJoinWarning(j, config.sources)));
    if (range.none !== null)
      warnings.push({
        kind: 'no-review-months',
        file: shownPath(paths, path.resolve(values.config as string)),
        message: range.none.message,
      });
    if (values.json) {
      ctx.out(
        JSON.stringify(
          { files: ingest.files.map((f) => ({ ...f, ...outsideJson(outside.get(f.file)), error: null })), warnings, commentary },
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
    failOnce(ctx, warnings, [...failures, ...commentaryFailure(commentary)]);
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

interface CheckWarning {
  kind: 'header-only' | 'unused-commentary' | 'commentary-unchecked' | 'ambiguous-survey-join' | 'no-review-months';
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

/** What `check` says it leaves out of the commentary when the config is not valid. */
const UNCHECKED_WITHOUT_CONFIG =
  "services and priorities of <Figure> and <Trend> not checked, nor the commentary's languages: the config is not valid";

/**
 * Prints the warnings, then every error but the last as the command line prints one (main.ts), and
 * throws the last, so the run fails once with every problem said; returns when there is none.
 */
function failOnce(ctx: CommandContext, warnings: readonly CheckWarning[], errors: readonly ReviewError[]): 0 {
  for (const w of warnings) ctx.err(`warning: ${w.file}${w.line === undefined ? '' : `:${w.line}`}: ${w.message}`);
  const last = errors[errors.length - 1];
  if (!last) return 0;
  for (const e of errors.slice(0, -1)) for (const line of errorLines(e)) ctx.err(line);
  throw last;
}

/** The commentary's problems as one error; none when it has none. */
const commentaryFailure = (commentary: readonly string[]): ReviewError[] =>
  commentary.length === 0
    ? []
    : [new ReviewError(`${commentary.length} problem${commentary.length === 1 ? '' : 's'} in the commentary`, [...commentary])];

/**
 * Every problem of the commentary the build loads (every content/reviews/*.mdx, commentary-file-list.ts)
 * that the config alone shows, by the rules build and publish check it with (commentary-check.ts);
 * without a valid config, all but the figures' services and priorities.
 */
function commentaryErrors(paths: CheckPaths, config: CheckConfig | null): string[] {
  const scope = config && configScope(config);
  return loadedCommentary(paths).flatMap((f) => commentaryProblems(scope, shownPath(paths, f), readFileSync(f, 'utf8')));
}

/**
 * Every commentary file no page shows: a translation written before its language is built (kept for
 * later, so a warning, an error under --strict), a second file of the first language, or a name that
 * is not <period>.mdx or <period>.<locale>.mdx (2026-10.zh-cn.mdx). Without a valid config, the
 * names alone (the languages are the config's).
 */
function unshownCommentary(paths: CheckPaths, config: CheckConfig | null): Array<{ file: string; message: string }> {
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
    ...(config ? unusedCommentary(byPeriod, config.review.locales) : []).map((u) => ({
      file: u.file,
      message: `commentary no page shows: ${u.reason}`,
    })),
  ];
}
