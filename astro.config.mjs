// @ts-check
/**
 * The project's own Astro config, for `astro dev`, `astro check` and `astro preview`: the sample
 * review in this folder (snapshots/, content/reviews/), served under REVIEW_BASE. The build command
 * does not read this file; it gives Astro the same config (src/lib/site/site-config.ts) with the
 * folders of the review it builds.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { reviewSiteConfig, siteAddress } from './src/lib/site/site-config.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(
  reviewSiteConfig({
    root,
    snapshotDir: `${root}snapshots/draft`,
    publishedDir: `${root}snapshots/published`,
    contentDir: `${root}content/reviews`,
    ...siteAddress(process.env),
  }).config,
);
