declare namespace App {
  interface Locals {
    /** The snapshot a period page renders; MDX commentary components read their figures from it. */
    reviewSnapshot?: import('./lib/snapshot/build-snapshots.ts').PeriodSnapshot;
    /** The commentary file a period page renders: MDX commentary components name it in their errors. */
    commentaryFile?: string;
    /** Set when that commentary is a published revision's pinned source (commentary-figures.ts: unresolvedFigure). */
    pinnedCommentary?: import('./lib/site/commentary-figures.ts').PinnedContext;
    /** The language of that commentary's text (the page's, or another's shown as a fallback): its <Figure>s format in it. */
    commentaryLocale?: import('./lib/model/locales.ts').Locale;
    /** On a revision's permanent page or the draft view: the copy of the period's views the commentary's links lead into. */
    commentaryCopy?: import('./lib/site/site-links.ts').CopyOfViews;
  }
}

/** The review a site build renders, served by the site integration (src/lib/site/review-site-integration.ts). */
declare module 'virtual:service-review/site' {
  /** The draft snapshots (snapshots/draft/ of the review). */
  export const snapshotDir: string;
  /** The published revisions (snapshots/published/ of the review). */
  export const publishedDir: string;
  /** The MDX commentary (content/reviews/ of the review). */
  export const contentDir: string;
  /** The pinned commentary of published revisions, <period>/r<N>.mdx (written by the site integration). */
  export const pinnedDir: string;
  /** The path the site is served under, with both slashes: '/' or '/review/'. */
  export const base: string;
  /** The languages of the site (review.locales), the first the default. */
  export const locales: readonly import('./lib/model/locales.ts').Locale[];
  /** The site's origin when REVIEW_SITE gives it ('https://reviews.example.com'), else null. */
  export const origin: string | null;
}

/** The review's commentary files, listed by the site integration (src/lib/site/review-site-integration.ts). */
declare module 'virtual:service-review/commentary' {
  /** One MDX file and how to load it (through the MDX integration). */
  export interface CommentaryFile {
    /** The file's full path. */
    filePath: string;
    /** Imports the file: its body as a component, and its front matter as written. */
    load(): Promise<{ default: import('astro/runtime/server/index.js').AstroComponentFactory; frontmatter?: Record<string, unknown> }>;
  }
  /** The analysts' commentary: content/reviews/*.mdx of the review, by file name. */
  export const reviews: readonly CommentaryFile[];
  /** The commentary published revisions pinned: <pinnedDir>/<period>/r<N>.mdx, by period then file name. */
  export const pinned: readonly CommentaryFile[];
}
