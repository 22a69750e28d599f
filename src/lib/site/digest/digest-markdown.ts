/**
 * The digest as Markdown (digest.md): for pasting into a meeting invitation or a chat, or reading
 * as it is. Every text is escaped, so a name from an export can neither make a link nor inject
 * HTML into a Markdown renderer that passes HTML through.
 */
import type { DigestModel } from './digest-model.ts';

/**
 * Backslash before each character Markdown could read as syntax inside a line (CommonMark lets
 * any ASCII punctuation be escaped so): emphasis, code, links ([ and ], so no "(" can follow
 * one), HTML (<, >, &), table cells (|); line breaks become spaces. The digest starts every line
 * itself ("# ", "- ", "| "), so what starts a block needs no escape.
 * @example
 * markdownText('a|b *c* <d> (e)') // 'a\\|b \\*c\\* \\<d\\> (e)'
 */
export function markdownText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A link target Markdown takes as it is: characters that would end or break it percent-encoded. */
function markdownUrl(href: string): string {
  return href.replace(/[ ()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const link = (label: string, href: string) => `[${markdownText(label)}](${markdownUrl(href)})`;

/** The Markdown digest: title, edition, attention, headline table, links; one trailing newline. */
export function digestMarkdown(m: DigestModel): string {
  const out: string[] = [`# ${markdownText(m.title)}`, '', markdownText(`${m.edition}${m.punct.stop}`)];
  for (const l of m.languages) out.push('', link(l.label, l.md));
  if (m.superseded) out.push('', m.superseded.map((p) => (p.href === null ? markdownText(p.text) : link(p.text, p.href))).join(''));
  if (m.partial) out.push('', markdownText(m.partial));
  out.push('', `## ${markdownText(m.attention.heading)}`, '');
  if (m.attention.counts.length) out.push(m.attention.counts.map(markdownText).join(m.punct.join), '');
  if (m.attention.none) out.push(markdownText(m.attention.none));
  for (const it of m.attention.items)
    out.push(`- ${markdownText(it.marker)} ${link(it.label, it.href)}${markdownText(m.punct.colon)}${markdownText(it.text)}`);
  const c = m.headline.columns;
  out.push('', `## ${markdownText(m.headline.heading)}`, '');
  out.push(`| ${[c.figure, c.value, c.target, c.verdict, c.change, c.n].map(markdownText).join(' | ')} |`);
  out.push('| --- | ---: | ---: | --- | ---: | --- |');
  for (const r of m.headline.rows) {
    out.push(`| ${[r.label, r.value, r.target, r.verdict, r.change, r.basis].map(markdownText).join(' | ')} |`);
  }
  out.push('', `## ${markdownText(m.links.heading)}`, '');
  for (const l of m.links.items) out.push(`- ${link(l.label, l.href)}`);
  out.push('', `_${markdownText(m.footer)}_`, '');
  return out.join('\n');
}
