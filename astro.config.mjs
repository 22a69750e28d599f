// @ts-check
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// Hosting under a sub-folder (e.g. GitHub Pages project sites): set REVIEW_BASE=/repo-name/.
// Every link goes through href() (src/lib/site/load-snapshots.ts), which reads this base.
const rawBase = process.env.REVIEW_BASE ?? '/';
// Vite lets a BASE_URL environment variable (set by some CI systems and by Vitest) override
// import.meta.env.BASE_URL, which href() reads; the base path comes from REVIEW_BASE only.
delete process.env.BASE_URL;
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * Site search: after the pages are written, index dist/ with Pagefind (its binary comes inside the
 * npm package, nothing is downloaded) into dist/pagefind/, which the search box loads on demand.
 * @returns {import('astro').AstroIntegration}
 */
function pagefindIndex() {
  return {
    name: 'service-review:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
        const out = `${site.replace(/\/$/, '')}/pagefind`;
        const written = await index.writeFiles({ outputPath: out });
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        await close();
        // The site's own search box uses Pagefind's JS API (pagefind.js); its prebuilt UIs are not shipped.
        for (const ui of ['pagefind-ui', 'pagefind-component-ui', 'pagefind-modular-ui']) {
          await rm(`${out}/${ui}.js`, { force: true });
          await rm(`${out}/${ui}.css`, { force: true });
        }
        await rm(`${out}/pagefind-highlight.js`, { force: true });
        logger.info(`search index: ${added.page_count} pages`);
      },
    },
  };
}

export default defineConfig({
  site: process.env.REVIEW_SITE ?? 'https://example.org',
  base,
  trailingSlash: 'always',
  integrations: [mdx(), pagefindIndex()],
  build: { format: 'directory' },
  // Lets concurrent builds (the browser tests' and the whole-build tests') keep separate content caches.
  ...(process.env.REVIEW_ASTRO_CACHE_DIR ? { cacheDir: process.env.REVIEW_ASTRO_CACHE_DIR } : {}),
  // The site must work offline from dist/: nothing is fetched at run time.
  prefetch: false,
  devToolbar: { enabled: false },
  // Page scripts stay files, never inlined: an inlined script that imports at run time (the
  // search page loads Pagefind) is left with Vite's unresolved preload helper. No page needs
  // module preloading either.
  vite: { build: { assetsInlineLimit: 0, modulePreload: false } },
});
