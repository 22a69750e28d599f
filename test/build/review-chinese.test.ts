/**
 * The period review in Chinese (issue #16): the bundled sample built with `locales: [en, zh-CN]`
 * through the real CLI, and every Chinese period review (months, quarters, the year, revision and
 * draft pages) scanned for the English words of the groups its components read: headings,
 * captions, table heads, notices, cards, the attention list, catalog, source agreement, comments,
 * revision history, downloads, and the charts' labels and words in their payloads.
 *
 * Data stays as exported (service, issue and priority names, comments), and commentary shown in
 * another language (with its notice and its own `lang`) is that language's text, so:
 * - a text of several words is looked for everywhere in the review but that commentary;
 * - a one-word text (a table head like "Owner") only where interface words alone stand: headings,
 *   captions, column heads, summaries, aria-labels, titles and the charts' payloads.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/lib/site/i18n/en.ts';
import { decodeChartPayload } from '../../src/scripts/chart-payload-codec.ts';
import { ROOT, runCli } from '../browser/browser-helpers.ts';

// The groups the period review's components read.
const GROUPS = [
  'review',
  'chartWords',
  'sections',
  'headline',
  'columns',
  'captions',
  'notices',
  'charts',
  'verdict',
  'flags',
  'status',
] as const;
const ACRONYMS = new Set(['SLA', 'CSAT', 'NPS', 'CES', 'MTTR', 'CSV', 'JSON', 'UTC']);

/** The literal English pieces of a dictionary node: texts cut at their {0} slots and at a message's arguments. */
function pieces(node: unknown): string[] {
  if (typeof node === 'string') return node.split(/\{\d\}/);
  if (typeof node === 'function') {
    // Each argument a mark the pieces are cut at; numbers 1 and 2 as well, for singular and plural wording.
    return [
      ['¤', '¤'],
      [1, '¤'],
      [2, '¤'],
    ].flatMap(([a, b]) => {
      const args = Array.from({ length: node.length }, (_, i) => (i === 0 ? a : b));
      return String(node(...args)).split(/¤|\{\d\}|\b[12]\b/);
    });
  }
  return Object.values(node as Record<string, unknown>).flatMap(pieces);
}

/** Pieces that hold an English word, trimmed of the punctuation around them. */
function englishPieces(): { phrases: string[]; words: string[] } {
  const all = new Set(
    GROUPS.flatMap((g) => pieces(en[g]))
      .map((p) => p.replace(/^[\s.,:;()“”"'·–—→↘↻✓✗!\-+=]+|[\s.,:;()“”"'·–—→↘↻✓✗!\-+=]+$/g, ''))
      .filter((p) => (p.match(/[A-Za-z]{2,}/g) ?? []).some((w) => !ACRONYMS.has(w))),
  );
  return { phrases: [...all].filter((p) => /[A-Za-z]{2,}\W+[A-Za-z]{2,}/.test(p)), words: [...all].filter((p) => !/\s/.test(p)) };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The strings of a chart payload that are drawn: labels, series names, the reference, the words. */
function chartStrings(json: string): string[] {
  const p = decodeChartPayload(json) as unknown as Record<string, unknown>;
  const out: string[] = [...((p.labels as string[] | undefined) ?? [])];
  for (const s of (p.series as Array<{ label: string }> | undefined) ?? []) out.push(s.label);
  const ref = p.reference as { label: string } | null | undefined;
  if (ref) out.push(ref.label);
  out.push(...Object.values((p.words as Record<string, string> | undefined) ?? {}));
  return out;
}

/** A Chinese period review's text (without another language's commentary) and its interface-only places. */
function reviewOf(html: string): { text: string; places: string[] } | null {
  const m = /<article class="period-review">([\s\S]*?)<\/article>/.exec(html);
  if (!m) return null;
  const body = (m[1] as string)
    .replace(/<(section|p)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '');
  const inner = (re: RegExp) => [...body.matchAll(re)].map((x) => decode((x[1] as string).replace(/<[^>]+>/g, ' ')));
  const places = [
    ...inner(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/g),
    ...inner(/<caption>([\s\S]*?)<\/caption>/g),
    ...inner(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g),
    ...inner(/<summary[^>]*>([\s\S]*?)<\/summary>/g),
    ...[...body.matchAll(/\b(?:aria-label|title)="([^"]*)"/g)].map((x) => decode(x[1] as string)),
    ...[...body.matchAll(/\bdata-chart="([^"]*)"/g)].flatMap((x) => chartStrings(decode(x[1] as string))),
  ];
  return { text: decode(body.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' '), places };
}

const has = (text: string, piece: string) =>
  new RegExp(`(?<![A-Za-z])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text);

describe('the period review in Chinese', () => {
  let work: string;
  const reviews: Array<{ file: string; text: string; places: string[] }> = [];
  // The attention list's counts (AttentionList.astro, data-count), as read on every Chinese page that shows them.
  const counts: Array<{ file: string; kind: string; text: string }> = [];

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'sr-review-zh-'));
    for (const f of ['review.config.yaml', 'data', 'content']) cpSync(path.join(ROOT, f), path.join(work, f), { recursive: true });
    // The sample builds both languages (review.config.yaml: locales: [en, zh-CN]).
    const config = path.join(work, 'review.config.yaml');
    runCli(['build', '--config', config], { REVIEW_BASE: undefined });
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'index.html' ? [path.join(dir, e.name)] : [],
      );
    for (const file of walk(path.join(work, 'dist/zh-CN/reviews'))) {
      const r = reviewOf(readFileSync(file, 'utf8'));
      if (r) reviews.push({ file: path.relative(work, file), ...r });
    }
    for (const file of walk(path.join(work, 'dist/zh-CN'))) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<span data-count="([a-z]+)">([\s\S]*?)<\/span>/g))
        counts.push({ file: path.relative(work, file), kind: m[1] as string, text: decode((m[2] as string).replace(/<[^>]+>/g, '')) });
    }
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds a Chinese review for every period of the sample, with its charts', () => {
    // The sample: six months (2026-05 … 2026-10), three quarters and the year, plus revision and draft pages.
    expect(reviews.length).toBeGreaterThanOrEqual(10);
    expect(reviews.some((r) => r.places.includes('达标'))).toBe(true);
  });

  it('shows no English interface word of the review’s groups', () => {
    const { phrases, words } = englishPieces();
    // The scan has something to find: English phrases and single words from the dictionary.
    expect(phrases).toContain('Needs attention');
    expect(words).toContain('Owner');
    const left = reviews.flatMap((r) => [
      ...phrases.filter((p) => has(r.text, p)).map((p) => `${r.file}: “${p}”`),
      ...words.filter((w) => r.places.some((t) => has(t, w))).map((w) => `${r.file}: “${w}” (heading, caption, column head or chart)`),
    ]);
    expect(left).toEqual([]);
  });

  it('counts monitored services with 个 and ticket and satisfaction targets with 项, at risk included', () => {
    const atRisk = (kind: string) => counts.filter((c) => c.kind === kind && /有风险/.test(c.text));
    // The sample has both kinds at risk somewhere (home page, months, quarters), so neither check is empty.
    expect(atRisk('availability').length).toBeGreaterThan(0);
    expect(atRisk('figures').length).toBeGreaterThan(0);
    const wrong = [
      ...counts.filter((c) => c.kind === 'availability' && !/^\d+ 个受监测服务中 \d+ 个达到可用性目标(（\d+ 个有风险）)?。$/.test(c.text)),
      ...counts.filter((c) => c.kind === 'figures' && !/^工单与满意度目标 \d+ 项中达标 \d+ 项(（\d+ 项有风险）)?。$/.test(c.text)),
    ].map((c) => `${c.file}: ${c.text}`);
    expect(wrong).toEqual([]);
  });

  it('the scan would catch one: an English heading in a Chinese review is reported', () => {
    const r = reviewOf(
      '<article class="period-review"><h2>Needs attention</h2><table><thead><tr><th scope="col">Owner</th></tr></thead></table></article>',
    );
    expect(r && has(r.text, 'Needs attention')).toBe(true);
    expect(r?.places.some((t) => has(t, 'Owner'))).toBe(true);
  });
});
