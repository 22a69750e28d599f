/**
 * The name of an attention item's figure in a language. The snapshot names its judged figures in
 * English (attention-section.ts); the review page and the digest both name them here, so the two
 * cannot drift. Availability items carry the service's name and recurring ones the issue's: data,
 * shown as written, so they have no name here (null).
 */
import type { Locale } from '../../model/locales.ts';
import { dictionary } from './dictionaries.ts';

export function attentionFigureName(figure: string, locale: Locale): string | null {
  const t = dictionary(locale);
  switch (figure) {
    case 'responseAttainment':
      return t.review.firstResponseSlaMet;
    case 'resolutionAttainment':
      return t.columns.resolutionSlaMet;
    case 'csat':
      return t.columns.csat;
    case 'nps':
      return t.columns.nps;
    case 'backlogAtEnd':
      return t.review.openAtEnd;
    default:
      return null;
  }
}
