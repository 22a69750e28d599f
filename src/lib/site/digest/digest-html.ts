/**
 * The digest as one self-contained HTML file (digest.html), fit to be the body of an e-mail:
 * inline styles only (mail clients drop <style> and stylesheets), no script, no image, no font
 * or anything else fetched; every text escaped. Verdicts are words with a symbol, the colour
 * only repeats them. Rows and cells carry data-figure / data-field so tests can read them back.
 */
import { escapeHtml } from '../../format/escape-html.ts';
import type { DigestModel, DigestRow } from './digest-model.ts';

const VERDICT_COLOUR: Record<NonNullable<DigestRow['verdictKey']>, string> = {
  met: '#1a7f37',
  'at-risk': '#9a6700',
  breached: '#cf222e',
  'no-data': '#57606a',
};

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif";
const CELL = 'padding:4px 8px;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top';
const NUM = `${CELL};text-align:right;white-space:nowrap`;

const a = (label: string, href: string) => `<a href="${escapeHtml(href)}" style="color:#0969da">${escapeHtml(label)}</a>`;

/** The HTML digest: a whole document in the model's language; one trailing newline. */
export function digestHtml(m: DigestModel): string {
  const e = escapeHtml;
  const c = m.headline.columns;
  const head = [c.figure, c.value, c.target, c.verdict, c.change, c.n]
    .map((h, i) => `<th scope="col" style="${i === 1 || i === 2 || i === 4 ? NUM : CELL}">${e(h)}</th>`)
    .join('');
  const rows = m.headline.rows.map((r) => {
    const colour = r.verdictKey ? `;color:${VERDICT_COLOUR[r.verdictKey]};font-weight:600` : '';
    return (
      `<tr data-figure="${e(r.figure)}"><th scope="row" style="${CELL};font-weight:normal">${e(r.label)}</th>` +
      `<td data-field="value" style="${NUM};font-weight:600">${e(r.value)}</td>` +
      `<td data-field="target" style="${NUM}">${e(r.target)}</td>` +
      `<td data-field="verdict" style="${CELL}${colour}">${e(r.verdict)}</td>` +
      `<td data-field="change" style="${NUM}">${e(r.change)}</td>` +
      `<td data-field="basis" style="${CELL};color:#57606a">${e(r.basis)}</td></tr>`
    );
  });
  const items = m.attention.items.map(
    (it) =>
      `<li data-kind="${e(it.kind)}" data-figure="${e(it.figure)}" style="margin:4px 0"><strong>${e(it.marker)}</strong> ${a(it.label, it.href)}${e(m.punct.colon)}${e(it.text)}</li>`,
  );
  const body = [
    `<h1 style="font-size:20px;margin:0 0 4px">${e(m.title)}</h1>`,
    `<p style="margin:0 0 12px;color:#57606a">${e(m.edition)}${e(m.punct.stop)}</p>`,
    ...m.languages.map(
      (l) =>
        `<p data-language-switch style="margin:0 0 12px"><a href="${e(l.html)}" hreflang="${e(l.locale)}" lang="${e(l.locale)}" style="color:#0969da">${e(l.label)}</a></p>`,
    ),
    m.superseded
      ? `<p data-superseded style="margin:0 0 12px;padding:6px 8px;background:#fff8c5">${m.superseded.map((p) => (p.href === null ? e(p.text) : a(p.text, p.href))).join('')}</p>`
      : '',
    m.partial ? `<p style="margin:0 0 12px;padding:6px 8px;background:#fff8c5">${e(m.partial)}</p>` : '',
    `<h2 style="font-size:16px;margin:16px 0 6px">${e(m.attention.heading)}</h2>`,
    m.attention.counts.length ? `<p style="margin:0 0 6px">${e(m.attention.counts.join(m.punct.join))}</p>` : '',
    m.attention.none ? `<p style="margin:0">${e(m.attention.none)}</p>` : '',
    items.length ? `<ul data-list="attention" style="margin:0;padding-left:20px">${items.join('')}</ul>` : '',
    `<h2 style="font-size:16px;margin:16px 0 6px">${e(m.headline.heading)}</h2>`,
    `<table data-table="headline" style="border-collapse:collapse;font-size:14px"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<h2 style="font-size:16px;margin:16px 0 6px">${e(m.links.heading)}</h2>`,
    `<ul style="margin:0;padding-left:20px">${m.links.items.map((l) => `<li>${a(l.label, l.href)}</li>`).join('')}</ul>`,
    `<p style="margin:16px 0 0;font-size:12px;color:#57606a">${e(m.footer)}</p>`,
  ].filter((s) => s !== '');
  return [
    '<!doctype html>',
    `<html lang="${e(m.locale)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(m.title)}</title></head>`,
    `<body style="margin:0;padding:16px;background:#ffffff;color:#1f2328;${FONT};font-size:14px;line-height:1.45">`,
    `<div style="max-width:720px">`,
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
