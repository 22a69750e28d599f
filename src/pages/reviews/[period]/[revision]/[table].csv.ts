import type { APIRoute } from 'astro';
import { csvResponse } from '../../../../lib/format/csv.ts';
import { changesTable, PERIOD_TABLE_IDS, PERIOD_TABLES, type PeriodTableId } from '../../../../lib/site/csv-tables.ts';
import { revisionOf, sitePeriods } from '../../../../lib/site/site-data.ts';

type Table = PeriodTableId | 'changes';

/** Every table of a published revision as CSV, frozen with it: /reviews/2026-10/r1/services.csv. */
export function getStaticPaths() {
  return sitePeriods().flatMap((period) =>
    period.status.revisions.flatMap((r) =>
      [...PERIOD_TABLE_IDS, 'changes' as const].map((table) => ({
        params: { period: period.id, revision: `r${r.revision}`, table },
        props: { period: period.id, revision: r.revision, table },
      })),
    ),
  );
}

export const GET: APIRoute<{ period: string; revision: number; table: Table }> = ({ props }) => {
  const rev = revisionOf(props.period, props.revision);
  return csvResponse(
    props.table === 'changes' ? changesTable(rev.period, rev.revision, rev.changes) : PERIOD_TABLES[props.table].build(rev.snapshot),
  );
};
