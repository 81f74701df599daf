// Test runner set-up: node (engine, main-process glue, shared, integration, the hostile-caller suite), browser end to end
// (one file at a time: each starts the preview and Chromium, too heavy to run side by side on two cores), the Windows
// suite under Wine (one file at a time, each with its own prefix: npm run test:windows), and jsdom (renderer). What the
// machine lacks is named before the run and the tests that need it are counted after it (tests/prerequisites/).
// Tests seal into a folder of their own, never the person's real seal folder.
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const env = { PAUSE_GUARD_SEAL_DIR: path.join(os.tmpdir(), 'pauseguard-test-seal') };

export default defineConfig({
  test: {
    globalSetup: ['tests/prerequisites/globalSetup.ts'],
    reporters: ['default', './tests/prerequisites/notRunReporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globals: true,
          env,
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
          env,
        },
      },
      {
        test: {
          name: 'windows',
          environment: 'node',
          include: ['tests/windows/**/*.test.ts'],
          fileParallelism: false,
          // Starting a Windows process under Wine takes half a second on a quiet machine and far longer on a busy one.
          testTimeout: 180_000,
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
