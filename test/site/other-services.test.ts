import { describe, expect, it } from 'vitest';
import { otherServicesMarkup } from '../../src/lib/site/other-services.ts';

const snap = () => ({
  period: { id: '2026-10' },
  services: [
    { id: 'sso', name: 'Sign-in' },
    { id: 'pay', name: 'Pay & bill' },
    { id: 'eu', name: `<EU> "core" it's` },
  ],
});

describe('otherServicesMarkup', () => {
  it('gives the doc comment example as stated', () => {
    const s = { period: { id: '2026-10' }, services: [snap().services[0], snap().services[1]] } as ReturnType<typeof snap>;
    expect(otherServicesMarkup(s, 'sso', 'en', (p) => p)).toBe('<a href="/reviews/2026-10/services/pay/">Pay &amp; bill</a>');
  });

  it("links every other service of the period in the snapshot's order, each name escaped as Astro escapes text", () => {
    const s = snap();
    expect(otherServicesMarkup(s, 'pay', 'en', (p) => `/base${p}`)).toBe(
      '<a href="/base/reviews/2026-10/services/sso/">Sign-in</a>' +
        '<a href="/base/reviews/2026-10/services/eu/">&lt;EU&gt; &quot;core&quot; it&#39;s</a>',
    );
    // A service not in the snapshot (no such page) gets every service.
    expect(otherServicesMarkup(s, 'none', 'en', (p) => p).match(/<a /g)).toHaveLength(3);
  });

  it('keeps the links of each snapshot per language: the other language gets its own addresses', () => {
    const s = snap();
    const en = otherServicesMarkup(s, 'sso', 'en', (p) => p);
    const zh = otherServicesMarkup(s, 'sso', 'zh-CN', (p) => `/zh-CN${p}`);
    expect(en).toContain('href="/reviews/2026-10/services/pay/"');
    expect(zh).toContain('href="/zh-CN/reviews/2026-10/services/pay/"');
    // Made once: a second page of the same snapshot and language reads the kept links (the link maker is not asked again).
    expect(otherServicesMarkup(s, 'eu', 'en', () => 'unused')).toBe(
      '<a href="/reviews/2026-10/services/sso/">Sign-in</a><a href="/reviews/2026-10/services/pay/">Pay &amp; bill</a>',
    );
    // Another snapshot (another period, or a revision) is another object: its own links.
    const other = { ...snap(), period: { id: '2026-11' } };
    expect(otherServicesMarkup(other, 'sso', 'en', (p) => p)).toContain('/reviews/2026-11/services/pay/');
  });

  it('keeps the links of each folder apart: a period’s latest revision is the snapshot of its pages and of its permanent copies', () => {
    // One snapshot object, two folders (site-data.ts gives the period's pages and r1's copies the same object).
    const s = snap();
    expect(otherServicesMarkup(s, 'sso', 'en', (p) => p)).toContain('href="/reviews/2026-10/services/pay/"');
    const copy = otherServicesMarkup(s, 'sso', 'en', (p) => p, '/reviews/2026-10/r1/');
    expect(copy).toBe(
      '<a href="/reviews/2026-10/r1/services/pay/">Pay &amp; bill</a>' +
        '<a href="/reviews/2026-10/r1/services/eu/">&lt;EU&gt; &quot;core&quot; it&#39;s</a>',
    );
    expect(otherServicesMarkup(s, 'pay', 'en', (p) => p)).not.toContain('/r1/');
  });
});
