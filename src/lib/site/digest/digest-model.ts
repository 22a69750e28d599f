/**
 * The one-page digest of a period (issue #18, item 4): what a meeting pack's covering e-mail says.
 * A pure function of the snapshot the period page shows: its attention block, its headline
 * figures with their verdicts, and links to the site. Every text is already in the reader's
 * language and formatted as the review page formats it, so the Markdown and HTML renderers
 * (digest-markdown.ts, digest-html.ts) only lay it out and escape it. Text that came from an
 * export (service and issue names) is masked again here, as everywhere it is shown.
 */

import path from 'node:path';
import { formatCount, formatNumber, formatSignedChange } from '../../format/format.ts';
import type { Locale } from '../../model/locales.ts';
import type { PeriodSnapshot } from '../../snapshot/build-snapshots.ts';
import { reviewNamesIn } from '../../snapshot/review-names.ts';
import { attentionFigureName } from '../i18n/attention-figure-name.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import { formatDateIn, formatDurationIn, formatPercentIn, formatPeriodIn, formatPointChangeIn } from '../i18n/locale-format.ts';
import { localePath, otherLocales } from '../i18n/locale-path.ts';
import { parseRich } from '../i18n/rich-text.ts';
import type { Supersession } from '../period-notices.ts';
import { responseCoverageShort } from '../response-coverage.ts';
import { hasTicketsPage, hrefUnder, reviewPath } from '../site-links.ts';

type Verdict = 'met' | 'at-risk' | 'breached' | 'no-data';

/** One line of the attention block. */
export interface DigestAttentionItem {
  kind: PeriodSnapshot['attention'][number]['kind'];
  /** The snapshot's figure key (availability:api, csat, recurring:<key>). */
  figure: string;
  /** The verdict word or symbol before it ("✗ breached", "↘ worse"). */
  marker: string;
  /** What the item is about, linked. */
  label: string;
  href: string;
  /** What happened, figures formatted. */
  text: string;
}

/** One headline figure. */
export interface DigestRow {
  /** availability:<service>, responseAttainment, resolutionAttainment, csat, nps, ticketsCreated, backlogAtEnd. */
  figure: string;
  label: string;
  value: string;
  /** The target in force, formatted; the dictionary's dash without one. */
  target: string;
  /** The verdict as words; "" without a target. */
  verdict: string;
  verdictKey: Verdict | null;
  /** Against the previous period ("+0.012 pp"); "" without one. */
  change: string;
  /** What the figure is based on ("412 tickets judged"). */
  basis: string;
}

export interface DigestModel {
  locale: Locale;
  title: string;
  /** "Published revision 2" or the draft notice. */
  edition: string;
  /** The partial-data notice, or null for a complete period. */
  partial: string | null;
  /**
   * On a superseded revision's digest: "Superseded by r2 on 2026-11-20: reason", as the revision's pages say it,
   * in parts (a part with `href` is a link to that revision); null otherwise.
   */
  superseded: Array<{ text: string; href: string | null }> | null;
  /**
   * The same period's digest in each other language of the review (none with one language), named in
   * that language's words: the Markdown digest links the Markdown, the HTML the HTML.
   */
  languages: Array<{ locale: Locale; label: string; md: string; html: string }>;
  attention: { heading: string; counts: string[]; none: string | null; items: DigestAttentionItem[] };
  headline: { heading: string; columns: Record<'figure' | 'value' | 'target' | 'verdict' | 'change' | 'n', string>; rows: DigestRow[] };
  links: { heading: string; items: Array<{ label: string; href: string }> };
  footer: string;
  /** The language's punctuation the renderers put between texts: the edition's full stop, the colon after a linked label, what joins two sentences. */
  punct: { stop: string; colon: string; join: string };
}

/** Where the digest's links point: made by digestLinker, or any function for tests. */
export type DigestLinker = (sitePath: string) => string;

export interface DigestInput {
  snap: PeriodSnapshot;
  /** The published revision the period page shows; null for a draft. */
  revision: number | null;
  locale: Locale;
  /** Every language the review builds (review.locales); default the digest's own only. */
  locales?: readonly Locale[];
  /** A site path ('/reviews/2026-10/', '/method/', '/reviews/2026-10/snapshot.json') → the link the digest gives. */
  link: DigestLinker;
  /** The folder the digest is written to: the period's (default), or a published revision's (/reviews/2026-10/r1/) for its permanent copy. */
  folder?: string;
  /** When the revision was superseded by a later one (period-notices.ts, supersededBy); null or absent: it was not. */
  superseded?: Supersession | null;
}

/**
 * The digest of one period.
 * @example
 * digestModel({ snap, revision: 1, locale: 'en', link: (p) => p }).headline.rows[0]
 * // { figure: 'availability:api', label: 'Public API availability', value: '99.912 %', target: '99.90 %', verdict: '✓ met', … }
 */
export function digestModel(input: DigestInput): DigestModel {
  const { snap, revision, locale, locales = [locale], link, folder = reviewPath(snap.period.id), superseded = null } = input;
  const t = dictionary(locale);
  const d = t.digest;
  // A published revision's digest is frozen with it, in the e-mails it went out in: its review, the
  // pages it points into (services, tickets, data quality) and its JSON are the revision's permanent
  // copies (/reviews/2026-10/r1/…), which keep showing what it summarises after a later revision.
  const reviewPage = reviewPath(snap.period.id, revision);
  const h = snap.headline;
  const pct = (v: number | null, digits: number) => formatPercentIn(v, locale, digits);
  const previous = d.previous[snap.period.kind];

  // The review page's counts (AttentionList.astro), each a sentence here.
  const counts: string[] = [];
  const c = h.counts;
  if (c.availability.judged > 0)
    counts.push(
      t.review.availabilityCount(c.availability.met + c.availability.atRisk, c.availability.judged, c.availability.atRisk) + t.punct.stop,
    );
  if (c.figures.judged > 0)
    counts.push(t.review.figuresCount(c.figures.met + c.figures.atRisk, c.figures.judged, c.figures.atRisk) + t.punct.stop);

  const items = (snap.attention ?? []).map((it): DigestAttentionItem => {
    const show = (v: number | null) =>
      it.unit === 'ratio'
        ? pct(v, it.figure.startsWith('availability:') ? 3 : 1)
        : it.unit === 'score'
          ? formatNumber(v, 1)
          : formatCount(v);
    // Masked where the snapshot was built (a recurring issue's name is a ticket title), not a second time here.
    const label = it.label;
    const marker =
      it.kind === 'breach'
        ? t.verdict.breached
        : it.kind === 'at-risk'
          ? t.verdict['at-risk']
          : it.kind === 'budget-exhausted'
            ? d.budgetUsedUp
            : it.kind === 'adverse-change'
              ? d.worse
              : it.previous === 0
                ? d.recurringNew
                : d.recurringGrowing;
    let text: string;
    if (it.kind === 'recurring') text = d.recurringText(formatCount(it.value), formatCount(it.previous), previous);
    else if (it.kind === 'adverse-change') text = `${show(it.previous)} → ${show(it.value)}`;
    else text = d.againstTarget(show(it.value), show(it.target)) + (it.previous !== null ? d.previousWas(show(it.previous), previous) : '');
    if (it.budgetUsed !== null && (it.kind === 'breach' || it.kind === 'budget-exhausted' || it.kind === 'at-risk'))
      text += d.budgetUsed(pct(it.budgetUsed, 0));
    // Anchors are relative to the period page: '#tickets' is on it, 'services/api/' below it.
    const href = it.anchor.startsWith('#') ? `${link(reviewPage)}${it.anchor}` : link(`${reviewPage}${it.anchor}`);
    return {
      kind: it.kind,
      figure: it.figure,
      marker,
      label: it.kind === 'recurring' ? d.recurringLabel(label) : (attentionFigureName(it.figure, locale) ?? label),
      href,
      text,
    };
  });

  const verdictOf = (v: Verdict | null) => (v === null ? '' : t.verdict[v]);
  const has = (v: { value: number | null; n: number }) => v.value !== null || v.n > 0;
  const rows: DigestRow[] = h.services.map((s) => ({
    figure: `availability:${s.id}`,
    label: d.availabilityOf(s.name),
    value: pct(s.availability.value, 3),
    target: pct(s.target, 2),
    verdict: verdictOf(s.verdict),
    verdictKey: s.verdict,
    change: formatPointChangeIn(s.availability.change, locale, 3),
    basis: d.monitored(formatDurationIn(s.availability.n * 1000, locale)),
  }));
  // The ticket and satisfaction figures with a target: ratios to 1 digit in points, NPS a score.
  const ratio = {
    value: (v: number | null) => pct(v, 1),
    target: (v: number) => pct(v, 1),
    change: (v: number | null) => formatPointChangeIn(v, locale, 1),
  };
  const score = {
    value: (v: number | null) => formatNumber(v, 1),
    target: (v: number) => formatNumber(v, 0),
    change: (v: number | null) => formatSignedChange(v, 1),
  };
  const judged = [
    ['responseAttainment', d.responseMet, ratio, d.ticketsJudged],
    ['resolutionAttainment', d.resolutionMet, ratio, d.ticketsJudged],
    ['csat', d.csat, ratio, d.responses],
    ['nps', d.nps, score, d.responses],
  ] as const;
  for (const [key, label, f, basis] of judged) {
    const v = h[key];
    if (!has(v)) continue;
    rows.push({
      figure: key,
      label,
      value: f.value(v.value),
      target: v.target === null ? d.noTarget : f.target(v.target),
      verdict: verdictOf(v.verdict),
      verdictKey: v.verdict,
      change: f.change(v.change),
      basis: `${basis(v.n, formatCount(v.n))}${key === 'responseAttainment' ? responseCoverageShort(snap.tickets.responseCoverage, locale) : ''}`,
    });
  }
  // Ticket volumes have no target: shown for context when the period has tickets.
  if ((h.ticketsCreated.value ?? 0) > 0 || (h.backlogAtEnd.value ?? 0) > 0) {
    for (const [key, label] of [
      ['ticketsCreated', d.ticketsCreated],
      ['backlogAtEnd', d.backlogAtEnd],
    ] as const) {
      rows.push({
        figure: key,
        label,
        value: formatCount(h[key].value),
        target: d.noTarget,
        verdict: '',
        verdictKey: null,
        change: formatSignedChange(h[key].change, 0),
        basis: '',
      });
    }
  }

  // The other languages' digests: files, so their site paths carry their locale folder themselves.
  const languages = otherLocales(locale, locales).map((other) => {
    const there = localePath(other, locales, folder);
    return {
      locale: other,
      label: dictionary(other).digest.otherLanguage,
      md: link(`${there}digest.md`),
      html: link(`${there}digest.html`),
    };
  });

  const links = [{ label: d.reviewLink, href: link(reviewPage) }];
  if (hasTicketsPage(snap)) links.push({ label: d.ticketsLink, href: link(`${reviewPage}tickets/`) });
  links.push(
    { label: d.dataQualityLink, href: link(`${reviewPage}data-quality/`) },
    { label: d.methodLink, href: link('/method/') },
    { label: d.snapshotLink, href: link(`${reviewPage}snapshot.json`) },
  );

  return {
    locale,
    title: d.title(reviewNamesIn(snap.review, locale).name, formatPeriodIn(snap.period.id, locale)),
    edition: revision === null ? d.draft : d.published(revision),
    partial: snap.period.complete ? null : d.partial,
    superseded: superseded === null ? null : supersededParts(superseded, snap.period.id, locale, link),
    languages,
    attention: { heading: d.attentionHeading, counts, none: items.length === 0 ? d.attentionNone(previous) : null, items },
    headline: { heading: d.headlineHeading, columns: d.columns, rows },
    links: { heading: d.linksHeading, items: links },
    footer: d.madeBy(`${snap.tool.name} ${snap.tool.version}`),
    punct: { stop: t.punct.stop, colon: t.punct.colon, join: t.punct.join },
  };
}

/** The superseded notice of a revision's pages (SupersededNotice.astro) as text parts, each link to its revision's review. */
function supersededParts(
  s: Supersession,
  period: string,
  locale: Locale,
  link: DigestLinker,
): Array<{ text: string; href: string | null }> {
  const t = dictionary(locale);
  const r = t.review;
  const parts = (text: string, to: number) =>
    parseRich(text).map((p) => ({ text: p.text, href: p.kind === 'link' ? link(reviewPath(period, to)) : null }));
  return [
    ...parts(r.superseded(t.status.revisionShort(s.by), formatDateIn(s.date, locale)), s.by),
    { text: s.reason === null ? t.punct.stop : r.supersededReason(s.reason), href: null },
    ...(s.latest === null ? [] : parts(r.latestIs(t.status.revisionShort(s.latest)), s.latest)),
  ];
}

export interface DigestLinkOptions {
  /** The site's origin ('https://reviews.example.com'); null: links relative to the digest's own folder. */
  origin: string | null;
  /** The path the site is served under ('/', '/review/'). */
  base: string;
  locale: Locale;
  locales: readonly Locale[];
  /** The period whose folder the digest is written to. */
  period: string;
  /** The folder the digest is written to when it is not the period's: a published revision's (/reviews/2026-10/r1/). */
  folder?: string;
}

/**
 * The digest's links: absolute when the site's origin is known (an e-mail needs them so),
 * else relative to the digest's folder (dist/[locale/]reviews/<period>/[r<n>/]), so the files work
 * wherever the site is hosted. Pages (paths ending in '/') stay in the digest's language;
 * downloads have one address for every language, as on the site.
 * @example
 * digestLinker({ origin: null, base: '/', locale: 'en', locales: ['en'], period: '2026-10' })('/method/') // '../../method/'
 * digestLinker({ origin: 'https://r.example', base: '/review/', locale: 'zh-CN', locales: ['en', 'zh-CN'], period: '2026-10' })('/method/')
 * // 'https://r.example/review/zh-CN/method/'
 */
export function digestLinker(o: DigestLinkOptions): DigestLinker {
  const under = hrefUnder(o.base);
  const full = (p: string) => under(p.endsWith('/') ? localePath(o.locale, o.locales, p) : p);
  if (o.origin !== null) {
    const origin = o.origin.replace(/\/+$/, '');
    return (p) => `${origin}${full(p)}`;
  }
  const here = full(o.folder ?? reviewPath(o.period));
  return (p) => {
    const to = full(p);
    const rel = path.posix.relative(here, to);
    if (rel === '') return './';
    return to.endsWith('/') ? `${rel}/` : rel;
  };
}
