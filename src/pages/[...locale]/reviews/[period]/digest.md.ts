import type { APIRoute } from 'astro';
import { digestMarkdown } from '../../../../lib/site/digest/digest-markdown.ts';
import { digestFor, digestPaths } from '../../../../lib/site/digest/digest-routes.ts';
import type { SitePeriod } from '../../../../lib/site/site-data.ts';

/** The period's one-page digest as Markdown (issue #18): attention, headline figures, links. */
export const getStaticPaths = digestPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(digestMarkdown(digestFor(params, props as { period: SitePeriod })), {
    headers: { 'content-type': 'text/markdown; charset=utf-8' },
  });
