import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** Browser end-to-end tests: `npm run test:e2e` (needs Debian's chromium; .ci/run installs it). */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/e2e/**/*.e2e.ts'], testTimeout: 120_000 },
});
