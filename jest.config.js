// Unit and HTTP tests: everything that needs no browser (`npm test`).
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': '@swc/jest', '^.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  // openid-client, oidc-provider, otplib and their parts are ES modules only: jest's own module loader cannot require
  // them on Node 20 (Node itself can), so they are compiled to CommonJS for the tests.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose|oidc-provider|otplib|@otplib|@noble|@scure|koa|@koa|quick-lru|nanoid|eta)/)'],
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/http/**/*.test.ts'],
  // Every supertest answer under /api/v1 is checked against the OpenAPI document (#22.4).
  setupFilesAfterEnv: ['<rootDir>/test/helpers/openapi-setup.ts'],
};
