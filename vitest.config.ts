import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Type-level tests (expectTypeOf) fail the run through tsc, not just `npm run check`.
    typecheck: { enabled: true, include: ['tests/unit/model-types.test.ts'], tsconfig: './tsconfig.json' },
    // The Meshplay spec is bundled and linted once for the whole suite, not once per file.
    globalSetup: ['tests/support/load-meshplay-spec-once.ts'],
  },
});
