import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchMarkup, searchMarkupOfBytes } from '../../src/lib/site/search-markup.ts';
import { assertProperty } from '../helpers/property.ts';

describe('searchMarkup (what Pagefind is sent of a page)', () => {
  const page = (main: string) =>
    `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><nav>site menu</nav>${main}<footer>f</footer></body></html>`;

  it('sends only <main data-pagefind-body>, without ignored tables, navs or chart data', () => {
    const html = page(
      '<main id="content" data-pagefind-body><h1>Payments</h1><table data-table="daily" data-pagefind-ignore><tr><td>2026-10-01</td></tr></table>' +
        '<table data-table="service-recurring"><tr><th>Login fails</th></tr></table><nav class="downloads"><a href="x.csv">CSV</a></nav>' +
        '<canvas data-chart="{&quot;kind&quot;:&quot;daily&quot;}"></canvas><table data-table="outages" data-pagefind-ignore=""><tr><td>down</td></tr></table></main>',
    );
    expect(searchMarkup(html)).toBe(
      '<html lang="en"><body><main id="content" data-pagefind-body><h1>Payments</h1><table data-table="service-recurring"><tr><th>Login fails</th> </tr></table><canvas></canvas></main></body></html>',
    );
  });

  // Issue 15: adjacent cells ran together in the index ("Sign-in (SSO)" + "3" → "(SSO)3").
  it('keeps table cells, list items and captions apart by a space', () => {
    const html = page(
      '<main data-pagefind-body><table><caption>Outages</caption><tr><th>Sign-in (SSO)</th><td>3</td></tr></table><ol><li>a</li><li>b</li></ol></main>',
    );
    expect(searchMarkup(html)).toBe(
      '<html lang="en"><body><main data-pagefind-body><table><caption>Outages</caption> <tr><th>Sign-in (SSO)</th> <td>3</td> </tr></table><ol><li>a</li> <li>b</li> </ol></main></body></html>',
    );
  });

  it('sends nothing for a page that is not searchable (Pagefind would drop it)', () => {
    expect(searchMarkup(page('<main id="content"><h1>Search</h1></main>'))).toBeNull();
  });

  it('leaves out the ignored leaves (paragraphs, summaries, captions, headings) unless one holds a Pagefind attribute', () => {
    const html = page(
      '<main data-pagefind-body><p class="breadcrumb" data-pagefind-ignore><a href="/">← back</a></p><h2 data-pagefind-ignore="">Outages</h2>' +
        '<figure><figcaption data-pagefind-ignore>Solid bars met the target</figcaption></figure><details><summary data-pagefind-ignore>Data table</summary></details>' +
        '<p data-pagefind-ignore><span data-pagefind-filter="team">Ops</span></p><p>kept</p></main>',
    );
    expect(searchMarkup(html)).toBe(
      '<html lang="en"><body><main data-pagefind-body><figure></figure><details></details><p data-pagefind-ignore><span data-pagefind-filter="team">Ops</span></p><p>kept</p></main></body></html>',
    );
  });
});

/**
 * The writer threads' way (from the page's bytes, decoding only what is kept) against the definition
 * (from the decoded page). Pages are made of the pieces that steer either way: <main> with and without
 * the attribute (twice, or unclosed), <html> tags true and false, ignored and plain tables (unclosed,
 * the attribute with and without a value, a look-alike tag), navs, chart data, ignored leaves,
 * non-ASCII text (Chinese, a byte order mark mid-page) and stray ">" and "<".
 */
describe('searchMarkupOfBytes equals searchMarkup of the decoded page', () => {
  const pieces = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<htmlx>',
    '<html',
    '<main id="content" data-pagefind-body>',
    '<main data-pagefind-body="">',
    '<main>',
    '<main class="登录" data-pagefind-body>',
    '<main data-pagefind-bodyx>',
    '<main data-pagefind-body ',
    '</main>',
    '<table data-table="daily" data-pagefind-ignore>',
    '<table data-pagefind-ignore="">',
    '<table class="x">',
    '<tablex data-pagefind-ignore>',
    '<table data-pagefind-ignored>',
    '<table data-pagefind-ignore',
    '</table>',
    '<tr><th>2026-10-01</th><td class="num">99.9 %</td></tr>',
    '<caption>无法登录客户门户</caption>',
    '<nav class="period-nav"><a href="/a/">A</a></nav>',
    '<nav>',
    '</nav>',
    '<canvas data-chart="{&quot;kind&quot;:&quot;daily&quot;}" role="img">',
    '</canvas>',
    '<p data-pagefind-ignore>CSV</p>',
    '<p class="note">Coverage 100.0 %</p>',
    '<figcaption data-pagefind-ignore>图例</figcaption>',
    '<h2 data-pagefind-ignore="">Outages</h2>',
    '<li>a</li>',
    '\uFEFF',
    'é ✓ 登录 ',
    '>',
    '<',
    ' ',
  ];
  const piece = fc.constantFrom(...pieces);
  /** Any order of the pieces. */
  const soup = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
  /** A page as the site makes one, with the pieces in its <main>: ignored tables whole, each maybe followed by a byte order mark. */
  const block = fc.oneof(
    piece,
    fc
      .tuple(
        fc.constantFrom('<table data-pagefind-ignore>', '<table data-table="x" data-pagefind-ignore="">'),
        fc.array(piece, { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([open, inside, bom]) => `${open}${inside.join('')}</table>${bom ? '\uFEFF' : ''}`),
  );
  const page = fc
    .tuple(
      fc.array(piece, { maxLength: 4 }),
      fc.constantFrom('<main data-pagefind-body>', '<main id="c" data-pagefind-body', '<main>'),
      fc.array(block, { maxLength: 12 }),
      fc.array(piece, { maxLength: 4 }),
    )
    .map(([before, open, body, after]) => `<html lang="en">${before.join('')}${open}${body.join('')}</main>${after.join('')}`);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  it('on generated pages of every form (fixed seeds)', () => {
    assertProperty(
      fc.property(fc.oneof(soup, page), (text) => {
        const bytes = encoder.encode(text);
        expect(searchMarkupOfBytes(bytes)).toBe(searchMarkup(decoder.decode(bytes)));
      }),
      { numRuns: 2000 },
    );
  });
  it('on a page inside a larger buffer (the writer threads get a batch of pages in one buffer)', () => {
    const page =
      '<html lang="en"><body><main data-pagefind-body><h1>Payments</h1><table data-pagefind-ignore><tr><td>1</td></tr></table></main></body></html>';
    const batch = encoder.encode(`<main data-pagefind-body>before</main>${page}<table data-pagefind-ignore></table>after</main>`);
    const start = encoder.encode('<main data-pagefind-body>before</main>').length;
    const bytes = batch.subarray(start, start + encoder.encode(page).length);
    expect(searchMarkupOfBytes(bytes)).toBe(searchMarkup(page));
    expect(searchMarkupOfBytes(bytes)).toBe('<html lang="en"><body><main data-pagefind-body><h1>Payments</h1></main></body></html>');
  });
});
