/**
 * A built site's internal links, checked without a browser: every `href` and `src` of every HTML page
 * that stays on the site must name a file of the site, and a `#fragment` an element id on the page it
 * leads to. External links (`https:`, `mailto:` …) are not followed; the site fetches nothing from the web.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BrokenLink {
  /** The page the link is on, as a site path (`/en/reviews/2026-10/`). */
  page: string;
  /** The link as written. */
  link: string;
  /** Why it is broken. */
  problem: 'no such file' | 'no such id';
}

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
  );
}

/** The file a site path names: a folder's index.html, as a static server answers. */
function fileFor(dist: string, sitePath: string): string | null {
  const file = path.join(dist, decodeURIComponent(sitePath));
  if (!file.startsWith(dist)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  return existsSync(index) ? index : null;
}

/** Undoes the entities an attribute value may carry (Astro writes `&amp;` in query strings). */
const decodeEntities = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#38;/g, '&')
    .replace(/&quot;/g, '"');

/**
 * Every internal link of the site in `dist` that leads nowhere, page by page. `base` is the path the site
 * was built to be served under (REVIEW_BASE): a link must lead below it, to a file of `dist` there.
 */
export function brokenLinks(dist: string, base = '/'): BrokenLink[] {
  const root = path.resolve(dist);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((m) => decodeEntities(m[1] ?? '')));
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(root).sort()) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const page = `/${rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(ATTRIBUTE)) {
      const link = decodeEntities(m[1] ?? '');
      if (link === '' || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      const url = new URL(link, `http://site.invalid${base}${page.slice(1)}`);
      const target = url.pathname.startsWith(base) ? fileFor(root, `/${url.pathname.slice(base.length)}`) : null;
      if (!target) {
        broken.push({ page, link, problem: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) broken.push({ page, link, problem: 'no such id' });
    }
  }
  return broken;
}

/** Every file below a folder of a built site, as paths relative to `root`, sorted; none when the folder is absent. */
export function filesUnder(root: string, folder: string): string[] {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The site links of a built file (`href` attributes; in a Markdown file, link targets), resolved to
 * site paths against the file's own path; links with a scheme (`https:`, `mailto:`) are left out.
 */
export function linksOf(file: string, text: string): string[] {
  const at = `http://site.invalid/${file}`;
  const raw = file.endsWith('.md') ? [...text.matchAll(/\]\(([^)]+)\)/g)] : [...text.matchAll(/\shref="([^"]*)"/g)];
  return raw
    .map((m) => m[1] ?? '')
    .filter((l) => l !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(l))
    .map((l) => new URL(l.replace(/&amp;/g, '&'), at).pathname);
}
