/**
 * The carpentries-survey preset on the real Carpentries survey exports
 * (../shared/datasets/carpentries-surveys), through the real ingestion and the config that
 * docs/presets.md runs with `review -- check`.
 *
 * Expected figures were counted independently of this code, in Python over the CSV
 * (csv.DictReader on 20180908_post_clean.csv):
 *   rows: 967. Rejected: rows where both LikelyToRecommend and Worth are empty → 56
 *     (the 55 responses SOURCE.md calls abandoned, plus line 13, which answered other items only).
 *   scored rows: 911, all accepted. The export has no response id (UniqueID is a respondent code,
 *     empty in 735 rows), so duplicates are rows of identical content, and no two scored rows are
 *     identical (the 2 identical raw rows are both unscored). The mapped record alone would not do
 *     as that content: 38 scored rows repeat an earlier row's (Date, LikelyToRecommend, Worth) —
 *     e.g. lines 22 and 32, two Calgary trainees at 8/31/18 18:36 who both gave 8 and "Strongly
 *     Agree" — which is why the mapper hands ingestion the whole row as RowContext.contentKey.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReviewError } from '../../src/lib/errors.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { datasetConfig, datasets } from '../helpers/datasets.ts';

const { have, SKIPPED } = datasets('presets-carpentries', 'carpentries-surveys');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const CONFIG = path.join(FIXTURES, 'carpentries.config.yaml');
const utc = (iso: string) => Date.parse(iso);

describe.skipIf(!have)(`carpentries-survey preset on the instructor-training post-survey${SKIPPED}`, () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestSources(datasetConfig(CONFIG), FIXTURES, { info() {} });
  });

  it('accounts for every row', () => {
    const [f] = result.files;
    expect([f?.rows, f?.accepted, f?.rejected, f?.duplicates]).toEqual([967, 911, 56, 0]);
    expect(f?.rejectsByReason).toEqual({ 'no score: csat, nps and ces are all empty': 56 });
    expect(f?.rejects[0]).toEqual({
      line: 13,
      column: null,
      field: null,
      value: null,
      reason: 'no score: csat, nps and ces are all empty',
    });
    expect(result.surveys).toHaveLength(911);
  });

  it('reads M/D/YY H:MM dates month-first, and the Likert words as 1–5', () => {
    // Line 2: 9/8/18 15:29 (8 September 2018, in the review zone UTC), LikelyToRecommend 7, Worth "Agree".
    const first = result.surveys.find((s) => s.timeMs === utc('2018-09-08T15:29:00Z'));
    expect(first).toEqual({
      source: 'instructor-training-post',
      id: null,
      timeMs: utc('2018-09-08T15:29:00Z'),
      service: 'instructor-training',
      ticketId: null,
      csat: 4,
      nps: 7,
      ces: null,
      comment: null,
    });
    // Line 3: 9/8/18 3:42 — an hour without zero padding.
    expect(result.surveys.find((s) => s.timeMs === utc('2018-09-08T03:42:00Z'))).toMatchObject({ nps: 9, csat: 5 });
    // SOURCE.md's range: 6/9/16 10:36 (9 June 2016, which day-first would misread as 6 September) to 9/8/18 15:29.
    expect(result.files[0]?.firstMs).toBe(utc('2016-06-09T10:36:00Z'));
    expect(result.files[0]?.lastMs).toBe(utc('2018-09-08T15:29:00Z'));
  });

  it('keeps the scores as answered (counts over the accepted responses)', () => {
    const nps = new Map<number | null, number>();
    const csat = new Map<number | null, number>();
    for (const s of result.surveys) {
      nps.set(s.nps, (nps.get(s.nps) ?? 0) + 1);
      csat.set(s.csat, (csat.get(s.csat) ?? 0) + 1);
    }
    // Python, over the 911 scored rows: SOURCE.md's LikelyToRecommend counts (10→351 … 1→2; its 78 empties are
    // the 56 rejected rows and 22 that answered Worth only) and Worth's (Strongly Agree 474 … Strongly Disagree 12).
    expect(Object.fromEntries(nps)).toEqual({ 10: 351, 9: 150, 8: 211, 7: 106, 6: 33, 5: 21, 4: 5, 3: 6, 2: 4, 1: 2, null: 22 });
    expect(Object.fromEntries(csat)).toEqual({ 5: 474, 4: 343, 3: 58, 2: 17, 1: 12, null: 7 });
  });

  it('refuses the undated long-term survey as a file, rather than dating its responses', async () => {
    // longterm_October2017.csv has NPS (Likely-To-Recommend) but no time at all, only the bucket
    // How-Long-Ago; a response without a time belongs to no period, so the file is not ingestible.
    // carpentries-longterm.config.yaml maps its NPS column (Likely-To-Recommend) over the preset's.
    const config = datasetConfig(path.join(FIXTURES, 'carpentries-longterm.config.yaml'));
    const error = await ingestSources(config, FIXTURES, { info() {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewError);
    expect((error as ReviewError).message).toBe('cannot read the exports: 1 problem');
    expect((error as ReviewError).problems).toHaveLength(1);
    expect((error as ReviewError).problems[0]).toMatch(
      /^\.\.\/\.\.\/\.\.\/\.\.\/shared\/datasets\/carpentries-surveys\/longterm_October2017\.csv: missing required column timeMs \("Date"\); the header has "Country", /,
    );
  });
});
