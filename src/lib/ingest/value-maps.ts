/**
 * Source words → canonical values. Matching is case-insensitive and ignores surrounding
 * spaces; a word no map knows is a rejected row, never a guess.
 */
import type { ReviewConfig } from '../config/config-schema.ts';
import type { CheckStatus } from '../model/records.ts';

const DEFAULT_STATUS_WORDS: Record<string, CheckStatus> = {};
for (const w of ['up', 'ok', 'success', 'pass', 'true', '1']) DEFAULT_STATUS_WORDS[w] = 'up';
for (const w of ['degraded', 'warn', 'warning', 'slow']) DEFAULT_STATUS_WORDS[w] = 'degraded';
for (const w of ['down', 'fail', 'failed', 'failure', 'error', 'critical', 'false', '0']) DEFAULT_STATUS_WORDS[w] = 'down';

const norm = (s: string) => s.trim().toLowerCase();

/** Maps status words: the source's own map first, then the defaults, then HTTP codes (2xx/3xx up, 5xx down). */
export function statusMapper(sourceMap: Record<string, string> = {}): (word: string) => CheckStatus | null {
  const own = new Map(Object.entries(sourceMap).map(([k, v]) => [norm(k), v as CheckStatus]));
  return (word) => {
    const w = norm(word);
    const hit = own.get(w) ?? DEFAULT_STATUS_WORDS[w];
    if (hit) return hit;
    if (/^[1-5]\d\d$/.test(w)) {
      const code = Number(w);
      if (code >= 200 && code < 400) return 'up';
      if (code >= 500) return 'down';
    }
    return null;
  };
}

/** Maps priority words to level ids: the source's map, then each level's `words`, then the level ids. */
export function priorityMapper(config: ReviewConfig, sourceMap: Record<string, string> = {}): (word: string) => string | null {
  const m = new Map<string, string>();
  for (const level of config.priorities) {
    m.set(norm(level.id), level.id);
    for (const w of level.words) m.set(norm(w), level.id);
  }
  for (const [k, v] of Object.entries(sourceMap)) m.set(norm(k), v);
  return (word) => m.get(norm(word)) ?? null;
}

/** Maps service names to service ids: the source's map, then ids, then aliases and display names. */
export function serviceMapper(config: ReviewConfig, sourceMap: Record<string, string> = {}): (word: string) => string | null {
  const m = new Map<string, string>();
  for (const s of config.services) {
    m.set(norm(s.name), s.id);
    for (const a of s.aliases) m.set(norm(a), s.id);
    m.set(norm(s.id), s.id);
  }
  for (const [k, v] of Object.entries(sourceMap)) m.set(norm(k), v);
  return (word) => m.get(norm(word)) ?? null;
}
