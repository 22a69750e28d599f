import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config/load-config.ts';
import { ReviewError, UsageError } from '../lib/errors.ts';
import { writeFileAtomic } from '../lib/fs/atomic-write.ts';
import { buildReviewData } from '../lib/pipeline/build-review-data.ts';
import type { PeriodSnapshot } from '../lib/snapshot/build-snapshots.ts';
import { isMonthId, isQuarterId, isYearId } from '../lib/time/periods.ts';
import { COMMON_OPTIONS, type CommandContext, parseCommandArgs, projectPaths, toolVersion } from './cli-support.ts';

const usage = `usage: service-review new <YYYY-MM | YYYY-Qn | YYYY> [--config FILE]

Scaffolds content/reviews/<period>.mdx, the analysts' commentary for a month, quarter or year, with key
figures placed as components (they read the period's snapshot when the site is built, so the
prose never carries pasted numbers): only figures the period has data for (availability of the
services with checks, ticket figures with tickets, satisfaction with answers), read from its
draft snapshot (built first when there is none). Refuses to overwrite an existing file.`;

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

/** The MDX scaffold for a period, with figures only where the period has data. */
export function commentaryScaffold(period: string, data: ScaffoldData): string {
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
    ...data.monitored.map(
      (s) =>
        `Availability of ${s.name} was <Figure metric="availability" service="${s.id}" /> against a target of <Figure metric="target" service="${s.id}" />.`,
    ),
    ...(data.tickets ? ['Ticket resolution SLA attainment was <Figure metric="resolutionAttainment" />.'] : []),
    ...(data.csat ? ['CSAT was <Figure metric="csat" />.'] : []),
    ...(data.nps ? ['NPS was <Figure metric="nps" />.'] : []),
  ];
  return `---
period: "${period}"
title: "Commentary"
summary: "One or two sentences: what mattered this period."
author: "Your name"
---

{/*
  Commentary for ${period}. Components read the period's snapshot at build time, so figures here
  always match the tables. Only figures the period has data for are placed below. Available:
${available.length > 0 ? available.join('\n') : '    none: no export reaches this period yet (rerun new after adding them)'}
  Services with checks this period: ${data.monitored.length > 0 ? data.monitored.map((s) => `${s.id} (${s.name})`).join(', ') : 'none'}
*/}

## Summary

${summary.length > 0 ? summary.join('\n') : '…'}

## What happened

- …
${data.recurring ? '\n## Recurring issues\n\n<RecurringIssues limit={5} />\n' : ''}
## Actions

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
    loadConfig(paths.configPath);
    const file = path.join(paths.contentDir, `${period}.mdx`);
    if (existsSync(file)) throw new ReviewError(`${file} already exists; edit it, or delete it to start again`);
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
    writeFileAtomic(file, commentaryScaffold(period, scaffoldData(snap)));
    ctx.out(`wrote ${path.relative(process.cwd(), file)}`);
    return 0;
  },
};
