import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['mock-server/**/*.test.ts', 'scenarios/**/*.test.ts', 'test/**/*.test.ts', 'fixtures/**/*.test.ts'],
    exclude: ['node_modules', 'trainer-ui/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
