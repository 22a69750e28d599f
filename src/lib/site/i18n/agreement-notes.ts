/**
 * The sentence beside each source's agreement rate (issue #16). The snapshot keeps it in English:
 * the tool's generic note (snapshot/review-coverage.ts) or a preset's (config/presets.ts
 * sourceVerdictNote, which the English dictionary repeats word for word; a test holds them
 * equal). A page shows those in its language; a note written in the review's own config is the
 * user's text and is shown as written.
 * @example agreementNoteIn(GENERIC_AGREEMENT_NOTE, 'zh-CN') // '两者不一致时，源系统所用的截止时间…'
 */
import type { Locale } from '../../model/locales.ts';
import { type Dictionary, dictionary } from './dictionaries.ts';

/** The tool's notes in one language, in a fixed order (field and tool names read as written in every language). */
function toolNotes(r: Dictionary['review']): string[] {
  return [
    r.genericAgreement,
    r.presetAgreement['servicenow-incident']('made_sla', 'closed_at', 'ServiceNow'),
    r.presetAgreement['boston-311'],
  ];
}

const notes = new Map<Locale, Map<string, string>>();

/** A source-agreement note in a page's language: the tool's own notes translated, any other as written. */
export function agreementNoteIn(text: string, locale: Locale): string {
  let m = notes.get(locale);
  if (!m) {
    const theirs = toolNotes(dictionary(locale).review);
    m = new Map(toolNotes(dictionary('en').review).map((english, i) => [english, theirs[i] as string]));
    notes.set(locale, m);
  }
  return m.get(text) ?? text;
}
