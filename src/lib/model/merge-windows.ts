import type { TimeWindow } from './rules.ts';

/**
 * Sorts windows and merges those that overlap or touch, so every instant is counted once.
 * Empty or inverted windows are dropped.
 * @example mergeWindows([{startMs: 5, endMs: 9}, {startMs: 0, endMs: 6}, {startMs: 9, endMs: 12}]) // [{startMs: 0, endMs: 12}]
 */
export function mergeWindows(windows: readonly TimeWindow[]): TimeWindow[] {
  const sorted = windows.filter((w) => w.endMs > w.startMs).sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const out: TimeWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.startMs <= last.endMs) last.endMs = Math.max(last.endMs, w.endMs);
    else out.push({ startMs: w.startMs, endMs: w.endMs });
  }
  return out;
}
