// Jest set-up for every unit and HTTP test file (jest.config.js): each supertest response to a path under /api/v1 is
// checked against the OpenAPI document (openapi-check.ts) before the test sees it, and a mismatch fails that request
// with the reason. Wrapping supertest here rather than calling a helper in each test means no API test can forget it,
// and a new API test is checked from its first line.
import supertest from 'supertest';
import type { ApiAnswer } from './openapi-check';

const API_PREFIX = '/api/v1';
/** Loaded at the first API answer, so test files that never call the API do not load the document and Ajv. */
let check: typeof import('./openapi-check') | undefined;

type Assert = (this: { method: string; url: string }, resError: unknown, res: ApiAnswer | undefined, fn: unknown) => unknown;
// The Test class is exported at run time, though its typings only declare an interface.
const proto = (supertest as unknown as { Test: { prototype: { assert: Assert; openApiChecked?: true } } }).Test.prototype;

if (!proto.openApiChecked) {
  const assert = proto.assert;
  proto.assert = function checked(resError, res, fn) {
    // A cheap test first: most test requests are pages, and their URLs need no parsing.
    if (res && this.url.includes(API_PREFIX)) {
      check ??= require('./openapi-check') as typeof import('./openapi-check');
      const problem = check.openApiCheck().problem(this.method, this.url, res);
      if (problem) return assert.call(this, new Error(`OpenAPI: ${problem}`), undefined, fn);
    }
    return assert.call(this, resError, res, fn);
  };
  proto.openApiChecked = true;
}
