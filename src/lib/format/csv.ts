/**
 * CSV for the site's downloads: RFC 4180 (comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, a double quote, CR or LF, with quotes doubled) plus two choices:
 *
 * - Formula neutralising. A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return is prefixed with a single quote (`'`), so a spreadsheet shows it as text instead of
 *   running it as a formula ("CSV injection"). This applies to every string, including one that
 *   looks like a number ("-3.5" as text from an export becomes "'-3.5"). Values the pipeline
 *   computed are passed as JavaScript numbers and are written as numbers, never prefixed: a change
 *   of −3.5 stays `-3.5` and sums in a spreadsheet. So: numbers stay numeric; text is neutralised.
 * - A UTF-8 byte-order mark starts the file, so spreadsheet programs read non-ASCII text
 *   (Chinese ticket titles, accented names) as UTF-8 instead of a legacy code page.
 *
 * `null` and `undefined` are empty fields; non-finite numbers too. Booleans are `true`/`false`.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet (see the module comment). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, neutralised and quoted as needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record (no line end). */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

export interface CsvTable {
  header: readonly string[];
  rows: ReadonlyArray<readonly CsvValue[]>;
}

/** A whole file: BOM, header, then one CRLF-terminated record per row. */
export function toCsv(table: CsvTable): string {
  const width = table.header.length;
  const lines = [csvRecord(table.header)];
  for (const row of table.rows) {
    if (row.length !== width) throw new Error(`CSV row has ${row.length} fields, the header ${width}`);
    lines.push(csvRecord(row));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A download response for an Astro endpoint. */
export function csvResponse(table: CsvTable): Response {
  return new Response(toCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
