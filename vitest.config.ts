import { defineConfig } from 'vitest/config';

// Tests that run whole Astro builds share the project's .astro/ folder, so they run one file
// at a time; everything else runs in parallel.
const serial = ['test/build/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/bench/**/*.test.ts'];

export default defineConfig({
  test: {
    // Pin the zone so no test depends on the machine's.
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: serial } },
      { extends: true, test: { name: 'build', include: serial, fileParallelism: false } },
    ],
  },
});
