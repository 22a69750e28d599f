/** Writes docs/snapshot.schema.json, the published JSON Schema of period snapshots. */
import { writeFileSync } from 'node:fs';
import { snapshotJsonSchema } from '../src/lib/snapshot/snapshot-schema.ts';

writeFileSync(new URL('../docs/snapshot.schema.json', import.meta.url), `${JSON.stringify(snapshotJsonSchema(), null, 2)}\n`);
console.log('wrote docs/snapshot.schema.json');
