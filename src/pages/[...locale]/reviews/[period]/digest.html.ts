import type { APIRoute } from 'astro';
import { digestHtml } from '../../../../lib/site/digest/digest-html.ts';
import { digestFor, digestPaths } from '../../../../lib/site/digest/digest-routes.ts';
import type { SitePeriod } from '../../../../lib/site/site-data.ts';

/** The period's one-page digest as self-contained HTML for e-mail (issue #18). */
export const getStaticPaths = digestPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(digestHtml(digestFor(params, props as { period: SitePeriod })), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
