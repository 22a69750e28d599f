/**
 * Which ticket sources record first responses, decided once per build from the files read and
 * passed down: to every ticket figure (`responseRecorded`, whose one rule is responseJudged in
 * metrics/ticket-table.ts) and to the snapshot, for the pages' note on what the response figures
 * cover. A property of the source, not of the review: a second ticket tool without a
 * first-response column must not make its tickets read as never answered (docs/reading-exports.md).
 */
import type { FileAccount } from '../ingest/file-account.ts';

export interface TicketResponseSources {
  /** Ticket sources whose exports record first responses, in the order of the files read. */
  recorded: string[];
  /** Ticket sources whose exports do not: their tickets are judged on resolution only. */
  without: string[];
}

/**
 * A ticket source records first responses when its files with rows have the first-response column
 * (ingest makes that all or none of them: a column some files of a source have and others lack is
 * a file error, resolve-source.ts columnsDisagreement); a source none of whose files has rows, when
 * one of its files has the column (its header says so; it has no tickets to judge either way).
 * @param files the accounts of the files read (ingest)
 * @example ticketResponseSources([{ kind: 'tickets', source: 'desk', fields: ['firstResponseMs'], rows: 3 }, { kind: 'tickets', source: 'old', fields: [], rows: 2 }])
 * // { recorded: ['desk'], without: ['old'] }
 */
export function ticketResponseSources(
  files: ReadonlyArray<Pick<FileAccount, 'kind' | 'source' | 'fields' | 'rows'>>,
): TicketResponseSources {
  const bySource = new Map<string, Array<Pick<FileAccount, 'fields' | 'rows'>>>();
  for (const f of files) {
    if (f.kind !== 'tickets') continue;
    const list = bySource.get(f.source);
    if (list) list.push(f);
    else bySource.set(f.source, [f]);
  }
  const out: TicketResponseSources = { recorded: [], without: [] };
  for (const [source, list] of bySource) {
    const read = list.filter((f) => f.rows > 0);
    const has = (f: Pick<FileAccount, 'fields'>) => f.fields.includes('firstResponseMs');
    const recorded = read.length > 0 ? read.every(has) : list.some(has);
    (recorded ? out.recorded : out.without).push(source);
  }
  return out;
}
