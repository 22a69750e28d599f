/** Writes docs/glossary.md from the glossary (src/lib/site/i18n/glossary.ts). */
import { writeFileSync } from 'node:fs';
import { renderGlossary } from '../src/lib/site/i18n/glossary.ts';

writeFileSync(new URL('../docs/glossary.md', import.meta.url), renderGlossary());
console.log('wrote docs/glossary.md');
