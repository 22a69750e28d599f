import type { APIRoute } from 'astro';
import { csvResponse } from '../../../lib/format/csv.ts';
import { PERIOD_TABLE_IDS, PERIOD_TABLES, type PeriodTableId, revisionsTable } from '../../../lib/site/csv-tables.ts';
import { type SitePeriod, sitePeriods } from '../../../lib/site/site-data.ts';

type Table = PeriodTableId | 'revisions';

/** Every table of a period review as CSV, from the snapshot the period page shows: /reviews/2026-10/services.csv. */
export function getStaticPaths() {
  return sitePeriods().flatMap((period) =>
    [...PERIOD_TABLE_IDS, 'revisions' as const].map((table) => ({ params: { period: period.id, table }, props: { period, table } })),
  );
}

export const GET: APIRoute<{ period: SitePeriod; table: Table }> = ({ props }) =>
  csvResponse(props.table === 'revisions' ? revisionsTable(props.period) : PERIOD_TABLES[props.table].build(props.period.shown));
