/**
 * A ticket record as ingestion makes one, from the fields a test cares about: source "desk", no
 * first response, not resolved, no category, service, status or source verdict, titled "ticket <id>".
 */
import type { TicketRecord } from '../../src/lib/model/records.ts';

export function ticketRecord(t: Partial<TicketRecord> & Pick<TicketRecord, 'id' | 'priority' | 'createdMs'>): TicketRecord {
  return {
    source: 'desk',
    firstResponseMs: null,
    resolvedMs: null,
    category: null,
    service: null,
    title: `ticket ${t.id}`,
    status: null,
    reopened: null,
    sourceOnTime: null,
    sourceDeadlineMs: null,
    ...t,
  };
}
