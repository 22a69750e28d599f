/**
 * A review of two ticket sources in a fresh temp folder, November 2026 (UTC), one P1 level (24×7,
 * response 30 min, resolution 4 h): desk exports first responses, legacy's export has no such
 * column. The tickets' stories and the figures by hand are in test/metrics/ticket-response-sources.test.ts.
 * Returns the config's path; the caller removes its folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * @param sources both sources, or desk alone
 * @param o.bilingual the site in English and Chinese (review.locales), else English only
 */
export function twoSourceReview(sources: 'both' | 'desk', o: { bilingual?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-response-sources-'));
  mkdirSync(path.join(dir, 'desk'));
  mkdirSync(path.join(dir, 'legacy'));
  writeFileSync(
    path.join(dir, 'desk/tickets-2026-11.csv'),
    [
      'id,created,first_response,resolved,priority,service,title',
      'A1,2026-11-03 10:00,2026-11-03 10:20,2026-11-03 13:00,P1,api,Login fails',
      'A2,2026-11-04 10:00,2026-11-04 11:00,2026-11-04 12:00,P1,web,Checkout slow',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'legacy/tickets-2026-11.csv'),
    [
      'id,created,resolved,priority,service,title',
      'B1,2026-11-05 10:00,2026-11-05 12:00,P1,api,Invoice missing',
      'B2,2026-11-06 10:00,,P1,web,Cart empties',
      'B3,2026-11-30 23:45,,P1,api,Password reset mail late',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'review.config.yaml'),
    `review: { name: Two desks, timeZone: UTC${o.bilingual ? ', locales: [en, zh-CN]' : ''} }
services:
  - { id: api, name: API, owner: Platform }
  - { id: web, name: Web shop, owner: Web }
priorities: [{ id: p1, name: P1, words: [P1], response: 30m, resolution: 4h }]
sources:
  - { id: desk, kind: tickets, files: "desk/*.csv", asOf: "2026-12-01 00:00" }
${sources === 'both' ? '  - { id: legacy, kind: tickets, files: "legacy/*.csv", asOf: "2026-12-01 00:00" }\n' : ''}`,
  );
  return path.join(dir, 'review.config.yaml');
}
