/**
 * Dictionary texts with a little markup, so a translated sentence keeps its emphasis and links
 * wherever the language puts them: **strong**, *em*, `code`, and [link text](0) for the page's
 * first link (1 the second …). Parsed into parts that RichText.astro renders as elements; the
 * text is never HTML, so nothing in a text (or a value put into it) is injected as markup.
 */
export type RichPart =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'code'; text: string }
  | { kind: 'link'; text: string; link: number };

const MARK = /\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\[([^\]]+)\]\((\d)\)/g;

/**
 * A marked-up text as parts.
 * @example parseRich('A **met** [table](0).') // [{kind:'text',text:'A '},{kind:'strong',text:'met'},{kind:'text',text:' '},{kind:'link',text:'table',link:0},{kind:'text',text:'.'}]
 */
export function parseRich(text: string): RichPart[] {
  const parts: RichPart[] = [];
  let at = 0;
  for (const m of text.matchAll(MARK)) {
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    if (m[1] !== undefined) parts.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) parts.push({ kind: 'em', text: m[2] });
    else if (m[3] !== undefined) parts.push({ kind: 'code', text: m[3] });
    else parts.push({ kind: 'link', text: m[4] ?? '', link: Number(m[5]) });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** The text a reader sees (markup dropped): for titles, labels and tests. */
export function plainRich(text: string): string {
  return parseRich(text)
    .map((p) => p.text)
    .join('');
}
