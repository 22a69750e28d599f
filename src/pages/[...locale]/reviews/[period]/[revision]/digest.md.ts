import type { APIRoute } from 'astro';
import { digestMarkdown } from '../../../../../lib/site/digest/digest-markdown.ts';
import { digestFor, revisionDigestPaths } from '../../../../../lib/site/digest/digest-routes.ts';
import type { SitePeriod } from '../../../../../lib/site/site-data.ts';

/** A published revision's permanent copy of its digest as Markdown: /reviews/2026-10/r1/digest.md. */
export const getStaticPaths = revisionDigestPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(digestMarkdown(digestFor(params, props as { period: SitePeriod; revision: number })), {
    headers: { 'content-type': 'text/markdown; charset=utf-8' },
  });
