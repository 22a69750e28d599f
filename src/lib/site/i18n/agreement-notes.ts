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
import { plainRich } from './rich-text.ts';

/**
 * The tool's notes in one language, in a fixed order. Field and tool names read as written in every
 * language; `field` sets a field name (as plain text, to match the snapshot's; as code, to show).
 */
function toolNotes(r: Dictionary['review'], field: (name: string) => string = (name) => name): string[] {
  return [
    r.genericAgreement,
    r.presetAgreement['servicenow-incident'](field('made_sla'), field('closed_at'), 'ServiceNow'),
    r.presetAgreement['boston-311'],
  ];
}

const notes = new Map<Locale, Map<string, string>>();
const asCode = (name: string) => `\`${name}\``;

function toolNotesIn(locale: Locale): Map<string, string> {
  let m = notes.get(locale);
  if (!m) {
    const theirs = toolNotes(dictionary(locale).review, asCode);
    m = new Map(toolNotes(dictionary('en').review).map((english, i) => [english, theirs[i] as string]));
    notes.set(locale, m);
  }
  return m;
}

/** A source-agreement note in a page's language: the tool's own notes translated, any other as written. */
export function agreementNoteIn(text: string, locale: Locale): string {
  const tool = toolNotesIn(locale).get(text);
  return tool === undefined ? text : plainRich(tool);
}

/**
 * The same note to show: a tool's note as rich text (its field names as code, for RichText.astro),
 * or null for a note written in the review's config, shown as written (never read as markup).
 */
export function agreementNoteRich(text: string, locale: Locale): string | null {
  return toolNotesIn(locale).get(text) ?? null;
}
