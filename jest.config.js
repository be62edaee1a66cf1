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

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
  // Jest's ES-module mode keeps every test file's module graph alive in the worker that ran it
  // (each vm module stays referenced from a global handle; Node 20 and 24 alike), ~35 MB per
  // end-to-end file. Unchecked, a worker reached a 1.4 GB heap (2.7 GB RSS) by the end of the
  // suite, and collecting it outlasted Jest's 500 ms exit grace: "A worker process has failed to
  // exit gracefully". A worker past this much heap is replaced between test files instead.
  workerIdleMemoryLimit: '512MB',
};
