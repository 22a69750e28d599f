import { UsageError } from '../lib/errors.ts';
import type { PeriodSnapshot } from '../lib/snapshot/build-snapshots.ts';
import { diffSnapshots } from '../lib/snapshot/diff-snapshots.ts';
import { readPublished } from '../lib/snapshot/published-store.ts';
import { COMMON_OPTIONS, type CommandContext, currentFigures, parseCommandArgs, projectPaths } from './cli-support.ts';

const usage = `usage: service-review diff <YYYY-MM> [revA] [revB] [--json] [--config FILE]

Lists every figure that differs between two versions of a period, old → new. A version is a
revision number (1, r2) or "draft" (what the exports give now). Defaults: the latest published
revision against the draft; with one version, that version against the draft.

options:
  --json          print the changes as JSON
  --config FILE   review config (default: review.config.yaml)`;

const show = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 1e9) / 1e9) : JSON.stringify(v));

export const diffCommand = {
  summary: 'figures that differ between two revisions of a period (or a revision and the draft)',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(ctx.args, { ...COMMON_OPTIONS, json: { type: 'boolean', default: false } });
    const [period, a, b] = positionals;
    if (!period || positionals.length > 3) throw new UsageError('diff needs a period, e.g. diff 2026-10 1 draft');
    const paths = projectPaths(values.config);
    const revisions = readPublished(paths.publishedDir).get(period) ?? [];
    let draft: PeriodSnapshot | null = null;
    const resolve = async (label: string): Promise<PeriodSnapshot> => {
      if (label === 'draft') {
        if (!draft) {
          const r = await currentFigures(paths);
          draft = r.snapshots.find((s) => s.period.id === period) ?? null;
          if (!draft) throw new UsageError(`no period ${period} in this review`);
        }
        return draft;
      }
      const n = Number(label.replace(/^r/, ''));
      const rev = revisions.find((r) => r.revision === n);
      if (!rev)
        throw new UsageError(
          `${period} has no revision "${label}" (published: ${revisions.map((r) => `r${r.revision}`).join(', ') || 'none'})`,
        );
      return rev.snapshot;
    };
    const latest = revisions[revisions.length - 1];
    const from = a ?? (latest ? String(latest.revision) : null);
    if (!from) throw new UsageError(`${period} is not published; nothing to compare the draft with`);
    const to = b ?? 'draft';
    const changes = diffSnapshots(await resolve(from), await resolve(to));
    if (values.json) ctx.out(JSON.stringify({ period, from, to, changes }, null, 2));
    else {
      ctx.out(`${period}: ${from} → ${to}: ${changes.length} figure${changes.length === 1 ? '' : 's'} changed`);
      for (const c of changes) ctx.out(`  ${c.path}: ${show(c.old)} → ${show(c.new)}`);
    }
    return 0;
  },
};
