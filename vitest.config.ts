import { defineConfig } from 'vitest/config';

// Tests that run whole Astro builds run one file at a time: builds from one installation share
// the tool's .astro/ folder, which Astro rewrites on every build (src/lib/site/build-site.ts), and
// they are the heaviest on two cores. Everything else runs in parallel.
const serial = [
  'test/build/**/*.test.ts',
  'test/browser/**/*.test.ts',
  'test/bench/**/*.test.ts',
  'test/site/astro-prerender-bridge.test.ts',
];

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
