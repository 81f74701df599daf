// Test runner set-up: node (engine, main-process glue, shared, integration), browser end to end (one file at a time:
// each starts the preview and Chromium, too heavy to run side by side on two cores), the Windows suite under Wine (one
// file at a time, each with its own prefix: npm run test:windows), and jsdom (renderer).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globals: true,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
          globals: true,
        },
      },
      {
        test: {
          name: 'windows',
          environment: 'node',
          include: ['tests/windows/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
          globals: true,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
          globals: true,
        },
      },
    ],
  },
});
