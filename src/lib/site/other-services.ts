/**
 * The links a service page ends with: the period's other services, in the snapshot's order.
 * Every service page of a period lists all the others (on the benchmark archive, 79 links on each
 * of 6,800 pages: 537,000 links), and Astro rendered each link as an element of its own, about a
 * tenth of the service pages' rendering (docs/benchmarks.md). Here each link's markup is made once
 * per snapshot and language, and a page joins all the links but its own: the markup Astro wrote
 * for `<a href={…}>{name}</a>`, names and addresses escaped (escape-html.ts). Astro escapes only & and
 * " in an attribute, escape-html.ts also <, > and ': the same bytes for addresses made of ids (letters,
 * digits, dashes) and the base path, and still valid markup for any other.
 */
import { escapeHtml } from '../format/escape-html.ts';
import type { Locale } from '../model/locales.ts';

/** What the links are made of: a snapshot's services (its own object, so a snapshot's links are made once). */
export interface ServicesOf {
  period: { id: string };
  services: readonly { id: string; name: string }[];
}

interface Link {
  id: string;
  markup: string;
}

/** Per snapshot, per language and folder (a period's latest revision is also its own copy's snapshot). */
const made = new WeakMap<ServicesOf, Map<string, readonly Link[]>>();

/**
 * The markup of the links to every service page of the snapshot's period but `serviceId`'s.
 * @param href the page language's link maker (site-data.ts, linksIn(locale).href): made links are kept per locale
 * @param folder the folder the service pages are in: the period's (default), or a published revision's (/reviews/2026-10/r1/)
 * @example otherServicesMarkup({ period: { id: '2026-10' }, services: [{ id: 'sso', name: 'Sign-in' }, { id: 'pay', name: 'Pay & bill' }] },
 *   'sso', 'en', (p) => p)
 * // '<a href="/reviews/2026-10/services/pay/">Pay &amp; bill</a>'
 */
export function otherServicesMarkup(
  snap: ServicesOf,
  serviceId: string,
  locale: Locale,
  href: (path: string) => string,
  folder = `/reviews/${snap.period.id}/`,
): string {
  let perLocale = made.get(snap);
  if (!perLocale) {
    perLocale = new Map();
    made.set(snap, perLocale);
  }
  const key = `${locale} ${folder}`;
  let links = perLocale.get(key);
  if (!links) {
    links = snap.services.map((s) => ({
      id: s.id,
      markup: `<a href="${escapeHtml(href(`${folder}services/${s.id}/`))}">${escapeHtml(s.name)}</a>`,
    }));
    perLocale.set(key, links);
  }
  let out = '';
  for (const l of links) if (l.id !== serviceId) out += l.markup;
  return out;
}
