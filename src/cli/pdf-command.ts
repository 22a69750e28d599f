import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config/load-config.ts';
import { ReviewError, UsageError } from '../lib/errors.ts';
import { writeFileAtomic } from '../lib/fs/atomic-write.ts';
import { isLocale, type Locale, textIn } from '../lib/model/locales.ts';
import { findChromium, noChromiumMessage } from '../lib/site/find-chromium.ts';
import { dictionary } from '../lib/site/i18n/dictionaries.ts';
import { formatPeriodIn } from '../lib/site/i18n/locale-format.ts';
import { defaultLocale, localePath } from '../lib/site/i18n/locale-path.ts';
import { printPage } from '../lib/site/print-pdf.ts';
import { siteAddress } from '../lib/site/site-config.ts';
import { draftPath, reviewPath } from '../lib/site/site-links.ts';
import { readJson, readPeriodStatuses, revisionFile, shownRevisionOf } from '../lib/site/snapshot-files.ts';
import { reviewNamesIn } from '../lib/snapshot/review-names.ts';
import type { PublishedRevision } from '../lib/snapshot/revisions.ts';
import { type CommandContext, parseCommandArgs, projectPaths } from './cli-support.ts';

const usage = `usage: service-review pdf <period> [--locale en|zh-CN] [--revision N | --draft] [--out FILE]
                         [--print-date YYYY-MM-DD] [--config FILE]

Prints the built review page of a period (dist/, from \`npm run build\`) to PDF through Chromium, for
the review meeting's pack: A4, the review, period and revision in the header, page numbers and the
print date in the footer. The PDF is not part of the reproducible site: Chromium stamps its own
creation time into it, and the print date is today's unless given.

options:
  --locale L        the language of the pages to print (default: the review's first, review.locales)
  --revision N      print published revision N's frozen page (default: the period page as readers see it)
  --draft           print the draft view of a published period that has changed since
  --out FILE        where to write the PDF (default: review-<period>[-<locale>][-r<N>|-draft].pdf here)
  --print-date D    the date printed in the footer (default: SOURCE_DATE_EPOCH's day if set, else today, UTC)
  --config FILE     review config (default: review.config.yaml)

Chromium: REVIEW_CHROMIUM, else /usr/bin/chromium, else chromium, chromium-browser or google-chrome on PATH.`;

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export const pdfCommand = {
  summary: 'print a period review to PDF for the meeting pack (needs Chromium)',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(ctx.args, {
      config: { type: 'string', default: 'review.config.yaml' },
      locale: { type: 'string' },
      revision: { type: 'string' },
      draft: { type: 'boolean', default: false },
      out: { type: 'string' },
      'print-date': { type: 'string' },
    });
    const [period, ...extra] = positionals;
    if (!period || extra.length) throw new UsageError('give one period, e.g. `review pdf 2026-10`');
    if (!PERIOD.test(period)) throw new UsageError(`the period must look like 2026-10, 2026-Q4 or 2026, got "${period}"`);
    if (values.draft && values.revision !== undefined) throw new UsageError('--revision and --draft print different pages: give one');
    const revision = values.revision === undefined ? null : Number(values.revision);
    if (revision !== null && !(Number.isInteger(revision) && revision > 0))
      throw new UsageError(`--revision needs a revision number like 2, got "${values.revision}"`);
    const printDate = chosenPrintDate(values['print-date'], process.env);

    const paths = projectPaths(values.config);
    const config = loadConfig(paths.configPath);
    const locales = config.review.locales;
    const locale = values.locale ?? defaultLocale(locales);
    if (!isLocale(locale) || !locales.includes(locale)) {
      throw new UsageError(`--locale must be one of the review's languages (review.locales: ${locales.join(', ')}), got "${locale}"`);
    }

    // The page, and that dist/ has it (a build, for this period, of this view).
    const sitePath = localePath(
      locale,
      locales,
      revision !== null ? reviewPath(period, revision) : values.draft ? draftPath(period) : reviewPath(period),
    );
    const pageFile = path.join(paths.distDir, sitePath, 'index.html');
    if (!existsSync(pageFile)) {
      throw new ReviewError(
        `${shownPath(pageFile)} is not there: dist/ has no ${revision !== null ? `revision ${revision} of ` : values.draft ? 'draft view of ' : ''}${period}; run \`npm run build\` first${revision !== null || values.draft ? ', and check the period has that revision or draft view (npm run review -- status)' : ''}`,
      );
    }

    const found = findChromium(process.env);
    if (found.path === null) throw new ReviewError(noChromiumMessage(process.env));

    const t = dictionary(locale);
    const shown = revision ?? (values.draft ? null : shownRevision(paths, period));
    const edition = shown === null ? t.status.draft : t.home.editionRevision(shown);
    const out = path.resolve(values.out ?? defaultOut(period, locale, locales, revision, values.draft));
    let pdf: Uint8Array;
    try {
      pdf = await printPage({
        chromium: found.path,
        distDir: paths.distDir,
        base: builtBase(pageFile),
        page: sitePath,
        header: `${shownReviewName(paths, period, shown, locale) ?? textIn(config.review.name, locale, config.review.locales)} · ${formatPeriodIn(period, locale)} · ${edition}`,
        printed: t.digest.pdfPrinted(printDate),
        pageOf: t.digest.pdfPageOf,
        origin: siteAddress(process.env).origin,
      });
    } catch (e) {
      throw new ReviewError(`Chromium (${found.path}) could not print ${sitePath}: ${(e as Error).message.split('\n')[0]}`);
    }
    writeFileAtomic(out, pdf);
    ctx.out(`pdf: ${shownPath(out)} (${Math.round(pdf.length / 1024)} KiB, printed ${printDate})`);
    return 0;
  },
};

/**
 * The date in the footer: --print-date, else SOURCE_DATE_EPOCH's UTC day (for a repeatable pack),
 * else today's (UTC).
 */
export function chosenPrintDate(option: string | undefined, env: NodeJS.ProcessEnv, now = Date.now()): string {
  if (option !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(option) || Number.isNaN(Date.parse(`${option}T00:00:00Z`))) {
      throw new UsageError(`--print-date needs a date like 2026-11-03, got "${option}"`);
    }
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date(now).toISOString().slice(0, 10);
}

/** A file as a person finds it: below the working folder relative, elsewhere absolute. */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** The revision the period page shows (its latest published one), or null for a draft. */
/**
 * The review's name a published revision was published with, in the page's language (a revision is
 * frozen: a renamed review does not rename it, as its page does not); null for a draft.
 */
function shownReviewName(paths: ReturnType<typeof projectPaths>, period: string, revision: number | null, locale: Locale): string | null {
  if (revision === null) return null;
  const file = revisionFile({ snapshotDir: paths.draftDir, publishedDir: paths.publishedDir }, period, revision);
  if (!existsSync(file)) return null;
  return reviewNamesIn(readJson<PublishedRevision>(file).snapshot.review, locale).name;
}

function shownRevision(paths: ReturnType<typeof projectPaths>, period: string): number | null {
  const status = readPeriodStatuses({ snapshotDir: paths.draftDir, publishedDir: paths.publishedDir })?.find((s) => s.id === period);
  return status ? shownRevisionOf(status) : null;
}

function defaultOut(period: string, locale: Locale, locales: readonly Locale[], revision: number | null, draft: boolean): string {
  const parts = [`review-${period}`];
  if (locales.length > 1) parts.push(locale);
  if (revision !== null) parts.push(`r${revision}`);
  else if (draft) parts.push('draft');
  return `${parts.join('-')}.pdf`;
}

/**
 * The base path dist/ was built for, read off the page (every page links its icon under it), so
 * the PDF is printed whatever REVIEW_BASE is set to now; '/' when the page does not say.
 */
export function builtBase(pageFile: string): string {
  if (!statSync(pageFile).isFile()) return '/';
  const m = /<link rel="icon" href="([^"]*?)favicon\.svg"/.exec(readFileSync(pageFile, 'utf8'));
  return m?.[1]?.startsWith('/') ? m[1] : '/';
}
