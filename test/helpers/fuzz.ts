// Arbitraries for the property-based test over every route (SECURITY.md 14): random and hostile bodies, queries,
// path parameters and headers. Field names are read from the app's own zod schemas, so a new form field is fuzzed
// without anyone adding it here.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { HOSTILE } from './hostile';

const ROOT = path.resolve(__dirname, '..', '..');
const MODULES = path.join(ROOT, 'src', 'modules');

function filesUnder(dir: string, ending: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, ending) : e.name.endsWith(ending) ? [full] : [];
  });
}

/**
 * Every key of every zod object schema exported by a module's *.schema.ts, and every field name the views write
 * (some query fields, such as the front page's search, are read without a schema).
 */
export function formFieldNames(): string[] {
  const names = new Set<string>();
  for (const file of filesUnder(MODULES, '.schema.ts')) {
    const mod = require(file) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (value instanceof z.ZodObject) Object.keys(value.shape).forEach((k) => names.add(k));
  }
  for (const file of filesUnder(path.join(ROOT, 'views'), '.ejs')) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/name(?:="|: ')([A-Za-z]\w*)['"]/g)) names.add(m[1]!);
  }
  return [...names];
}

/**
 * Markup that must never come back raw. Every marker carries `data-fuzz`, so FUZZ_ECHO finds a marker stored by an
 * earlier request too (a stored echo), not only the one just sent.
 */
export const FUZZ_ECHO = /<(?:b|svg|i) data-fuzz/;
const marker = fc
  .tuple(fc.constantFrom('<b data-fuzz=%>', '"><svg data-fuzz=% onload=alert(1)>', "'><i data-fuzz=%>"), fc.nat(9999))
  .map(([shape, n]) => shape.replace('%', String(n)));

/** Values that a field may be given: valid-looking, hostile, random, huge, and markers. */
export const fuzzValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: marker },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('', '1', '0', '-1', '5', 'true', 'on', 'nb', 'en', 'csv', 'xlsx', 'json', 'published', 'admin', 'up', 'down', 'S', 'high', 'a@b.no', '9999999999999999999999') },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(3000), '€'.repeat(600)) },
);

/** The names of the fields a page's forms carry (what a person could send next from it). */
export function fieldsOnPage(html: string): string[] {
  return [...new Set([...html.matchAll(/ name="([A-Za-z]\w*)"/g)].map((m) => m[1]!))].filter((n) => n !== 'viewport');
}

/**
 * A form body or query: mostly the fields of the route's own page, then any known field name and odd ones, single
 * values and repeated keys.
 */
export function fuzzFields(fieldNames: string[], routeFields: string[] = []): fc.Arbitrary<[string, string][]> {
  const key = fc.oneof(
    { weight: routeFields.length > 0 ? 6 : 0, arbitrary: fc.constantFrom(...(routeFields.length > 0 ? routeFields : fieldNames)) },
    { weight: 3, arbitrary: fc.constantFrom(...fieldNames) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'role', 'municipality_id', 'a[b]', 'lang', 'returnTo', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  return fc
    // Mostly one value per key, as forms send; sometimes a repeated key, which parses to an array.
    .array(fc.tuple(key, fc.oneof({ weight: 4, arbitrary: fuzzValue.map((v) => [v]) }, fc.array(fuzzValue, { minLength: 2, maxLength: 3 }))), { maxLength: 8 })
    .map((pairs) => pairs.flatMap(([k, values]) => values.map((v): [string, string] => [k, v])));
}

export function encodeFields(fields: [string, string][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of fields) params.append(k, v);
  return params.toString();
}

/** Raw strings that are not well-formed urlencoding at all. */
const brokenEncoding = fc.constantFrom('%', '%zz', 'a=%E0%A4%A', '&&==&', 'a=1&a', '=x', '%00=%00', 'a=%uD800');

export function fuzzQuery(fieldNames: string[], routeFields: string[] = []): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: fuzzFields(fieldNames, routeFields).map(encodeFields) }, { weight: 1, arbitrary: brokenEncoding });
}

export function fuzzBody(fieldNames: string[], routeFields: string[] = []): fc.Arbitrary<string> {
  return fc.oneof({ weight: 6, arbitrary: fuzzFields(fieldNames, routeFields).map(encodeFields) }, { weight: 1, arbitrary: brokenEncoding });
}

/** A path parameter: a value that reaches a handler, or anything else, percent-encoded or (sometimes) not. */
export function fuzzParam(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(valid) },
    { weight: 3, arbitrary: fuzzValue.map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('%zz', '%E0%A4%A', '..', '0', '-1', '1.5', '1e3', '99999999999999999999', ' 1', '0x10') },
  );
}

const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/x-www-form-urlencoded; charset=latin1',
  'text/plain',
  'application/json',
  'multipart/form-data; boundary=x',
];

/** Only bytes a header may carry: Node's client refuses anything else before it is sent. */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e]/g, '');

export interface FuzzHeaders {
  [name: string]: string;
}

export function fuzzHeaders(): fc.Arbitrary<FuzzHeaders> {
  const value = fuzzValue.map(headerSafe);
  return fc
    .record(
      {
        'accept-language': fc.oneof(value, fc.constantFrom('nn', 'en-GB,en;q=0.5', 'no', '*', 'x-klingon;q=2')),
        referer: value,
        'x-forwarded-for': fc.oneof(value, fc.constantFrom('1.2.3.4', '::1, 10.0.0.1', 'unknown')),
        'x-forwarded-proto': fc.constantFrom('https', 'http', 'gopher'),
        'x-forwarded-host': value,
        host: fc.oneof(value, fc.constant('evil.example')),
        'user-agent': value,
        accept: fc.constantFrom('text/html', 'application/json', '*/*', 'text/csv'),
        // Mostly a form, so that most requests get past the body parser to the handler.
        'content-type': fc.oneof({ weight: CONTENT_TYPES.length * 2, arbitrary: fc.constant(CONTENT_TYPES[0]!) }, fc.constantFrom(...CONTENT_TYPES.slice(1))),
      },
      { requiredKeys: [] },
    )
    .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''))) as fc.Arbitrary<FuzzHeaders>;
}

/** Cookies a client without a session may send: a language, a participant value, a forged session id. */
export function fuzzCookies(): fc.Arbitrary<string> {
  return fc
    .record({ lang: fuzzValue, 'rk.p': fuzzValue, 'rk.sid': fc.constantFrom('s%3Aforged.signature', 'forged', '') }, { requiredKeys: [] })
    .map((cookies) => Object.entries(cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '));
}
