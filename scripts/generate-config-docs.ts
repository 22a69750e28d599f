/** Writes docs/config.md from the config schema. */
import { writeFileSync } from 'node:fs';
import { renderConfigReference } from '../src/lib/config/config-reference.ts';

writeFileSync(new URL('../docs/config.md', import.meta.url), renderConfigReference());
console.log('wrote docs/config.md');
