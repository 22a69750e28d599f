import type { APIRoute } from 'astro';
import { revisionOf, sitePeriods } from '../../../../lib/site/load-snapshots.ts';

export function getStaticPaths() {
  return sitePeriods().flatMap((period) =>
    period.status.revisions.map((r) => ({
      params: { period: period.id, revision: `r${r.revision}` },
      props: { period: period.id, revision: r.revision },
    })),
  );
}

/** A published revision, whole (metadata, changes and the frozen snapshot). */
export const GET: APIRoute<{ period: string; revision: number }> = ({ props }) =>
  new Response(`${JSON.stringify(revisionOf(props.period, props.revision), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
