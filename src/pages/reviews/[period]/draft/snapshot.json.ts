import type { APIRoute } from 'astro';
import { hasDraftView } from '../../../../lib/site/period-notices.ts';
import { draftDownload, type SitePeriod, sitePeriods } from '../../../../lib/site/site-data.ts';

export function getStaticPaths() {
  return sitePeriods()
    .filter((period) => hasDraftView(period.status))
    .map((period) => ({ params: { period: period.id }, props: { period } }));
}

/** The draft snapshot of a published period whose figures changed since, for download. */
export const GET: APIRoute<{ period: SitePeriod }> = ({ props }) =>
  new Response(draftDownload(props.period), { headers: { 'Content-Type': 'application/json' } });
