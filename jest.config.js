// Three tiers, each runnable on its own (npm run test:unit | test:medium | test:e2e), all in npm test:
// - unit: pure logic beside the code (src/**/*.spec.ts, console/src/**/*.spec.ts), no database;
// - medium: services and repositories on a real PostgreSQL, no HTTP (test/medium);
// - e2e: the whole app over HTTP, and real server and command-line processes (test/e2e).
// Jest runs the TypeScript sources as ES modules through swc (Nest 12 is ESM-only).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
};

// One PostgreSQL and one migrated template database for the whole run, whichever tiers it includes.
const withDatabase = {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
};

export default {
  testTimeout: 60000,
  maxWorkers: 2,
  // No open handle kept workers alive at the end ("A worker process has failed to exit
  // gracefully"): they held only their pipes and reached their exit event within milliseconds. What
  // took longer than Jest's 500 ms was tearing down their heaps. Jest's ES-module mode keeps every
  // test file's module graph alive in the worker that ran it (each vm module stays referenced from a
  // global handle; Node 20 and 24 alike), ~35 MB per end-to-end file, so a worker ended the suite
  // with a 1.4 GB heap (2.7 GB RSS); freeing a few hundred MB of heap takes 0.2-0.5 s even on a quiet
  // machine. A worker past 512 MB of heap is replaced between test files, and the last ones get 3 s.
  workerIdleMemoryLimit: '512MB',
  workerGracefulExitTimeout: 3000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/console/src/**/*.spec.ts'] },
    { ...common, ...withDatabase, displayName: 'medium', testMatch: ['<rootDir>/test/medium/**/*.spec.ts'] },
    { ...common, ...withDatabase, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
