// Browser tests in Debian's chromium (`npm run test:e2e`).
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': '@swc/jest' },
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
