/** The dictionary of each locale: pages take their words from dictionary(locale). */
import type { Locale } from '../../model/locales.ts';
import { type Dictionary, en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { Dictionary };

export const DICTIONARIES: Readonly<Record<Locale, Dictionary>> = { en, 'zh-CN': zhCN };

/** The interface words of a locale. */
export function dictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}
