/**
 * The Astro configuration of a review's site, in one place: astro.config.mjs uses it with the
 * project's own folders (for `astro dev`, `astro check`, `astro preview`), and the build command
 * (build-site.ts) with the folders of the review being built.
 */
import path from 'node:path';
import mdx from '@astrojs/mdx';
import type { AstroUserConfig } from 'astro';
import { type ReviewSiteIntegration, type ReviewSiteOptions, reviewSite } from './review-site-integration.ts';
import { normalizeBase } from './site-links.ts';

export interface SiteConfigOptions extends Omit<ReviewSiteOptions, 'pinnedDir'> {
  /** The tool's folder (src/, public/, node_modules/): Astro's root. */
  root: string;
  /** The site's origin, for absolute URLs. */
  site: string;
  /** Where the site is written (default: <root>/dist). */
  outDir?: string;
  /** Astro's and Vite's caches (default: Astro's, under <root>/node_modules/); a build gives the review's own. */
  cacheDir?: string;
  /** Astro's log through site-log.mjs (without stack traces unless `stacks`); default: Astro's own. */
  log?: { level: 'info' | 'warn'; stacks: boolean };
}

/** The config, and the integration in it (whose stop() ends a failed build's writer threads). */
export function reviewSiteConfig(o: SiteConfigOptions): { config: AstroUserConfig; integration: ReviewSiteIntegration } {
  const integration = reviewSite({
    snapshotDir: o.snapshotDir,
    publishedDir: o.publishedDir,
    contentDir: o.contentDir,
    // Pinned commentary is derived from the revision files, so it lives with the review's other caches.
    pinnedDir: path.join(o.cacheDir ?? path.join(o.root, '.cache/astro'), 'pinned'),
    base: normalizeBase(o.base),
    origin: o.origin ?? null,
    ...(o.locales ? { locales: o.locales } : {}),
  });
  const config: AstroUserConfig = {
    root: o.root,
    srcDir: path.join(o.root, 'src'),
    publicDir: path.join(o.root, 'public'),
    outDir: o.outDir ?? path.join(o.root, 'dist'),
    ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}),
    ...(o.log ? { logger: { entrypoint: new URL('./site-log.mjs', import.meta.url), config: o.log } } : {}),
    site: o.site,
    base: normalizeBase(o.base),
    trailingSlash: 'always',
    integrations: [mdx(), integration],
    build: { format: 'directory' },
    // Two routes making one address fail the build (the service downloads, which are no route, are checked by the integration).
    prerenderConflictBehavior: 'error',
    // The site must work offline from dist/: nothing is fetched at run time.
    prefetch: false,
    devToolbar: { enabled: false },
    vite: {
      // Page scripts stay files, never inlined: an inlined script that imports at run time (the
      // search page loads Pagefind) is left with Vite's unresolved preload helper. No page needs
      // module preloading either.
      build: { assetsInlineLimit: 0, modulePreload: false },
      // Vite's dependency cache goes with the review's, not into the tool's node_modules/.vite.
      ...(o.cacheDir ? { cacheDir: path.join(o.cacheDir, 'vite') } : {}),
    },
  };
  return { config, integration };
}

/**
 * Where the site is served, from the environment a person or CI sets (README): REVIEW_BASE, the
 * path under the origin ('/' by default), and REVIEW_SITE, the origin. `origin` is REVIEW_SITE
 * as set, or null: the digest's links are absolute only for a site whose address is known.
 */
export function siteAddress(env: NodeJS.ProcessEnv): { base: string; site: string; origin: string | null } {
  return { base: normalizeBase(env.REVIEW_BASE ?? '/'), site: env.REVIEW_SITE ?? 'https://example.org', origin: env.REVIEW_SITE ?? null };
}
