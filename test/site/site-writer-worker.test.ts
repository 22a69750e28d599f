import { describe, expect, it } from 'vitest';
import { searchMarkup } from '../../src/lib/site/site-writer-worker.mjs';

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
});
