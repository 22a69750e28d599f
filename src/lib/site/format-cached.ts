/**
 * The site formats the same instants and period names many times over: an outage is listed on
 * its service's page and CSV, on its period's page and CSV, and again in the quarter's and the
 * year's; every page of a month names the month several times. formatInstant and formatMonth go
 * through Intl, which is slow, so during a build each text is made once and kept. The text is
 * format.ts's own (these only remember it), so pages read exactly as before.
 */
import { formatInstant, formatMonth } from '../format/format.ts';
import type { Locale } from '../model/locales.ts';
import { formatPeriodIn } from './i18n/locale-format.ts';

const instants = new Map<string, Map<number, string>>();
const months = new Map<string, string>();

/** formatInstant, remembered per zone and instant. */
export function formatInstantCached(ms: number | null, zone: string): string {
  if (ms === null) return formatInstant(ms, zone);
  let inZone = instants.get(zone);
  if (!inZone) {
    inZone = new Map();
    instants.set(zone, inZone);
  }
  let text = inZone.get(ms);
  if (text === undefined) {
    text = formatInstant(ms, zone);
    inZone.set(ms, text);
  }
  return text;
}

/** formatMonth, remembered per period id. */
export function formatMonthCached(id: string): string {
  let text = months.get(id);
  if (text === undefined) {
    text = formatMonth(id);
    months.set(id, text);
  }
  return text;
}

const periodsIn = new Map<Locale, Map<string, string>>();

/** formatPeriodIn, remembered per locale and period id (English: formatMonth's text, as above). */
export function formatPeriodCached(id: string, locale: Locale): string {
  let inLocale = periodsIn.get(locale);
  if (!inLocale) {
    inLocale = new Map();
    periodsIn.set(locale, inLocale);
  }
  let text = inLocale.get(id);
  if (text === undefined) {
    text = formatPeriodIn(id, locale);
    inLocale.set(id, text);
  }
  return text;
}
