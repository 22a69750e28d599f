import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config/load-config.ts';
import { ReviewError, UsageError } from '../lib/errors.ts';
import { writeFileAtomic } from '../lib/fs/atomic-write.ts';
import type { Locale } from '../lib/model/locales.ts';
import { buildReviewData } from '../lib/pipeline/build-review-data.ts';
import { commentaryFileName } from '../lib/site/i18n/commentary-locale.ts';
import type { PeriodSnapshot } from '../lib/snapshot/build-snapshots.ts';
import { isMonthId, isQuarterId, isYearId } from '../lib/time/periods.ts';
import { COMMON_OPTIONS, type CommandContext, parseCommandArgs, projectPaths, toolVersion } from './cli-support.ts';

const usage = `usage: service-review new <YYYY-MM | YYYY-Qn | YYYY> [--config FILE]

Scaffolds content/reviews/<period>.mdx (and <period>.<locale>.mdx for each further language in
review.locales), the analysts' commentary for a month, quarter or year, with key
figures placed as components (they read the period's snapshot when the site is built, so the
prose never carries pasted numbers): only figures the period has data for (availability of the
services with checks, ticket figures with tickets, satisfaction with answers), read from its
draft snapshot (built first when there is none). Never overwrites an existing file: writes the
languages that have none, and refuses when every language has one.`;

/** What the period has data for: the scaffold places only figures that will show a number. */
export interface ScaffoldData {
  /** Services with checks in the period (availability, target, downtime, outages). */
  monitored: ReadonlyArray<{ id: string; name: string }>;
  /** Whether any ticket was created, resolved or open in the period. */
  tickets: boolean;
  /** Survey answers per figure. */
  csat: boolean;
  nps: boolean;
  ces: boolean;
  /** Whether there are recurring-issue groups to list. */
  recurring: boolean;
}

/** What a period's draft snapshot has data for; null (no snapshot: no exports reach the period) has none. */
export function scaffoldData(snap: PeriodSnapshot | null): ScaffoldData {
  if (!snap) return { monitored: [], tickets: false, csat: false, nps: false, ces: false, recurring: false };
  const t = snap.tickets.overall;
  const sat = snap.satisfaction.overall;
  return {
    monitored: snap.services.filter((s) => s.checks > 0).map((s) => ({ id: s.id, name: s.name })),
    tickets: t.created > 0 || t.resolved > 0 || t.backlogAtEnd > 0 || t.backlogAtStart > 0,
    csat: sat.csat.n > 0,
    nps: sat.nps.n > 0,
    ces: sat.ces.n > 0,
    recurring: snap.recurring.groups.length > 0,
  };
}

/** The scaffold's prose per language (the figure components and their comment stay as they are). */
const PROSE: Record<
  Locale,
  {
    title: string;
    summaryHint: string;
    author: string;
    availability: (name: string, id: string) => string;
    resolution: string;
    csat: string;
    nps: string;
    headings: [summary: string, happened: string, recurring: string, actions: string];
  }
> = {
  en: {
    title: 'Commentary',
    summaryHint: 'One or two sentences: what mattered this period.',
    author: 'Your name',
    availability: (name, id) =>
      `Availability of ${name} was <Figure metric="availability" service="${id}" /> against a target of <Figure metric="target" service="${id}" />.`,
    resolution: 'Ticket resolution SLA attainment was <Figure metric="resolutionAttainment" />.',
    csat: 'CSAT was <Figure metric="csat" />.',
    nps: 'NPS was <Figure metric="nps" />.',
    headings: ['Summary', 'What happened', 'Recurring issues', 'Actions'],
  },
  'zh-CN': {
    title: '评述',
    summaryHint: '一两句话：本期的要点。',
    author: '姓名',
    availability: (name, id) =>
      `${name}的可用性为 <Figure metric="availability" service="${id}" />，目标为 <Figure metric="target" service="${id}" />。`,
    resolution: '工单解决 SLA 达成率为 <Figure metric="resolutionAttainment" />。',
    csat: '满意度 (CSAT) 为 <Figure metric="csat" />。',
    nps: '净推荐值 (NPS) 为 <Figure metric="nps" />。',
    headings: ['概要', '本期情况', '重复问题', '改进措施'],
  },
};

/** The MDX scaffold for a period in a language, with figures only where the period has data. */
export function commentaryScaffold(period: string, data: ScaffoldData, locale: Locale = 'en'): string {
  const w = PROSE[locale];
  const first = data.monitored[0];
  const available = [
    ...(first
      ? [
          `    <Figure metric="availability" service="${first.id}" />   availability | target | downtime | outages (need service=)`,
          `    <Trend metric="availability" service="${first.id}" />    the last 12 periods as a small table`,
        ]
      : []),
    ...(data.tickets
      ? [
          '    <Figure metric="resolutionAttainment" />   responseAttainment | resolutionAttainment | created | backlog (service= or priority=)',
        ]
      : []),
    ...(data.csat || data.nps || data.ces ? ['    <Figure metric="csat" />   csat | nps | ces (all responses, or service=)'] : []),
    ...(data.recurring ? ["    <RecurringIssues limit={5} />   the period's top recurring issues"] : []),
  ];
  const summary = [
    ...data.monitored.map((s) => w.availability(s.name, s.id)),
    ...(data.tickets ? [w.resolution] : []),
    ...(data.csat ? [w.csat] : []),
    ...(data.nps ? [w.nps] : []),
  ];
  const [hSummary, hHappened, hRecurring, hActions] = w.headings;
  return `---
period: "${period}"
title: "${w.title}"
summary: "${w.summaryHint}"
author: "${w.author}"
---

{/*
  Commentary for ${period}. Components read the period's snapshot at build time, so figures here
  always match the tables. Only figures the period has data for are placed below. Available:
${available.length > 0 ? available.join('\n') : '    none: no export reaches this period yet (rerun new after adding them)'}
  Services with checks this period: ${data.monitored.length > 0 ? data.monitored.map((s) => `${s.id} (${s.name})`).join(', ') : 'none'}
*/}

## ${hSummary}

${summary.length > 0 ? summary.join('\n') : '…'}

## ${hHappened}

- …
${data.recurring ? `\n## ${hRecurring}\n\n<RecurringIssues limit={5} />\n` : ''}
## ${hActions}

- …
`;
}

export const newCommand = {
  summary: 'scaffold the MDX commentary of a period',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(ctx.args, COMMON_OPTIONS);
    const [period] = positionals;
    if (!period || positionals.length > 1 || !(isMonthId(period) || isQuarterId(period) || isYearId(period))) {
      throw new UsageError('new needs one period like 2026-10, 2026-Q4 or 2026');
    }
    const paths = projectPaths(values.config);
    const { locales } = loadConfig(paths.configPath).review;
    // One file per language of the review; a language that already has one keeps it.
    const files = locales.map((locale) => ({ locale, file: path.join(paths.contentDir, commentaryFileName(period, locale, locales)) }));
    const missing = files.filter((f) => !existsSync(f.file));
    if (missing.length === 0)
      throw new ReviewError(
        files.length === 1
          ? `${files[0]?.file} already exists; edit it, or delete it to start again`
          : `${files.map((f) => f.file).join(' and ')} already exist; edit them, or delete one to start it again`,
      );
    for (const f of files) if (existsSync(f.file)) ctx.err(`${path.relative(process.cwd(), f.file)} already exists: kept`);
    const snapshot = path.join(paths.draftDir, `${period}.json`);
    // The scaffold places only figures the period has data for, so it needs the period's snapshot.
    if (!existsSync(snapshot)) {
      ctx.err(`no snapshot of ${period} yet: building the snapshots first`);
      await buildReviewData(
        {
          configPath: paths.configPath,
          snapshotDir: paths.draftDir,
          publishedDir: paths.publishedDir,
          strict: false,
          toolVersion: toolVersion(),
        },
        { info: () => {}, warn: (m) => ctx.err(`warning: ${m}`) },
      );
    }
    const snap = existsSync(snapshot) ? (JSON.parse(readFileSync(snapshot, 'utf8')) as PeriodSnapshot) : null;
    for (const f of missing) {
      writeFileAtomic(f.file, commentaryScaffold(period, scaffoldData(snap), f.locale));
      ctx.out(`wrote ${path.relative(process.cwd(), f.file)}`);
    }
    return 0;
  },
};
