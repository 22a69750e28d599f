/**
 * The site formats the same instants and period names many times over: an outage is listed on
 * its service's page and CSV, on its period's page and CSV, and again in the quarter's and the
 * year's; every page of a month names the month several times. formatInstant and formatMonth go
 * through Intl, which is slow, so during a build each text is made once and kept. The text is
 * format.ts's own (these only remember it), so pages read exactly as before.
 */
import { formatInstant, formatMonth } from '../format/format.ts';
import type { Locale } from '../model/locales.ts';
import { formatInstantIn, formatPeriodIn } from './i18n/locale-format.ts';

const instants = new Map<string, Map<number, string>>();
const months = new Map<string, string>();
const periodsIn = new Map<Locale, Map<string, string>>();
const instantsIn = new Map<string, Map<number, string>>();

/** A text kept in a two-level cache (zone or locale, then the value), made once. */
function remembered<A, B>(cache: Map<A, Map<B, string>>, a: A, b: B, make: () => string): string {
  let inner = cache.get(a);
  if (!inner) {
    inner = new Map();
    cache.set(a, inner);
  }
  let text = inner.get(b);
  if (text === undefined) {
    text = make();
    inner.set(b, text);
  }
  return text;
}

/** formatInstant, remembered per zone and instant. */
export function formatInstantCached(ms: number | null, zone: string): string {
  if (ms === null) return formatInstant(ms, zone);
  return remembered(instants, zone, ms, () => formatInstant(ms, zone));
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

/** formatPeriodIn, remembered per locale and period id (English: formatMonth's text, as above). */
export function formatPeriodCached(id: string, locale: Locale): string {
  return remembered(periodsIn, locale, id, () => formatPeriodIn(id, locale));
}

/** formatInstantIn, remembered per locale, zone and instant (English: formatInstantCached's text). */
export function formatInstantInCached(ms: number | null, zone: string, locale: Locale): string {
  if (locale === 'en' || ms === null) return formatInstantCached(ms, zone);
  return remembered(instantsIn, `${locale} ${zone}`, ms, () => formatInstantIn(ms, zone, locale));
}
