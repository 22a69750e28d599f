/**
 * Parsed-file cache keyed by content: a file whose bytes (SHA-256) and mapping are unchanged
 * is not parsed again; its accepted records and row accounting are replayed from the cache.
 * So adding next month's exports parses only the new files. Entries are v8-serialised
 * (typed arrays stay binary) and written atomically; an unreadable entry is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ReviewConfig, SourceConfig } from '../config/config-schema.ts';
import type { CheckStatus, SurveyResponse, TicketRecord } from '../model/records.ts';
import { writeFileAtomic } from '../pipeline/atomic-write.ts';
import type { FileAccount } from './file-account.ts';
import type { Preset } from './presets.ts';

/** Bump when the cached layout or the meaning of parsed records changes. */
export const CACHE_FORMAT = 1;

const STATUS_NAMES: CheckStatus[] = ['up', 'degraded', 'down'];
const STATUS_INDEX: Record<CheckStatus, number> = { up: 0, degraded: 1, down: 2 };

export interface CachedChecks {
  services: string[];
  probes: string[];
  service: Uint16Array;
  probe: Uint16Array;
  timesMs: Float64Array;
  statuses: Uint8Array;
  /** NaN where the check had no latency. */
  latenciesMs: Float32Array;
}

export interface CachedFile {
  format: number;
  /** The file's account as read, before cross-file duplicates were settled. */
  account: FileAccount;
  checks: CachedChecks | null;
  tickets: TicketRecord[];
  /** Responses with the row-content key that identifies duplicates of responses without an id. */
  surveys: Array<{ survey: SurveyResponse; contentKey: string }>;
}

/** The cache key: file content, the source's mapping and everything it consults, and the tool version. */
export function cacheKey(sha256: string, source: SourceConfig, preset: Preset | null, config: ReviewConfig, toolVersion: string): string {
  const mapping = {
    format: CACHE_FORMAT,
    toolVersion,
    source,
    preset,
    timeZone: config.review.timeZone,
    services: config.services.map((s) => [s.id, s.name, s.aliases]),
    priorities: config.priorities.map((p) => [p.id, p.words]),
    surveys: config.surveys,
  };
  return createHash('sha256').update(sha256).update(JSON.stringify(mapping)).digest('hex');
}

/** Collects one file's accepted records in arrival order, for the cache. */
export class FileRecorder {
  private readonly serviceIds = new Map<string, number>();
  private readonly probeIds = new Map<string, number>();
  private svc: number[] = [];
  private prb: number[] = [];
  private times: number[] = [];
  private statuses: number[] = [];
  private latencies: number[] = [];
  readonly tickets: TicketRecord[] = [];
  readonly surveys: Array<{ survey: SurveyResponse; contentKey: string }> = [];

  addCheck(service: string, probe: string, timeMs: number, status: CheckStatus, latencyMs: number | null): void {
    let s = this.serviceIds.get(service);
    if (s === undefined) this.serviceIds.set(service, (s = this.serviceIds.size));
    let p = this.probeIds.get(probe);
    if (p === undefined) this.probeIds.set(probe, (p = this.probeIds.size));
    this.svc.push(s);
    this.prb.push(p);
    this.times.push(timeMs);
    this.statuses.push(STATUS_INDEX[status]);
    this.latencies.push(latencyMs ?? Number.NaN);
  }

  finish(account: FileAccount): CachedFile {
    const checks: CachedChecks | null =
      this.times.length === 0
        ? null
        : {
            services: [...this.serviceIds.keys()],
            probes: [...this.probeIds.keys()],
            service: Uint16Array.from(this.svc),
            probe: Uint16Array.from(this.prb),
            timesMs: Float64Array.from(this.times),
            statuses: Uint8Array.from(this.statuses),
            latenciesMs: Float32Array.from(this.latencies),
          };
    return { format: CACHE_FORMAT, account: structuredClone(account), checks, tickets: this.tickets, surveys: this.surveys };
  }
}

/** Replays cached checks in their original order. */
export function replayChecks(
  checks: CachedChecks,
  add: (service: string, probe: string, timeMs: number, status: CheckStatus, latencyMs: number | null) => void,
): void {
  for (let i = 0; i < checks.timesMs.length; i++) {
    const latency = checks.latenciesMs[i] as number;
    add(
      checks.services[checks.service[i] as number] as string,
      checks.probes[checks.probe[i] as number] as string,
      checks.timesMs[i] as number,
      STATUS_NAMES[checks.statuses[i] as number] as CheckStatus,
      Number.isNaN(latency) ? null : latency,
    );
  }
}

export function readCache(dir: string, key: string): CachedFile | null {
  const file = path.join(dir, `${key}.v8`);
  if (!existsSync(file)) return null;
  try {
    const data = deserialize(readFileSync(file)) as CachedFile;
    return data.format === CACHE_FORMAT ? data : null;
  } catch {
    return null;
  }
}

export function writeCache(dir: string, key: string, data: CachedFile): void {
  writeFileAtomic(path.join(dir, `${key}.v8`), serialize(data));
}
