import { defineCollection } from 'astro:content';
import { contentDir, pinnedDir } from 'virtual:service-review/site';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Analysts' commentary: one MDX file per period in the review's content/reviews/, e.g.
 * content/reviews/2026-10.mdx or 2026-Q4.mdx (2026-10.fr.mdx: another language, pinned but not shown). The folder is the one the site integration was given.
 */
const reviews = defineCollection({
  loader: glob({ pattern: '*.mdx', base: contentDir }),
  schema: z.object({
    /** The period the commentary belongs to (a month, quarter or year); must match the file name. */
    period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, 'expected a period like 2026-10, 2026-Q4 or 2026'),
    /** Heading of the commentary section. */
    title: z.string().default('Commentary'),
    /** One or two sentences shown on the home page. */
    summary: z.string(),
    /** Who wrote it. */
    author: z.string().optional(),
  }),
});

/**
 * The commentary each published revision pinned, as the site integration wrote it from the
 * revision files: <pinnedDir>/<period>/r<N>.mdx. A revision's pages render it, so prose written
 * after publishing never appears on them.
 */
const pinned = defineCollection({
  loader: glob({ pattern: '*/r*.mdx', base: pinnedDir }),
  schema: z.object({
    period: z.string(),
    title: z.string().default('Commentary'),
    summary: z.string(),
    author: z.string().optional(),
  }),
});

export const collections = { reviews, pinned };
