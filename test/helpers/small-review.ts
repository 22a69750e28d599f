/**
 * A small review in a fresh temp folder: one service checked every 10 minutes through September
 * and October 2026 (1 h down in September, 2 h in October), a target that changes in October, and
 * one ticket. The versioning and published-store tests build and publish it through the CLI.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CONFIG = `review:
  name: Versioning test
  timeZone: UTC
services:
  - id: api
    name: API
    owner: Platform
    target: 0.99
    latencyThresholdMs: 200
    changes:
      - { from: 2026-10, target: 0.995 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
sources:
  - { id: mon, kind: checks, files: "data/checks-*.csv" }
  - { id: desk, kind: tickets, files: data/tickets.csv }
`;

/** One check every 10 minutes for a whole UTC month; `down` says which instants are down. */
export function monthOfChecks(year: number, month: number, down: (ms: number) => boolean): string {
  const lines = ['timestamp,service,probe,status,latency_ms'];
  const start = Date.UTC(year, month - 1, 1);
  const end = Date.UTC(year, month, 1);
  for (let t = start; t < end; t += 600_000) {
    const d = down(t);
    lines.push(`${new Date(t).toISOString()},api,p1,${d ? 'down' : 'up'},${d ? '' : 100}`);
  }
  return `${lines.join('\n')}\n`;
}

export const H = 3_600_000;
export const SEP_OUTAGE = Date.UTC(2026, 8, 10, 12);
export const OCT_OUTAGE = Date.UTC(2026, 9, 10, 12);

export function makeReview(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-versioning-'));
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(path.join(dir, 'review.config.yaml'), CONFIG);
  // September: 1 h down (6 checks); October: 2 h down (12 checks).
  writeFileSync(
    path.join(dir, 'data/checks-2026-09.csv'),
    monthOfChecks(2026, 9, (t) => t >= SEP_OUTAGE && t < SEP_OUTAGE + H),
  );
  writeFileSync(
    path.join(dir, 'data/checks-2026-10.csv'),
    monthOfChecks(2026, 10, (t) => t >= OCT_OUTAGE && t < OCT_OUTAGE + 2 * H),
  );
  writeFileSync(
    path.join(dir, 'data/tickets.csv'),
    'id,created,first_response,resolved,priority,title\nT-1,2026-09-10 12:05,2026-09-10 12:10,2026-09-10 13:00,P1,API down\n',
  );
  return dir;
}
