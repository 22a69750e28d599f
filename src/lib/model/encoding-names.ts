/**
 * The encodings a source may name: one rule for the config check and the reader (ingest/open-export.ts),
 * so a misspelt name is a config error before any file is opened, not a file error in every file.
 */
import iconv from 'iconv-lite';
import { closestName } from '../util/did-you-mean.ts';

/** Configured names → the name reported and decoded with; anything else must be an iconv-lite encoding. */
const ENCODING_ALIASES = new Map([
  ['utf8', 'utf-8'],
  ['utf-8', 'utf-8'],
  ['utf16le', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
  ['utf16be', 'utf-16be'],
  ['utf-16be', 'utf-16be'],
  ['gb18030', 'gb18030'],
  ['gbk', 'gbk'],
]);

/** The names the messages offer. */
export const ENCODINGS_OFFERED = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'auto'] as const;

/**
 * The encoding a configured name means: `auto`, one of the offered names, or another name iconv-lite
 * decodes (`windows-1252`, `big5`); null for a name that means none.
 * @example encodingName(' UTF8 ') // 'utf-8'
 * @example encodingName('gb1830') // null
 */
export function encodingName(configured: string): string | null {
  const key = configured.trim().toLowerCase();
  if (key === 'auto') return 'auto';
  const known = ENCODING_ALIASES.get(key);
  if (known) return known;
  return iconv.encodingExists(key) ? key : null;
}

/**
 * What is wrong with a configured name, for a message: `unknown encoding "gb1830"; did you mean gb18030? (expected …)`.
 * @example unknownEncoding('gb1830') // 'unknown encoding "gb1830"; did you mean gb18030? (expected utf-8, utf-16le, utf-16be, gb18030, gbk or auto)'
 */
export function unknownEncoding(configured: string): string {
  const near = closestName(configured.trim(), [...ENCODINGS_OFFERED]);
  return `unknown encoding "${configured}"${near === null ? '' : `; did you mean ${near}?`} (expected utf-8, utf-16le, utf-16be, gb18030, gbk or auto)`;
}
