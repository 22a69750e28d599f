/**
 * Presets: column and value mappings for the exports of known tools. A preset is data, not a
 * parser; a source's own `columns` and `values` override it.
 */
export interface Preset {
  id: string;
  kind: 'checks' | 'tickets' | 'surveys';
  /** What tool and export this preset reads. */
  description: string;
  /** Canonical field → header name(s). */
  columns: Record<string, string | string[]>;
  /** Per field, source word → canonical value. */
  values: Record<string, Record<string, string>>;
  /** Field order of slash dates. */
  dateOrder?: 'ymd' | 'dmy' | 'mdy';
  /** Zone of naive timestamps when the source sets none. */
  timeZone?: string;
  /** Words that mean "no value" (e.g. ServiceNow's "?"). */
  missing?: string[];
}

export const PRESETS: Preset[] = [];

/** The preset with this id, or null. */
export function presetFor(id: string): Preset | null {
  return PRESETS.find((p) => p.id === id) ?? null;
}
