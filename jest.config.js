/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Same key as the ts-jest preset so this entry replaces it. `isolatedModules`
  // inside the ts-jest options is deprecated in ts-jest 29.4 (removed in 30);
  // setting it as an inline compiler option (merged over tsconfig.json) gives the
  // same per-file transpileModule fast path without type-checking.
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true } }],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
