import path from 'node:path';
import { ReviewError } from '../lib/errors.ts';
import { readPublishedStore } from '../lib/snapshot/published-store.ts';
import { COMMON_OPTIONS, type CommandContext, parseCommandArgs, projectPaths } from './cli-support.ts';

const usage = `usage: service-review verify [--json] [--config FILE]

Checks every published revision in snapshots/published/: that it is valid, matches its own
digest (no figure or word edited since it was published), and chains to the revision before it
(none missing or replaced). Prints one line per file; exits 1 when any file is damaged, edited or
missing. Files that are not revisions are listed as warnings and otherwise ignored.

options:
  --json          print the result as JSON
  --config FILE   review config (default: review.config.yaml)`;

export const verifyCommand = {
  summary: 'check that every published revision is intact (digests and chain)',
  usage,
  async run(ctx: CommandContext): Promise<number> {
    const { values } = parseCommandArgs(ctx.args, { ...COMMON_OPTIONS, json: { type: 'boolean', default: false } });
    const paths = projectPaths(values.config);
    const shown = (f: string) => path.relative(paths.baseDir, f) || f;
    const store = readPublishedStore(paths.publishedDir, shown);
    if (values.json) ctx.out(JSON.stringify({ files: store.checked, problems: store.problems, warnings: store.warnings }, null, 2));
    else {
      for (const c of store.checked) if (c.ok) ctx.out(`ok       ${c.file}`);
      for (const w of store.warnings) ctx.err(`warning: ${w}`);
      const revisions = [...store.revisions.values()].reduce((a, r) => a + r.length, 0);
      if (store.problems.length === 0)
        ctx.out(
          `${revisions} revision${revisions === 1 ? '' : 's'} of ${store.revisions.size} period${store.revisions.size === 1 ? '' : 's'}: all intact`,
        );
    }
    if (store.problems.length > 0)
      throw new ReviewError(`${store.problems.length} published revision problem${store.problems.length === 1 ? '' : 's'}`, store.problems);
    return 0;
  },
};
