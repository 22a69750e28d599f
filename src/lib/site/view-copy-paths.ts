/**
 * What a copy of a period's views holds (site-data.ts viewCopies: a published revision's permanent copy, the draft
 * view's), as addresses below the period's folder: the pages its routes build from the copy's snapshot and the
 * downloads period-downloads.ts writes beside them. The commentary shown in the copy leads its links there
 * (site-links.ts commentaryHref), so each is listed by the rule that makes it.
 */
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { PERIOD_TABLE_IDS, SERVICE_TABLE_IDS } from './csv-tables.ts';
import { serviceDownloadPath } from './period-downloads.ts';
import { type CopyOfViews, draftPath, hasTicketsPage, reviewPath } from './site-links.ts';

/**
 * The copy of a period's views shown with `snap`: a published revision's (`revision` its number) or the draft view's (null).
 * @example copyOfViews(snap, 1).paths.has('services/api/') // true when r1's snapshot has the service api
 */
export function copyOfViews(snap: PeriodSnapshot, revision: number | null): CopyOfViews {
  const period = snap.period.id;
  const services = snap.services.map((s) => s.id);
  const paths = [
    '',
    'data-quality/',
    ...(hasTicketsPage(snap) ? ['tickets/'] : []),
    // The draft view links no digest, so it has none (digest-routes.ts: revisionDigestPaths).
    ...(revision === null ? [] : ['digest.html', 'digest.md']),
    ...services.map((id) => `services/${id}/`),
    'snapshot.json',
    ...PERIOD_TABLE_IDS.map((table) => `${table}.csv`),
    ...services.flatMap((id) => SERVICE_TABLE_IDS.map((table) => serviceDownloadPath('', id, table))),
  ];
  return { period, folder: revision === null ? draftPath(period) : reviewPath(period, revision), paths: new Set(paths) };
}
