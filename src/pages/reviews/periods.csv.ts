import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/format/csv.ts';
import { periodsTable } from '../../lib/site/csv-tables.ts';
import { sitePeriods } from '../../lib/site/site-data.ts';

/** The archive as CSV: every period, its status and revisions. */
export const GET: APIRoute = () => csvResponse(periodsTable(sitePeriods()));
