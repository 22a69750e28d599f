import type { APIRoute } from 'astro';
import { csvResponse } from '../../../../../lib/format/csv.ts';
import { SERVICE_TABLE_IDS, SERVICE_TABLES, type ServiceTableId } from '../../../../../lib/site/csv-tables.ts';
import { sitePeriods } from '../../../../../lib/site/load-snapshots.ts';
import type { PeriodSnapshot } from '../../../../../lib/snapshot/build-snapshots.ts';

/** A service's tables as CSV: /reviews/2026-10/services/search/daily.csv. */
export function getStaticPaths() {
  return sitePeriods().flatMap((period) =>
    period.shown.services.flatMap((service) =>
      SERVICE_TABLE_IDS.map((table) => ({
        params: { period: period.id, service: service.id, table },
        props: { snap: period.shown, serviceId: service.id, table },
      })),
    ),
  );
}

export const GET: APIRoute<{ snap: PeriodSnapshot; serviceId: string; table: ServiceTableId }> = ({ props }) =>
  csvResponse(SERVICE_TABLES[props.table].build(props.snap, props.serviceId));
