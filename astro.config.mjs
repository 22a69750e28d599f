// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// Hosting under a sub-folder (e.g. GitHub Pages project sites): set REVIEW_BASE=/repo-name/.
const base = process.env.REVIEW_BASE ?? '/';

export default defineConfig({
  site: process.env.REVIEW_SITE ?? 'https://example.org',
  base,
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
  // The site must work offline from dist/: nothing is fetched at run time.
  prefetch: false,
  devToolbar: { enabled: false },
});
