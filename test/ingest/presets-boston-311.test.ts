/**
 * The boston-311 preset on the real 2015 extract (../shared/datasets/boston-311-2015, 12 files),
 * through the real ingestion and the same config that docs/presets.md runs with `review -- check`.
 *
 * Expected figures were counted independently of this code, in Python over the CSVs
 * (csv.DictReader, dates read with strptime('%m/%d/%Y %I:%M:%S %p') in America/New_York):
 *   rows per file: the SOURCE.md table (12,958 in total); CASE_ENQUIRY_ID is unique across all
 *     files (12,958 distinct), so there are no duplicates.
 *   rejected: rows with CLOSED_DT < OPEN_DT → 51 (PWD Graffiti 36, Sidewalk Repair (Internal) 12,
 *     Pick up Dead Animal 3), as SOURCE.md says. No time falls in a skipped or repeated DST hour.
 *   cross-check: of the accepted rows, 10,020 are closed with both a TARGET_DT and an
 *     OnTime_Status, and on all 10,020 the city's verdict equals CLOSED_DT <= TARGET_DT.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import type { TicketRecord } from '../../src/lib/model/records.ts';
import { datasetConfig, datasets } from '../helpers/datasets.ts';

const { have, SKIPPED } = datasets('presets-boston-311', 'boston-311-2015');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const CONFIG = path.join(FIXTURES, 'boston-311.config.yaml');
const utc = (iso: string) => Date.parse(iso);

describe.skipIf(!have)(`boston-311 preset on the 2015 extract${SKIPPED}`, () => {
  let result: IngestResult;
  let byId: Map<string, TicketRecord>;
  beforeAll(async () => {
    result = await ingestSources(datasetConfig(CONFIG), FIXTURES, { info() {} });
    byId = new Map(result.tickets.map((t) => [t.id, t]));
  });

  it('accounts for every row of every file', () => {
    const accounts = Object.fromEntries(
      result.files.map((f) => [path.basename(f.file), [f.rows, f.accepted, f.rejected, f.duplicates, f.rejectsByReason]]),
    );
    const closedBeforeOpened = (n: number) => ({ 'CLOSED_DT: resolved before the ticket was created': n });
    // [rows, accepted, rejected, duplicates, rejects by reason]
    expect(accounts).toEqual({
      'Animal Lost.csv': [220, 220, 0, 0, {}],
      'Bed Bugs.csv': [427, 427, 0, 0, {}],
      'Heat - Excessive  Insufficient.csv': [1_324, 1_324, 0, 0, {}],
      'Idea Collection.csv': [63, 63, 0, 0, {}],
      'Missing Sign.csv': [1_117, 1_117, 0, 0, {}],
      'Needle Pickup.csv': [622, 622, 0, 0, {}],
      'PWD Graffiti.csv': [1_404, 1_368, 36, 0, closedBeforeOpened(36)],
      'Pick up Dead Animal.csv': [2_247, 2_244, 3, 0, closedBeforeOpened(3)],
      'Rodent Activity.csv': [2_171, 2_171, 0, 0, {}],
      'Sidewalk Repair (Internal).csv': [482, 470, 12, 0, closedBeforeOpened(12)],
      'Traffic Signal Repair.csv': [2_096, 2_096, 0, 0, {}],
      'Tree Emergencies.csv': [785, 785, 0, 0, {}],
    });
    expect(result.tickets).toHaveLength(12_958 - 51);
  });

  it('names the file, line, column and value of a reject', () => {
    const graffiti = result.files.find((f) => f.file.endsWith('PWD Graffiti.csv'));
    // Line 543, case 101001371095: OPEN_DT 05/06/2015 07:34:47 AM, CLOSED_DT 11 seconds earlier.
    expect(graffiti?.rejects[0]).toEqual({
      line: 543,
      column: 5,
      field: 'CLOSED_DT',
      value: '05/06/2015 07:34:36 AM',
      reason: 'resolved before the ticket was created',
    });
  });

  it('reads US 12-hour dates as Boston time, across DST', () => {
    // Bed Bugs line 3, case 101001241135, closed. OPEN_DT 01/02/2015 10:28:25 AM is EST (UTC−5) → 15:28:25Z;
    // TARGET_DT 05/02/2015 10:28:25 AM is 2 May, EDT (UTC−4) → 14:28:25Z; CLOSED_DT 03/05/2015 02:57:39 PM is
    // 5 March, still EST (DST began 8 March) → 19:57:39Z.
    expect(byId.get('101001241135')).toEqual({
      source: 'boston-311',
      id: '101001241135',
      createdMs: utc('2015-01-02T15:28:25Z'),
      firstResponseMs: null,
      resolvedMs: utc('2015-03-05T19:57:39Z'),
      priority: 'bed-bugs',
      category: 'Housing',
      service: 'inspectional-services',
      title: 'Bed Bugs',
      status: 'Closed',
      reopened: null,
      sourceOnTime: true,
      sourceDeadlineMs: utc('2015-05-02T14:28:25Z'),
    });
    // Bed Bugs line 2, case 101001241133: still open, and the city marked it OVERDUE.
    expect(byId.get('101001241133')).toMatchObject({ resolvedMs: null, status: 'Open', sourceOnTime: false });
    // Heat line 878, case 101001430118: 07/15/2015 01:31:02 PM EDT → 17:31:02Z, closed 07/23/2015 11:34:58 AM → 15:34:58Z.
    expect(byId.get('101001430118')).toMatchObject({
      createdMs: utc('2015-07-15T17:31:02Z'),
      resolvedMs: utc('2015-07-23T15:34:58Z'),
      sourceDeadlineMs: utc('2015-08-14T17:31:02Z'),
      priority: 'heat',
    });
    // Needle Pickup (line 2, case 101001378529) has no TARGET_DT at all; Tree Emergencies line 39 has a target but an empty OnTime_Status.
    expect(byId.get('101001378529')).toMatchObject({ sourceDeadlineMs: null, sourceOnTime: true, service: 'hotline' });
    expect(byId.get('101001285371')).toMatchObject({ sourceDeadlineMs: utc('2015-02-11T17:17:33Z'), sourceOnTime: null });
  });

  it("keeps the city's on-time verdict, and it agrees with TARGET_DT on every closed case", () => {
    const verdicts = { ontime: 0, overdue: 0, none: 0 };
    for (const t of result.tickets) verdicts[t.sourceOnTime === null ? 'none' : t.sourceOnTime ? 'ontime' : 'overdue']++;
    expect(verdicts).toEqual({ ontime: 10_054, overdue: 2_847, none: 6 });
    const judged = result.tickets.filter((t) => t.resolvedMs !== null && t.sourceDeadlineMs !== null && t.sourceOnTime !== null);
    expect(judged).toHaveLength(10_020);
    // A wrong date order or zone would break this on some rows: the verdict is the city's, the instants are ours.
    expect(judged.filter((t) => (t.resolvedMs as number) <= (t.sourceDeadlineMs as number) !== t.sourceOnTime)).toEqual([]);
  });

  it('maps every SUBJECT to a service and every TYPE to a level', () => {
    const count = (key: (t: TicketRecord) => string | null) => {
      const m = new Map<string | null, number>();
      for (const t of result.tickets) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
      return Object.fromEntries(m);
    };
    // SOURCE.md SUBJECT counts minus the 51 rejects (PWD: 4,133 − 36 − 12 − 3).
    expect(count((t) => t.service)).toEqual({
      'public-works': 4_082,
      'inspectional-services': 3_922,
      transportation: 3_213,
      parks: 785,
      hotline: 622,
      'animal-control': 220,
      youthline: 63,
    });
    expect(Object.keys(count((t) => t.priority))).toHaveLength(12);
  });
});
