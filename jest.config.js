/** Options every project shares. */
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // Same key as the ts-jest preset so this entry replaces it. `isolatedModules`
  // inside the ts-jest options is deprecated in ts-jest 29.4 (removed in 30);
  // setting it as an inline compiler option (merged over tsconfig.json) gives the
  // same per-file transpileModule fast path without type-checking.
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true } }],
  },
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // Run-wide options (jest ignores them inside a project).
  testTimeout: 30000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'eval',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      // The library suite again, on the client built with --target functions (FCALL, one Functions library).
      ...shared,
      displayName: 'functions',
      testMatch: ['<rootDir>/test/library/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/library/build.test.ts'],
      moduleNameMapper: { '^\\.\\./\\.\\./generated$': '<rootDir>/test/.generated/library-functions' },
      globalSetup: '<rootDir>/test/support/global-setup-functions.ts',
    },
    {
      // The node-redis runtime tests again on node-redis 5: the devDependency is node-redis 6, and
      // `@redis/client` (the tests' imports and the generated runtime's) resolves here to the 5.x alias.
      ...shared,
      displayName: 'node-redis-5',
      testMatch: ['<rootDir>/test/runtime/node-redis*.test.ts'],
      moduleNameMapper: { '^@redis/client(/.*)?$': '<rootDir>/node_modules/@redis/client5$1' },
      globals: { NODE_REDIS_MAJOR: 5 },
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      // The library suite again, on the client built with --client node-redis (node-redis 6, RESP3).
      ...shared,
      displayName: 'node-redis',
      testMatch: ['<rootDir>/test/library/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/library/build.test.ts'],
      moduleNameMapper: {
        '^\\.\\./\\.\\./generated$': '<rootDir>/test/.generated/library-node-redis',
        '^\\./library-client$': '<rootDir>/test/library/library-client-node-redis.ts',
      },
      globalSetup: '<rootDir>/test/support/global-setup-node-redis.ts',
    },
  ],
};
