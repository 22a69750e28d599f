/**
 * Reads and validates the review config. All problems are collected and reported together,
 * each with the path of the bad value and what was found there.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ReviewError } from '../errors.ts';
import { isValidTimeZone } from '../time/zoned-time.ts';
import { formatIssues } from '../util/format-zod-issues.ts';
import { crossReferenceIssues, type ReviewConfig, reviewConfigSchema } from './config-schema.ts';
import { maintenanceWindow, sourceAsOf } from './resolve-rules.ts';

type Loose = Record<string, unknown>;

/**
 * Times in the config that are not real instants: maintenance windows (a time that cannot be read,
 * does not exist or is ambiguous in the review zone, or an end not after the start) and sources'
 * `asOf` horizons. Read from
 * the raw config, so these show with every other problem; the same function resolves the
 * windows later (resolve-rules.ts), so validation and use never disagree.
 */
function maintenanceIssues(raw: unknown): Array<{ path: Array<string | number>; message: string }> {
  if (raw === null || typeof raw !== 'object') return [];
  const cfg = raw as Loose;
  const review = (cfg.review ?? {}) as Loose;
  const zone = typeof review.timeZone === 'string' ? review.timeZone : 'UTC';
  if (!isValidTimeZone(zone)) return [];
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  if (Array.isArray(cfg.sources))
    cfg.sources.forEach((src: unknown, i) => {
      const asOf = (src as Loose | null)?.asOf;
      if (typeof asOf !== 'string') return;
      const r = sourceAsOf(asOf, zone);
      if ('problem' in r) out.push({ path: ['sources', i, 'asOf'], message: r.problem });
    });
  if (!Array.isArray(cfg.maintenance)) return out;
  cfg.maintenance.forEach((m: unknown, i) => {
    if (m === null || typeof m !== 'object') return;
    const { service, from, to, reason } = m as Loose;
    if (typeof from !== 'string' || typeof to !== 'string') return;
    const r = maintenanceWindow({ service: String(service), from, to, reason: typeof reason === 'string' ? reason : undefined }, zone);
    for (const p of r.problems) out.push({ path: ['maintenance', i, p.key], message: p.message });
  });
  return out;
}

/** Validates a parsed config object; throws a ReviewError listing every problem. */
export function validateConfig(raw: unknown, file = 'review.config.yaml'): ReviewConfig {
  const result = reviewConfigSchema.safeParse(raw);
  const maintenance = maintenanceIssues(raw);
  if (result.success && maintenance.length === 0) return result.data;
  // zod skips whole-config checks when the shape is wrong; run them on the raw input so every
  // problem shows at once (formatIssues drops the repeats when zod did run them).
  const cross = [...(result.success ? [] : crossReferenceIssues(raw)), ...maintenance];
  const problems = formatIssues(
    [
      ...(result.success ? [] : result.error.issues),
      ...cross.map((c) => ({ ...c, code: 'custom' as const, input: undefined })),
    ] as z.core.$ZodIssue[],
    raw,
    reviewConfigSchema,
  );
  throw new ReviewError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the config`, problems);
}

/** Reads a YAML config file and validates it. */
export function loadConfig(file: string): ReviewConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ReviewError(`${file}: cannot read the config file (does it exist?)`);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ReviewError(
      `${file}: the config is not valid YAML`,
      doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
    );
  }
  return validateConfig(doc.toJS(), file);
}
