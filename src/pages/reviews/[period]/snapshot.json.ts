import type { APIRoute } from 'astro';
import { type SitePeriod, sitePeriods } from '../../../lib/site/load-snapshots.ts';

export function getStaticPaths() {
  return sitePeriods().map((period) => ({ params: { period: period.id }, props: { period } }));
}

/** The snapshot the period page shows, for download. */
export const GET: APIRoute<{ period: SitePeriod }> = ({ props }) =>
  new Response(`${JSON.stringify(props.period.shown, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
