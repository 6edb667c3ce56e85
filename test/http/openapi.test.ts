// The OpenAPI 3.1 document (#22.4): valid by a kept OpenAPI validator, served at /api/v1/openapi.json with the API's
// caching rules and BASE_URL's address, describing every API route; and the check that holds every API answer in the
// tests to it (test/helpers/openapi-setup.ts) is installed and catches what it must.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { openApiDocument } from '../../src/modules/api/openapi';
import { declaredRoutes } from '../helpers/routes';
import { buildJourney } from '../helpers/journeys';
import { OpenApiCheck, openApiCheck } from '../helpers/openapi-check';
import { createMunicipality, makeTestApp, TEST_BASE_URL, type TestApp } from '../helpers/test-app';

let t: TestApp;

beforeAll(() => {
  t = makeTestApp();
  createMunicipality(t.services, 'beskriv', 'Beskrivelse kommune', { premoderation: false });
  buildJourney(t.services, 'beskriv', { slug: 'reise', phases: { Fase: ['Steg'] }, publish: true });
});
afterAll(() => t.close());

/** The validator's own command, run by Node as the ES module it is (jest would have to compile it to CommonJS). */
function validateWithCli(document: unknown): { valid: boolean; errors?: unknown } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document));
  const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
  try {
    return JSON.parse(execFileSync(process.execPath, [cli, file], { encoding: 'utf8' }));
  } catch (err) {
    const out = (err as { stdout?: string }).stdout;
    return out ? JSON.parse(out) : { valid: false, errors: String(err) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document by @seriousme/openapi-schema-validator', () => {
    const result = validateWithCli(openApiDocument(TEST_BASE_URL));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  }, 30_000);

  it('is refused by the same validator when broken, so the check above can fail', () => {
    const broken = openApiDocument(TEST_BASE_URL) as unknown as { paths: Record<string, { get: { responses: unknown } }> };
    broken.paths['/municipalities']!.get.responses = 'none';
    expect(validateWithCli(broken).valid).toBe(false);
  }, 30_000);

  it('is served at /api/v1/openapi.json with the address from BASE_URL and the API\'s caching rules', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json').set('Host', 'evil.example').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(TEST_BASE_URL))));
    expect(res.body.servers).toEqual([{ url: `${TEST_BASE_URL}/api/v1`, description: 'This portal' }]);
    expect(res.text).not.toContain('evil.example');
    expect(res.headers['cache-control']).toBe('public, max-age=10, s-maxage=10, stale-while-revalidate=60');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['set-cookie']).toBeUndefined();
    await request(t.app).get('/api/v1/openapi.json').set('If-None-Match', res.headers.etag as string).expect(304);
    await request(t.app).get('/api/v1/openapi.json?x=1').expect(400);
  });

  it('describes every route the app serves under /api/v1, and no route it does not serve', () => {
    const served = new Set(
      declaredRoutes(t.app)
        .filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/'))
        .map((r) => r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')),
    );
    expect(new Set(Object.keys(openApiDocument(TEST_BASE_URL).paths))).toEqual(served);
  });

  it('documents the query parameters with their limits and the cursor paging', () => {
    const doc = openApiDocument(TEST_BASE_URL);
    const params = doc.paths['/municipalities/{municipality}/candidates'].parameters as { name: string; in: string; schema: Record<string, unknown> }[];
    expect(params.map((p) => `${p.in}:${p.name}`)).toEqual(['path:municipality', 'query:journey', 'query:limit', 'query:cursor']);
    expect(params[2]!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200, default: 50 });
    expect(params[3]!.schema).toMatchObject({ maxLength: 400 });
    expect(Object.keys(doc.components.schemas.CandidatePage.properties)).toEqual(
      expect.arrayContaining(['asOf', 'limit', 'candidates', 'nextCursor', 'next']),
    );
  });
});

describe('every API answer in the tests is checked against the document', () => {
  it('walks the whole API, errors, HEAD and preflights included, each answer checked by the set-up', async () => {
    const paths = [
      '/api/v1/municipalities',
      '/api/v1/municipalities/beskriv/journeys',
      '/api/v1/municipalities/beskriv/journeys/reise',
      '/api/v1/municipalities/beskriv/candidates?limit=1',
      '/api/v1/municipalities/beskriv/candidates.csv',
      '/api/v1/dcat.jsonld',
      '/api/v1/municipalities/ingen/journeys',
      '/api/v1/municipalities/beskriv/journeys/ingen',
      '/api/v1/municipalities/beskriv/candidates?limit=0',
      '/api/v1/municipalities/beskriv/candidates?cursor=%%%',
      '/api/v1/finnes-ikke',
    ];
    for (const p of paths) {
      await request(t.app).get(p);
      await request(t.app).head(p);
      await request(t.app).options(p).expect(204);
      await request(t.app).post(p).expect(405);
      await request(t.app).delete(p).expect(405);
    }
  });

  it('fails a supertest request whose answer has a field the document does not list', async () => {
    // A stand-in API answering one field too many: the set-up turns the answer into a failed request.
    const fake = express();
    fake.get('/api/v1/municipalities', (_req, res) => {
      res.set({ ETag: '"x"', 'Cache-Control': 'public, max-age=10, s-maxage=10, stale-while-revalidate=60', 'Access-Control-Allow-Origin': '*' });
      res.json({ municipalities: [{ slug: 'a', name: 'A', kommunenummer: '1234', url: '/a', secret: 'leak' }] });
    });
    await expect(request(fake).get('/api/v1/municipalities')).rejects.toThrow(/OpenAPI: .*must NOT have additional properties/s);
    // Outside /api/v1 nothing is checked.
    fake.get('/other', (_req, res) => res.json({ anything: true }));
    await request(fake).get('/other').expect(200);
  });

  it('finds a missing field, an undescribed status, a wrong media type and a missing header', () => {
    const check = openApiCheck();
    const headers = { 'content-type': 'application/json', etag: '"x"', 'cache-control': 'public, max-age=10, s-maxage=10, stale-while-revalidate=60', 'access-control-allow-origin': '*' };
    const ok = { municipalities: [{ slug: 'a', name: 'A', kommunenummer: '1234', url: '/a' }] };
    const answer = (status: number, body: unknown, h: Record<string, string> = headers) => ({ status, headers: h, body, text: JSON.stringify(body) });
    expect(check.problem('GET', '/api/v1/municipalities', answer(200, ok))).toBeUndefined();
    expect(check.problem('GET', '/api/v1/municipalities', answer(200, { municipalities: [{ slug: 'a', name: 'A', url: '/a' }] }))).toMatch(/kommunenummer/);
    expect(check.problem('GET', '/api/v1/municipalities', answer(418, ok))).toMatch(/418 is not among/);
    expect(check.problem('GET', '/api/v1/municipalities', answer(200, ok, { ...headers, 'content-type': 'text/html' }))).toMatch(/media type/);
    const { etag: _etag, ...withoutEtag } = headers;
    expect(check.problem('GET', '/api/v1/municipalities', answer(200, ok, withoutEtag))).toMatch(/ETag/);
    expect(check.problem('GET', '/api/v1/nowhere', answer(200, ok))).toMatch(/must answer 404/);
    expect(check.problem('GET', '/elsewhere', answer(200, ok))).toBeUndefined();
    // A document of its own, to show the checker reads the document it is given.
    const strict = new OpenApiCheck(JSON.parse(JSON.stringify(openApiDocument(TEST_BASE_URL))));
    expect(strict.problem('GET', '/api/v1/municipalities', answer(200, ok))).toBeUndefined();
  });
});
