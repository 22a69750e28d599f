import type { APIRoute } from 'astro';
import { csvResponse } from '../../../../lib/format/csv.ts';
import { changesTable, PERIOD_TABLE_IDS, PERIOD_TABLES, type PeriodTableId } from '../../../../lib/site/csv-tables.ts';
import { hasDraftView } from '../../../../lib/site/period-notices.ts';
import { type SitePeriod, sitePeriods } from '../../../../lib/site/site-data.ts';

type Table = PeriodTableId | 'changes';

/**
 * The tables of a period's draft view, and changes.csv: the figures the exports now give that
 * differ from the latest published revision (the diff the period's and its quarter's pages link).
 */
export function getStaticPaths() {
  return sitePeriods()
    .filter((period) => hasDraftView(period.status))
    .flatMap((period) =>
      [...PERIOD_TABLE_IDS, 'changes' as const].map((table) => ({ params: { period: period.id, table }, props: { period, table } })),
    );
}

export const GET: APIRoute<{ period: SitePeriod; table: Table }> = ({ props }) => {
  const p = props.period;
  return csvResponse(
    props.table === 'changes' ? changesTable(p.id, p.shownRevision ?? 0, p.status.changes) : PERIOD_TABLES[props.table].build(p.draft),
  );
};
