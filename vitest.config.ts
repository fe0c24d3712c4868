import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One seed for every property test: a failure replays exactly (tests/helpers/fc-seed.ts).
    setupFiles: ['tests/helpers/fc-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end tests spawn the real CLI and LibreOffice; two workers fit a 2-core machine.
    maxWorkers: 2,
  },
});
