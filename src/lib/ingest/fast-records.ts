/**
 * The fast path for ticket and survey exports: the lines the shared line loop (line-loop.ts)
 * takes (no quote, one line each, valid UTF-8, nothing to report) are split at the delimiter
 * here instead of by the general reader (csv-stream.ts), and handed to the same row mapper
 * (row-mappers.ts), which judges every cell as on the general path; the loop hands the rest of
 * the file to the general reader at the first line it does not take. So the records, the
 * rejects with their line numbers and the row accounting are the same as the general path's;
 * test/ingest/fast-records.test.ts and test/ingest/paths-agree.test.ts check that.
 *
 * For such a line the general reader gives exactly the text between delimiters. Each cell is
 * decoded from its bytes on its own, so the strings kept in records hold no reference to a
 * larger text (a substring of the line would keep the whole line alive with every ticket title).
 */
import type { Rejection, RowAccount } from './file-account.ts';
import type { LineRows } from './line-loop.ts';
import type { RowContext } from './row-mappers.ts';

export class FastRecordRows implements LineRows {
  private readonly map: (fields: string[], line: number) => RowContext | Rejection;
  private readonly accept: (ctx: RowContext) => void;
  private readonly account: RowAccount;
  /** The delimiter's byte. */
  private readonly delimiter: number;

  /**
   * @param map the file's row mapper
   * @param accept where accepted records go
   * @param account the file's account
   * @param delimiter the field delimiter, one ASCII character (a byte never inside a UTF-8 character)
   */
  constructor(
    map: (fields: string[], line: number) => RowContext | Rejection,
    accept: (ctx: RowContext) => void,
    account: RowAccount,
    delimiter: string,
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f)
      throw new Error(`FastRecordRows needs a one-character ASCII delimiter, got ${JSON.stringify(delimiter)}`);
    this.map = map;
    this.accept = accept;
    this.account = account;
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** One data line `buf[pos, lineEnd)`, its cells each decoded on its own. */
  row(buf: Buffer, pos: number, lineEnd: number, line: number): void {
    const delimiter = this.delimiter;
    const fields: string[] = [];
    let a = pos;
    for (let i = pos; i < lineEnd; i++)
      if (buf[i] === delimiter) {
        fields.push(buf.toString('utf8', a, i));
        a = i + 1;
      }
    fields.push(buf.toString('utf8', a, lineEnd));
    const out = this.map(fields, line);
    if ('reason' in out) this.account.reject(out);
    else {
      if (out.kind === 'rollup') this.account.acceptSpan(out.timeMs, out.lastMs);
      else this.account.accept(out.timeMs, out.kind === 'check' ? undefined : out.unconfigured);
      this.accept(out);
    }
  }
}
