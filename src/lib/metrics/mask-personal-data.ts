/** Moved to src/lib/util/ (issue #13) so ingest can mask rejected values without importing metrics. */
export { maskPersonalData } from '../util/mask-personal-data.ts';
