import type { APIRoute } from 'astro';
import { revisionDownload, sitePeriods } from '../../../../lib/site/site-data.ts';

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
  new Response(revisionDownload(props.period, props.revision), { headers: { 'Content-Type': 'application/json' } });
