import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships ESM (index.mjs) and CJS (index.js) copies; @apollo/subgraph loads the CJS one.
  // Node resolves `graphql` to index.js; make Vite do the same so only one graphql instance exists.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // @apollo/gateway is only a test oracle; it must never phone home.
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
    pool: 'forks',
  },
});
