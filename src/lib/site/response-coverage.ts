/**
 * The note on which tickets the first-response figures cover, where some ticket sources record
 * first responses and some do not (snapshot `tickets.responseCoverage`, decided once per build by
 * snapshot/ticket-response-sources.ts). One sentence for the ticket table, the tickets page and
 * the method page, in the page's language.
 */
import type { Locale } from '../model/locales.ts';
import type { PeriodSnapshot } from '../snapshot/build-snapshots.ts';
import { dictionary } from './i18n/dictionaries.ts';

/**
 * @returns the sentence, or null where every ticket source records first responses or none does
 * @example responseCoverageNote({ recorded: ['desk'], without: ['legacy'] }, 'en')
 * // 'First-response figures cover the tickets of desk only: the exports of legacy record no first responses, so those tickets are judged on resolution alone.'
 */
export function responseCoverageNote(coverage: PeriodSnapshot['tickets']['responseCoverage'], locale: Locale): string | null {
  if (coverage === undefined) return null;
  const t = dictionary(locale);
  return t.review.responseCoverage(coverage.recorded.join(t.punct.comma), coverage.without.join(t.punct.comma));
}

/**
 * The short form, after the first-response count on the headline card and in the digest, so a
 * figure read without the ticket table still says whose tickets it counts.
 * @returns the words, or '' where every ticket source records first responses or none does
 * @example responseCoverageShort({ recorded: ['desk'], without: ['legacy'] }, 'en') // ' (tickets of desk only)'
 */
export function responseCoverageShort(coverage: PeriodSnapshot['tickets']['responseCoverage'], locale: Locale): string {
  if (coverage === undefined) return '';
  const t = dictionary(locale);
  return t.review.responseCoverageShort(coverage.recorded.join(t.punct.comma));
}
