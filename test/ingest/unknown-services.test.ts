/**
 * Services and priority schemes at ingest (issue #15): ticket and survey rows naming a service
 * the config lacks are accepted under their exported names (or rejected with
 * `review.unknownServices: reject`); checks need a monitored service; each ticket source reads
 * its own scheme's priority words. Both reading paths (quoted header: csv-parse) must agree.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { unconfiguredServiceId } from '../../src/lib/model/value-maps.ts';
import { runCli } from '../helpers/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CONFIG = (unknown: string) => `review:
  name: Unknown services
  unknownServices: ${unknown}
services:
  - { id: api, name: Public API, owner: P, target: 0.99, latencyThresholdMs: 200 }
  - { id: public-works, name: PWD, owner: City }
priorities:
  - { id: p2, name: P2, words: [High], response: 1h, resolution: 8h, sources: [desk] }
  - { id: tree, name: Tree, words: [High], response: 1h, resolution: 1d, sources: [city] }
sources:
  - { id: desk, kind: tickets, files: desk.csv }
  - { id: city, kind: tickets, files: city.csv }
  - { id: mon, kind: checks, files: checks.csv }
`;
const DESK =
  'id,created,priority,service,title\nD1,2026-01-05 10:00,High,api,a\nD2,2026-01-05 11:00,High,Parks Dept.,b\nD3,2026-01-05 12:00,High,Parks  Dept.,c\n';
const CITY = 'id,created,priority,service,title\nC1,2026-01-06 10:00,High,public works,d\nC2,2026-01-06 11:00,High,Mayor’s Hotline,e\n';
const CHECKS = 'time,service,status\n2026-01-05T00:00:00Z,api,up\n2026-01-05T00:05:00Z,public-works,up\n';

/** Writes the exports and the config into a new folder; returns its config path. */
function setup(unknown: 'accept' | 'reject', quoteHeaders = false): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unknown-services-'));
  dirs.push(dir);
  const q = (s: string) => (quoteHeaders ? `"${s.slice(0, s.indexOf(','))}"${s.slice(s.indexOf(','))}` : s);
  writeFileSync(path.join(dir, 'desk.csv'), q(DESK));
  writeFileSync(path.join(dir, 'city.csv'), q(CITY));
  writeFileSync(path.join(dir, 'checks.csv'), q(CHECKS));
  writeFileSync(path.join(dir, 'review.config.yaml'), CONFIG(unknown));
  return path.join(dir, 'review.config.yaml');
}

async function ingest(unknown: 'accept' | 'reject', quoteHeaders = false) {
  const config = setup(unknown, quoteHeaders);
  const r = await ingestSources(loadConfig(config), path.dirname(config), { info() {} });
  r.checks.close();
  return r;
}

describe('services the config does not list', () => {
  it('accepts ticket rows under the exported name, counts them per file, and reads each source’s priority scheme', async () => {
    const r = await ingest('accept');
    expect(r.tickets.map((t) => [t.id, t.service, t.priority])).toEqual([
      ['D1', 'api', 'p2'],
      // "Parks Dept." and "Parks  Dept." are one name (white space runs are one space): one id.
      ['D2', 'parks-dept', 'p2'],
      ['D3', 'parks-dept', 'p2'],
      // The city's "High" is its own scheme's level.
      ['C2', 'mayor-s-hotline', 'tree'],
    ]);
    const desk = r.files.find((f) => f.source === 'desk');
    expect(desk?.unknownServices).toEqual({ 'parks-dept': { name: 'Parks Dept.', rows: 2 } });
    const city = r.files.find((f) => f.source === 'city');
    expect(city?.unknownServices).toEqual({ 'mayor-s-hotline': { name: 'Mayor’s Hotline', rows: 1 } });
    // "public works" would take the configured id public-works without being its name or alias: rejected, with the fix.
    expect(city?.rejects).toEqual([
      {
        line: 2,
        column: 4,
        field: 'service',
        value: 'public works',
        reason: 'unknown service "public works" reads like the configured id "public-works": add "public works" to its aliases',
      },
    ]);
    // Checks need a monitored service: public-works has no availability settings.
    const checks = r.files.find((f) => f.source === 'mon');
    expect(checks?.rejects.map((x) => x.reason)).toEqual([
      'service "public-works" is configured but not monitored: it has no target and latencyThresholdMs; give it both to take its checks',
    ]);
  });

  it('`check` lists them per file', async () => {
    const r = await runCli(['check', '--config', setup('accept')]);
    expect(r.out).toContain(
      'services not in the config, accepted under their exported names (review.unknownServices: reject refuses them): "Parks Dept." as parks-dept (2 rows)',
    );
  });

  // Audit defect 6: the name was masked (in the snapshot) but the id made from it was not, so
  // `svc jo@example.com` was published as the id svc-jo-example-com on pages and in snapshots.
  it('makes the id of an unlisted service from its masked name, and `check` shows both masked', async () => {
    const config = setup('accept');
    appendFileSync(
      path.join(path.dirname(config), 'desk.csv'),
      'D4,2026-01-05 13:00,High,svc jo@example.com,x\nD5,2026-01-05 14:00,High,call 555-123-4567,y\n',
    );
    const r = await ingestSources(loadConfig(config), path.dirname(config), { info() {} });
    r.checks.close();
    expect(r.tickets.filter((t) => t.id === 'D4' || t.id === 'D5').map((t) => [t.id, t.service])).toEqual([
      ['D4', 'svc-email'],
      ['D5', 'call-phone'],
    ]);
    expect(r.files.find((f) => f.source === 'desk')?.unknownServices).toEqual({
      'parks-dept': { name: 'Parks Dept.', rows: 2 },
      'svc-email': { name: 'svc [email]', rows: 1 },
      'call-phone': { name: 'call [phone]', rows: 1 },
    });
    const check = await runCli(['check', '--config', config]);
    expect(check.out).toContain('"svc [email]" as svc-email (1 rows), "call [phone]" as call-phone (1 rows)');
    const json = await runCli(['check', '--json', '--config', config]);
    expect(`${check.out}${json.out}`).not.toMatch(/example\.com|555/);
  });

  it('rejects them with unknownServices: reject', async () => {
    const r = await ingest('reject');
    expect(r.tickets.map((t) => t.id)).toEqual(['D1']);
    expect(r.files.find((f) => f.source === 'desk')?.rejects.map((x) => x.reason)).toEqual([
      'unknown service "Parks Dept." (not a configured id, alias or name)',
      'unknown service "Parks  Dept." (not a configured id, alias or name)',
    ]);
  });

  it('reads the same on the general path (csv-parse) as on the fast path', async () => {
    const fast = await ingest('accept');
    const general = await ingest('accept', true);
    expect(general.tickets).toEqual(fast.tickets);
    expect(general.files.map((f) => [f.unknownServices, f.rejects])).toEqual(fast.files.map((f) => [f.unknownServices, f.rejects]));
  });

  it('gives a name without letters or digits a stable hashed id', () => {
    expect(unconfiguredServiceId('Café  Zürich')).toBe('cafe-zurich');
    expect(unconfiguredServiceId('客服中心')).toMatch(/^service-[0-9a-f]{8}$/);
    expect(unconfiguredServiceId('客服中心')).toBe(unconfiguredServiceId(' 客服中心 '));
    expect(unconfiguredServiceId('客服中心')).not.toBe(unconfiguredServiceId('运维中心'));
  });
});
