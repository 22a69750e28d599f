import type { APIRoute } from 'astro';
import { type SitePeriod, sitePeriods, snapshotDownload } from '../../../lib/site/site-data.ts';

export function getStaticPaths() {
  return sitePeriods().map((period) => ({ params: { period: period.id }, props: { period } }));
}

/** The snapshot the period page shows, for download. */
export const GET: APIRoute<{ period: SitePeriod }> = ({ props }) =>
  new Response(snapshotDownload(props.period), { headers: { 'Content-Type': 'application/json' } });
