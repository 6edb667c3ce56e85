// Browser tests in Debian's chromium (`npm run test:e2e`).
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': '@swc/jest', '^.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  // openid-client, oidc-provider, otplib and their parts are ES modules only: jest's own module loader cannot require
  // them on Node 20 (Node itself can), so they are compiled to CommonJS for the tests.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose|oidc-provider|otplib|@otplib|@noble|@scure|koa|@koa|quick-lru|nanoid|eta)/)'],
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
