import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Pin the zone so no test depends on the machine's.
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
  },
});
