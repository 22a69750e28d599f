import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { ingestSources } from '../../src/lib/ingest/ingest-sources.ts';
import { buildSnapshots } from '../../src/lib/snapshot/build-snapshots.ts';
import { periodSnapshotSchema, snapshotJsonSchema } from '../../src/lib/snapshot/snapshot-schema.ts';

const MINI = path.resolve('test/fixtures/mini');

describe('snapshot schema', () => {
  it('docs/snapshot.schema.json is in step with the zod schema (regenerate: npm run docs:schema)', () => {
    expect(JSON.parse(readFileSync(path.resolve('docs/snapshot.schema.json'), 'utf8'))).toEqual(snapshotJsonSchema());
  });

  it('a built snapshot validates, and a tampered one does not', async () => {
    const config = loadConfig(path.join(MINI, 'review.config.yaml'));
    const ingest = await ingestSources(config, MINI, { info() {} });
    const [snap] = buildSnapshots(config, ingest, resolveRules(config), { toolVersion: 't', configSha256: 'x' });
    expect(periodSnapshotSchema.safeParse(snap).success).toBe(true);
    const tampered = structuredClone(snap) as unknown as { services: Array<Record<string, unknown>> };
    (tampered.services[0] as Record<string, unknown>).availability = 1.5;
    expect(periodSnapshotSchema.safeParse(tampered).success).toBe(false);
    const extra = { ...structuredClone(snap), surprise: 1 };
    expect(periodSnapshotSchema.safeParse(extra).success).toBe(false);
  });
});
