import type { APIRoute } from 'astro';
import { digestHtml } from '../../../../../lib/site/digest/digest-html.ts';
import { digestFor, revisionDigestPaths } from '../../../../../lib/site/digest/digest-routes.ts';
import type { SitePeriod } from '../../../../../lib/site/site-data.ts';

/** A published revision's permanent copy of its digest as self-contained HTML: /reviews/2026-10/r1/digest.html. */
export const getStaticPaths = revisionDigestPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(digestHtml(digestFor(params, props as { period: SitePeriod; revision: number })), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
