import { defineConfig } from 'vitest/config';

// Unit tests run in parallel and need no Redis: pure logic, the use cases on
// the in-memory fakes (test/fakes) and the contract suites run on those fakes
// (`npm run test:unit` runs this project alone). Tests against Redis/BullMQ and
// the fake platforms run one file at a time (2-core machines, timing-sensitive jobs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/unit/**/*.test.ts',
            'test/usecases/**/*.test.ts',
            'test/contracts/**/*.memory.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'test/integration/**/*.test.ts',
            'test/e2e/**/*.test.ts',
            'test/contracts/**/*.redis.test.ts',
          ],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
