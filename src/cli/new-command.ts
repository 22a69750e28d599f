import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config/load-config.ts';
import { ReviewError, UsageError } from '../lib/errors.ts';
import { writeFileAtomic } from '../lib/fs/atomic-write.ts';
import { isMonthId } from '../lib/time/periods.ts';
import { COMMON_OPTIONS, type CommandContext, parseCommandArgs, projectPaths } from './cli-support.ts';

const usage = `usage: service-review new <YYYY-MM> [--config FILE]

Scaffolds content/reviews/<YYYY-MM>.mdx, the analysts' commentary for a period, with key
figures placed as components (they read the period's snapshot when the site is built, so the
prose never carries pasted numbers). Refuses to overwrite an existing file.`;

/** The MDX scaffold for a period. */
export function commentaryScaffold(period: string, services: ReadonlyArray<{ id: string; name: string }>): string {
  const first = services[0]?.id ?? 'SERVICE-ID';
  return `---
period: "${period}"
title: "Commentary"
summary: "One or two sentences for the home page: what mattered this month."
author: "Your name"
---

{/*
  Commentary for ${period}. Components read the period's snapshot at build time, so figures here
  always match the tables. Available:
    <Figure metric="availability" service="${first}" />   availability | target | downtime | outages |
        responseAttainment | resolutionAttainment | created | backlog | csat | nps | ces
        (service= applies to availability, target, downtime and outages)
    <Trend metric="availability" service="${first}" />    the last 12 periods as a small table
    <RecurringIssues limit={5} />                           the period's top recurring issues
  Services: ${services.map((s) => `${s.id} (${s.name})`).join(', ')}
*/}

## Summary

Availability of ${services[0]?.name ?? 'the first service'} was <Figure metric="availability" service="${first}" /> against a
target of <Figure metric="target" service="${first}" />. Ticket resolution SLA attainment was
<Figure metric="resolutionAttainment" />, and CSAT <Figure metric="csat" />.

## What happened

- …

## Recurring issues

<RecurringIssues limit={5} />

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
    if (!period || positionals.length > 1 || !isMonthId(period)) throw new UsageError('new needs one period like 2026-10');
    const paths = projectPaths(values.config);
    const config = loadConfig(paths.configPath);
    const file = path.join(paths.contentDir, `${period}.mdx`);
    if (existsSync(file)) throw new ReviewError(`${file} already exists; edit it, or delete it to start again`);
    writeFileAtomic(file, commentaryScaffold(period, config.services));
    ctx.out(`wrote ${path.relative(process.cwd(), file)}`);
    return 0;
  },
};
