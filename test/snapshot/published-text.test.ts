/**
 * Every exported text a review publishes is masked for personal data (README "Personal data"):
 * a review whose every text cell, the ids, a service name, a probe and a header included, carries
 * an e-mail address and a phone number, read and built; no snapshot, CSV download or `check`
 * account may hold either (audit of issue #13, item 11b), nor a card number rejected from a
 * timestamp cell. The address and number are fictional: the reserved `.test` domain (RFC 2606)
 * and a UK drama number (Ofcom, 020 7946 0xxx).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { PERIOD_TABLE_IDS, PERIOD_TABLES, SERVICE_TABLE_IDS, SERVICE_TABLES } from '../../src/lib/site/csv-tables.ts';
import { buildSnapshots } from '../../src/lib/snapshot/build-snapshots.ts';
import { periodSnapshotSchema } from '../../src/lib/snapshot/snapshot-schema.ts';
import { monthOfChecks } from '../helpers/small-review.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const MAIL = 'jo@mail.test';
/** An IPv4 address of the documentation range (RFC 5737) and a MAC address, beside the phone number in every text. */
const PHONE = '020 7946 0958 203.0.113.77 3C:22:FB:01:AB:9E';
/** A payment card number (Visa's test number), as a mis-mapped column puts it in a timestamp cell. */
const CARD = '4111111111111111';
/** A Chinese mobile number (11 digits, MIIT plan) as a mis-mapped column puts it in a timestamp cell. */
const MOBILE = '13800138000';
/** What must appear nowhere: the address, its domain, the phone number's middle group, the IP and MAC addresses, the card and mobile numbers. */
const LEAKS = /mail\.test|jo@|7946|203\.0\.113|3C:22|4111111111111111|13800138000/;

const CONFIG = `review:
  name: Published text
  timeZone: UTC
services:
  - { id: api, name: API, owner: Platform, target: 0.99, latencyThresholdMs: 200 }
priorities:
  - { id: p1, name: P1, words: [P1], response: 15m, resolution: 4h }
incidentLevels:
  - { id: major, name: Major, words: [Sev1], detect: 10m, acknowledge: 5m, restore: 2h }
sources:
  - { id: mon, kind: checks, files: checks.csv }
  - { id: desk, kind: tickets, files: 'tickets-*.csv' }
  - { id: survey, kind: surveys, files: surveys.csv }
  - { id: inc, kind: incidents, files: incidents.csv }
  - { id: chg, kind: changes, files: changes.csv }
`;

const TICKETS = [
  `id,created,first_response,resolved,priority,category,service,title,status,notes ${MAIL}`,
  // Resolved 8 h after creation (target 4 h): in the drill-down's breaches.
  `T-1 ${MAIL},2026-09-10 12:05,2026-09-10 12:10,2026-09-10 20:05,P1,Access ${MAIL} ${PHONE},api,VPN down for ${MAIL} ${PHONE},Resolved,x`,
  // A service the config lacks; the same title words, so a recurring issue with T-1.
  `T-2,2026-09-11 10:00,,,P1,Access ${MAIL} ${PHONE},svc ${MAIL},VPN down for ${MAIL} ${PHONE},Open,x`,
  `T-3,2026-09-12 10:00,,,P1,Access,api,VPN down again,Open,x`,
  // Rejected: the value and the reason quoting it.
  `T-4,2026-09-12 11:00,,,P9 ${MAIL} ${PHONE},Access,api,x,Open,x`,
  // Rejected by the reader: a quote in an unquoted field of the column whose header holds the address.
  `T-5,2026-09-12 12:00,,,P1,Access,api,x,Open,a"b`,
  // Rejected from a timestamp column, where a malformed date keeps its digits: a card number is no date.
  `T-6,${CARD},,,P1,Access,api,x,Open,x`,
  // Rejected from a timestamp column: 11 digits are a mobile number, not an epoch (10 or 13 digits).
  `T-7,2026-09-12 13:00,${MOBILE},,P1,Access,api,x,Open,x`,
].join('\n');

const SURVEYS = [
  'id,submitted_at,ticket_id,csat,comment,service',
  // Names a ticket of the export.
  `R-1 ${MAIL},2026-09-12 10:00,T-1 ${MAIL},2,Mail ${MAIL} or ${PHONE},api`,
  // Names no ticket: the reference is text a respondent typed.
  `R-2,2026-09-12 11:00,call ${PHONE} ${MAIL},5,ok,svc2 ${MAIL}`,
].join('\n');

const INCIDENTS = [
  'id,level,service,started,restored,post_mortem,root_cause',
  `INC-1 ${MAIL},Sev1,api,2026-09-10 11:58,2026-09-10 13:05,https://wiki.example.com/display/~${MAIL}/pm?pageId=123456789,Change by ${MAIL} ${PHONE}`,
].join('\n');

const CHANGES = [
  'id,service,type,outcome,planned_start,planned_end,incident_caused,title',
  // Caused the incident above, named by its id.
  `CHG-1 ${MAIL},api,normal,failed,2026-09-10 08:00,2026-09-10 09:00,INC-1 ${MAIL},Patch by ${MAIL} ${PHONE}`,
  // Names no incident of the export.
  `CHG-2,api,normal,failed,2026-09-11 08:00,2026-09-11 09:00,ask ${MAIL} ${PHONE},x`,
].join('\n');

async function build() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sr-published-text-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'review.config.yaml'), CONFIG);
  const down = (t: number) => t >= Date.UTC(2026, 8, 10, 12) && t < Date.UTC(2026, 8, 10, 13);
  writeFileSync(path.join(dir, 'checks.csv'), `${monthOfChecks(2026, 9, down)}2026-09-15T00:00:00Z,api,probe ${MAIL} ${PHONE},up,100\n`);
  // An export named after the person it was made for: its name is published as provenance.
  writeFileSync(path.join(dir, `tickets-${MAIL}.csv`), `${TICKETS}\n`);
  writeFileSync(path.join(dir, 'surveys.csv'), `${SURVEYS}\n`);
  writeFileSync(path.join(dir, 'incidents.csv'), `${INCIDENTS}\n`);
  writeFileSync(path.join(dir, 'changes.csv'), `${CHANGES}\n`);
  const config = loadConfig(path.join(dir, 'review.config.yaml'));
  const ingest = await ingestSources(config, dir, { info() {} }, { cacheDir: null, toolVersion: 't' });
  const snaps = buildSnapshots(config, ingest, resolveRules(config), { toolVersion: 't', configSha256: 'x' });
  ingest.checks.close();
  return { ingest, snaps };
}

describe('exported texts in what a review publishes', () => {
  it('leaves no e-mail address, phone number, IP or MAC address in any snapshot, CSV download or file account', async () => {
    const { ingest, snaps } = await build();
    const sep = snaps.find((s) => s.period.id === '2026-09');
    expect(sep).toBeDefined();
    for (const s of snaps) expect(periodSnapshotSchema.safeParse(s).success).toBe(true);
    // Every text the exports gave is in it, so the test sees each path (rejects, ids, names, links…).
    const json = JSON.stringify(snaps);
    for (const seen of [
      'T-1 [email]',
      'svc-email',
      'probe [email] [phone] [ip] [mac]',
      'Access [email] [phone] [ip] [mac]',
      'INC-1 [email]',
      'CHG-1 [email]',
    ])
      expect(json).toContain(seen);
    expect(json).not.toMatch(LEAKS);
    // The account keeps each file's own path, for `check` to name the file on the analyst's disk; snapshots publish it masked.
    expect(JSON.stringify(ingest.files.map(({ file, ...account }) => account))).not.toMatch(LEAKS);
    expect(ingest.files.map((f) => f.file)).toContain(`tickets-${MAIL}.csv`);
    expect(sep?.inputs.map((f) => f.file)).toContain('[email].csv');
    expect(sep?.dataQuality.files.map((f) => f.file)).toContain('[email].csv');
    for (const s of snaps) {
      for (const id of PERIOD_TABLE_IDS) expect(JSON.stringify(PERIOD_TABLES[id].build(s)), id).not.toMatch(LEAKS);
      for (const service of s.services)
        for (const id of SERVICE_TABLE_IDS) expect(JSON.stringify(SERVICE_TABLES[id].build(s, service.id)), id).not.toMatch(LEAKS);
    }
  });

  it('masks free text as text, and keeps the digits of ids the exports hold', async () => {
    const { snaps } = await build();
    const sep = snaps.find((s) => s.period.id === '2026-09');
    const s = sep as NonNullable<typeof sep>;
    expect(s.tickets.byCategory.map((c) => c.key)).toContain('Access [email] [phone] [ip] [mac]');
    expect(s.drillDown?.breached.map((b) => [b.id, b.target, b.title])).toEqual([
      ['T-1 [email]', 'resolution', 'VPN down for [email] [phone] [ip] [mac]'],
      ['T-2', 'response', 'VPN down for [email] [phone] [ip] [mac]'],
      ['T-2', 'resolution', 'VPN down for [email] [phone] [ip] [mac]'],
    ]);
    expect(s.recurring.groups.map((g) => [g.key, g.category, g.ticketIds])).toEqual([
      ['down vpn', 'Access [email] [phone] [ip] [mac]', ['T-1 [email]', 'T-2', 'T-3']],
    ]);
    // A survey naming a ticket shows its id as the ticket list does; one naming none, as text.
    expect(s.satisfaction.ticketJoin.unmatchedTicketIds).toEqual(['call [phone] [ip] [mac] [email]']);
    expect(s.satisfaction.comments.map((c) => [c.ticketId, c.text])).toEqual([
      ['T-1 [email]', 'Mail [email] or [phone] [ip] [mac]'],
      ['call [phone] [ip] [mac] [email]', 'ok'],
    ]);
    expect(s.incidents?.list.map((i) => [i.id, i.postMortem, i.rootCause])).toEqual([
      ['INC-1 [email]', 'https://wiki.example.com/display/~[email]/pm?pageId=123456789', 'Change by [email] [phone] [ip] [mac]'],
    ]);
    expect(s.changes?.list.map((c) => [c.id, c.title, c.causedIncidentId])).toEqual([
      ['CHG-1 [email]', 'Patch by [email] [phone] [ip] [mac]', 'INC-1 [email]'],
      ['CHG-2', 'x', 'ask [email] [phone] [ip] [mac]'],
    ]);
    expect(s.services.map((x) => x.probes)).toEqual([['p1', 'probe [email] [phone] [ip] [mac]']]);
  });
});
