import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/format/csv.ts';
import { METHOD_TABLE_IDS, METHOD_TABLES, type MethodTableId } from '../../lib/site/csv-tables.ts';
import { latestPeriod, sitePeriods } from '../../lib/site/site-data.ts';

/** The method page's tables (rules in force for the latest period) as CSV: /method/priorities.csv. */
export function getStaticPaths() {
  return METHOD_TABLE_IDS.map((table) => ({ params: { table }, props: { table } }));
}

export const GET: APIRoute<{ table: MethodTableId }> = ({ props }) =>
  csvResponse(METHOD_TABLES[props.table].build(latestPeriod().shown, sitePeriods()));
