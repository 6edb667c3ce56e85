// The open data API described in OpenAPI 3.1 (#22.4), served at /api/v1/openapi.json for data.norge.no's API
// catalogue and for client generators. Every API response in the tests is validated against it
// (test/helpers/openapi-check.ts), and every response object forbids properties it does not list, so the description
// cannot drift from the code. Enumerations come from the code's own vocabularies.
import { LOCALES } from '../../lib/i18n';
import { DEPARTMENT_KINDS } from '../departments/department-vocabulary';
import { RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';
import { HANDOVER_TEXT_FIELDS, JOURNEY_TEXT_FIELDS, PHASE_TEXT_FIELDS, STEP_TEXT_FIELDS } from '../journeys/journey-language';
import { CHANNELS, HANDOVER_KINDS, LIFE_EVENTS } from '../journeys/journey-vocabulary';
import type { ApiErrorCode } from './api-errors';
import { ALLOWED_METHODS, CACHE_CONTROL } from './api-http';
import { LIMIT_DEFAULT, LIMIT_MAX, LIMIT_MIN, SLUG_PATTERN } from './api.schema';

export const OPENAPI_VERSION = '3.1.0';

const ERROR_CODES = [
  'invalid_parameter',
  'unknown_parameter',
  'invalid_cursor',
  'cursor_expired',
  'municipality_not_found',
  'journey_not_found',
  'not_found',
  'method_not_allowed',
  'bad_request',
  'internal_error',
] as const satisfies readonly ApiErrorCode[];
// A code added to ApiErrorCode but not here fails to compile, so the document lists every code the API can answer.
type UndescribedCode = Exclude<ApiErrorCode, (typeof ERROR_CODES)[number]>;
const everyCodeDescribed: [UndescribedCode] extends [never] ? true : never = true;
void everyCodeDescribed;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] });
/** A JSON object whose every property is listed: a field added to the code but not here fails the tests. */
const closed = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const string = (description?: string) => ({ type: 'string', ...(description ? { description } : {}) });
const count = (description: string) => ({ type: 'integer', minimum: 0, description });
const slug = { type: 'string', pattern: SLUG_PATTERN.source, maxLength: 80 };
const relativeUrl = (description: string) => ({ type: 'string', pattern: '^/', description });
const translations = (fields: readonly string[], description: string) => ({
  type: 'object',
  description,
  propertyNames: { enum: [...LOCALES] },
  additionalProperties: { type: 'object', propertyNames: { enum: [...fields] }, additionalProperties: { type: 'string' } },
});

const schemas = {
  Error: {
    ...closed({
      error: closed({
        code: { type: 'string', enum: [...ERROR_CODES], description: 'Stable and machine-readable: match on it.' },
        message: string('English text for developers; may change.'),
      }),
    }),
    description: 'Every error, whatever the status.',
  },
  Municipality: closed({
    slug,
    name: string(),
    kommunenummer: { type: 'string', pattern: '^[0-9]{4}$', description: 'The municipality number (kommunenummer).' },
    url: relativeUrl('The municipality\'s public page, relative to the API\'s origin.'),
  }),
  MunicipalityList: closed({ municipalities: { type: 'array', items: ref('Municipality') } }),
  Language: { type: 'string', enum: [...LOCALES], description: 'The language the text fields are written in.' },
  LifeEvent: { type: 'string', enum: [...LIFE_EVENTS] },
  JourneySummary: closed({
    slug,
    title: string(),
    lifeEvent: ref('LifeEvent'),
    summary: string(),
    language: ref('Language'),
    version: { type: 'integer', minimum: 1, description: 'The published version number.' },
    publishedAt: { type: 'string', format: 'date-time' },
    phaseCount: count('Phases in the published map.'),
    stepCount: count('Steps in the published map.'),
    handovers: count('Handovers between departments stated on the map.'),
    url: relativeUrl('The public journey map.'),
  }),
  JourneyList: closed({ municipality: slug, journeys: { type: 'array', items: ref('JourneySummary') } }),
  Department: closed({ name: string(), kind: { type: 'string', enum: [...DEPARTMENT_KINDS] } }),
  StepFeedback: closed({
    painPoints: count('Published, visible pain points on the step.'),
    supporters: count('Distinct residents behind them (submitters, "me too" voters, those of merged duplicates).'),
    verifiedSupporters: count(
      'Of those supporters, the distinct persons who verified themselves with ID-porten in the municipality, each once however many browsers or pain points of the step they supported through (distinct over the step, like `supporters`, not a sum over its candidates); 0 when none.',
    ),
    needScore: { type: 'number', minimum: 0, description: 'Sum of the need scores of the step\'s candidates at `asOf`.' },
  }),
  Step: closed({
    id: { type: 'integer', minimum: 1, description: 'Stable across versions; the `stepId` of candidates on it.' },
    title: string(),
    residentAction: string(),
    touchpoint: string(),
    channel: { type: 'string', enum: [...CHANNELS] },
    department: { ...nullable(ref('Department')), description: 'The responsible department; null when the resident acts alone.' },
    involvedDepartments: { type: 'array', items: ref('Department') },
    backstage: string(),
    systems: string(),
    emotion: { type: 'integer', minimum: -2, maximum: 2 },
    duration: string(),
    handover: { type: 'boolean', description: 'Whether the municipality states a handover into this step.' },
    handoverFrom: nullable(ref('Department')),
    handoverTo: nullable(ref('Department')),
    handoverWhat: nullable({ type: 'string', enum: [...HANDOVER_KINDS] }),
    handoverNote: nullable({ type: 'string' }),
    handoverTranslations: translations(HANDOVER_TEXT_FIELDS, 'The handover note in other languages, by language then field.'),
    translations: translations(STEP_TEXT_FIELDS, 'The step\'s texts in other languages, by language then field.'),
    feedback: ref('StepFeedback'),
  }),
  Phase: closed({
    id: { type: 'integer', minimum: 1 },
    title: string(),
    description: string(),
    translations: translations(PHASE_TEXT_FIELDS, 'The phase\'s texts in other languages, by language then field.'),
    steps: { type: 'array', items: ref('Step') },
  }),
  JourneyMap: closed({
    municipality: slug,
    asOf: { type: 'string', format: 'date-time', description: 'The moment the need scores are computed for.' },
    journey: closed({
      slug,
      title: string(),
      lifeEvent: ref('LifeEvent'),
      persona: string(),
      scenario: string(),
      trigger: string(),
      outcome: string(),
      summary: string(),
      language: ref('Language'),
      translations: translations(JOURNEY_TEXT_FIELDS, 'The journey\'s texts in other languages, by language then field.'),
      version: { type: 'integer', minimum: 1 },
      publishedAt: { type: 'string', format: 'date-time' },
      handovers: count('Handovers between departments stated on the map.'),
      url: relativeUrl('The public journey map.'),
    }),
    phases: { type: 'array', items: ref('Phase') },
  }),
  Figures: {
    ...closed({
      n: count('Distinct supporters.'),
      nEff: { type: 'number', minimum: 0, description: 'Supporters weighted by recency (half-life H).' },
      reach: { type: 'number', minimum: 0 },
      k: count('Supporters who gave a severity.'),
      severityMean: { ...nullable({ type: 'number', minimum: 1, maximum: 5 }), description: 'null when k = 0.' },
      prior: { type: 'number', description: 'C: the municipality\'s mean severity.' },
      severity: { type: 'number' },
      needScore: { type: 'number', minimum: 0 },
    }),
    description: 'Every figure of the ranking (RANKING.md), at full double precision.',
  },
  Candidate: closed(
    {
      rank: { type: 'integer', minimum: 1, description: 'Position in the whole ranking; runs on across pages.' },
      id: { type: 'integer', minimum: 1 },
      title: string(),
      journey: slug,
      stepId: { ...nullable({ type: 'integer', minimum: 1 }), description: 'null for the journey as a whole.' },
      responseStatus: { type: 'string', enum: [...RESPONSE_STATUSES] },
      createdAt: { type: 'string', format: 'date-time' },
      url: relativeUrl('The pain point\'s public page.'),
      verifiedSupporters: count('Of the supporters (`figures.n`), the distinct persons who verified themselves with ID-porten in the municipality, each once however many browsers; 0 when none. Not part of the score.'),
      figures: ref('Figures'),
    },
    ['rank', 'id', 'title', 'journey', 'stepId', 'responseStatus', 'createdAt', 'url', 'verifiedSupporters', 'figures'],
  ),
  CandidatePage: closed({
    municipality: slug,
    journey: { ...nullable(slug), description: 'The journey filter in effect.' },
    asOf: { type: 'string', format: 'date-time', description: 'The moment the whole ranking is computed for; the same on every page.' },
    settings: closed({
      halfLifeDays: { type: 'number', exclusiveMinimum: 0, description: 'H, in days.' },
      priorWeight: { type: 'number', minimum: 0, description: 'm.' },
    }),
    limit: { type: 'integer', minimum: LIMIT_MIN, maximum: LIMIT_MAX },
    candidates: { type: 'array', items: ref('Candidate'), maxItems: LIMIT_MAX },
    nextCursor: { ...nullable({ type: 'string', pattern: '^[A-Za-z0-9_-]+$' }), description: 'null on the last page.' },
    next: { ...nullable(relativeUrl('The next page, same limit.')), description: 'null on the last page.' },
  }),
  DcatCatalog: {
    type: 'object',
    description: 'A DCAT-AP-NO catalogue in JSON-LD: its context and one graph of the catalogue, datasets, distributions and agents.',
    properties: { '@context': { type: 'object' }, '@graph': { type: 'array', minItems: 1, items: { type: 'object', required: ['@id', '@type'] } } },
    required: ['@context', '@graph'],
    additionalProperties: false,
  },
  OpenApiDocument: {
    type: 'object',
    description: 'This document.',
    properties: { openapi: { type: 'string', const: OPENAPI_VERSION } },
    required: ['openapi', 'info', 'paths'],
  },
};

const header = (description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ description, schema });
const cachedHeaders = {
  ETag: header('Strong validator over the exact bytes; send it back in If-None-Match.'),
  'Cache-Control': header('How long any cache may keep the answer.', { type: 'string', const: CACHE_CONTROL }),
  'Access-Control-Allow-Origin': header('Any origin may read the data.', { type: 'string', const: '*' }),
};
const errorHeaders = {
  'Cache-Control': header('Errors are never kept.', { type: 'string', const: 'no-store' }),
  'Access-Control-Allow-Origin': header('Any origin may read the data.', { type: 'string', const: '*' }),
};
const errorResponse = (description: string) => ({ description, headers: errorHeaders, content: { 'application/json': { schema: ref('Error') } } });

const responses = {
  NotModified: { description: 'The If-None-Match matches: the copy held is current. No body.', headers: { ETag: cachedHeaders.ETag } },
  BadRequest: errorResponse('`invalid_parameter`, `unknown_parameter`, `invalid_cursor`, `cursor_expired` or `bad_request`.'),
  NotFound: errorResponse('`municipality_not_found`, `journey_not_found` or `not_found`.'),
  MethodNotAllowed: {
    ...errorResponse('`method_not_allowed`: the API is read-only.'),
    headers: { ...errorHeaders, Allow: header('The methods the API answers.', { type: 'string', const: ALLOWED_METHODS }) },
  },
  ServerError: errorResponse('`internal_error`: a fault on our side, logged with the request.'),
  Preflight: {
    description: 'A CORS preflight answer. No body.',
    headers: {
      'Access-Control-Allow-Methods': header('Always the read methods.', { type: 'string', const: ALLOWED_METHODS }),
      'Access-Control-Allow-Headers': header('Headers a browser may send.'),
      'Access-Control-Max-Age': header('Seconds a browser may keep the preflight.'),
    },
  },
};

const parameters = {
  municipality: { name: 'municipality', in: 'path', required: true, description: 'A municipality\'s slug.', schema: slug },
  journey: { name: 'journey', in: 'path', required: true, description: 'A published journey\'s slug.', schema: slug },
  journeyFilter: {
    name: 'journey',
    in: 'query',
    required: false,
    description: 'Only the candidates of this published journey. A slug that names no published journey is a 400 `invalid_parameter`.',
    schema: slug,
  },
  limit: {
    name: 'limit',
    in: 'query',
    required: false,
    description: `Page size, a whole number from ${LIMIT_MIN} to ${LIMIT_MAX}.`,
    schema: { type: 'integer', minimum: LIMIT_MIN, maximum: LIMIT_MAX, default: LIMIT_DEFAULT },
  },
  cursor: {
    name: 'cursor',
    in: 'query',
    required: false,
    description:
      'A `nextCursor` from an earlier page: opaque, valid for 24 hours, and carrying the ranking\'s moment (`asOf`), the offset and the journey filter. Give the same `journey` or none.',
    schema: { type: 'string', minLength: 1, maxLength: 400, pattern: '^[A-Za-z0-9_-]+$' },
  },
};

interface Operation {
  summary: string;
  description?: string;
  operationId: string;
  parameters?: unknown[];
  /** The success body's schema and media type. */
  body: { schema: unknown; type?: string };
  /** Whether the path can name something that does not exist (a 404). */
  notFound?: boolean;
}

/**
 * One path's operations: GET as described, HEAD with the same answers without bodies, OPTIONS for preflights, and the
 * writing methods, which are always a 405.
 */
function pathItem(op: Operation) {
  const type = op.body.type ?? 'application/json';
  const failures = {
    '400': response('BadRequest'),
    ...(op.notFound ? { '404': response('NotFound') } : {}),
    '500': response('ServerError'),
  };
  const refused = (method: string) => ({
    summary: 'Refused: the API is read-only',
    operationId: `${op.operationId}${method}`,
    responses: { '405': response('MethodNotAllowed') },
  });
  return {
    ...(op.parameters ? { parameters: op.parameters } : {}),
    get: {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: op.operationId,
      responses: {
        '200': { description: 'OK', headers: cachedHeaders, content: { [type]: { schema: op.body.schema } } },
        '304': response('NotModified'),
        ...failures,
      },
    },
    head: {
      summary: `${op.summary} (headers only)`,
      operationId: `${op.operationId}Head`,
      responses: { '200': { description: 'OK, without the body', headers: cachedHeaders }, '304': response('NotModified'), ...failures },
    },
    options: { summary: 'CORS preflight', operationId: `${op.operationId}Preflight`, responses: { '204': response('Preflight') } },
    post: refused('Post'),
    put: refused('Put'),
    patch: refused('Patch'),
    delete: refused('Delete'),
  };
}

/** The document, with the server's absolute address from BASE_URL (never from a request's Host header). */
export function openApiDocument(baseUrl: string) {
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Reisekart open data API',
      version: '1.0.0',
      summary: 'Published journey maps and the ranked improvement candidates of Norwegian municipalities.',
      description:
        'A read-only JSON API over what residents can already see on the public pages: municipalities, their published journey maps with per-step feedback roll-ups, and the ranked improvement candidates with every figure of the ranking. No login, no cookies, open to any origin (CORS). Unknown or repeated query parameters are a 400. Successful answers carry a strong ETag and `Cache-Control: ' +
        CACHE_CONTROL +
        '`; errors carry `Cache-Control: no-store`. Any path under /api/v1 that is not described here answers 404 with an Error body.',
      license: { name: 'Norsk lisens for offentlige data (NLOD) 2.0', url: 'http://data.norge.no/nlod/no/2.0' },
    },
    servers: [{ url: `${baseUrl}/api/v1`, description: 'This portal' }],
    paths: {
      '/municipalities': pathItem({ summary: 'Every municipality, ordered by name', operationId: 'listMunicipalities', body: { schema: ref('MunicipalityList') } }),
      '/municipalities/{municipality}/journeys': pathItem({
        summary: 'The municipality\'s published journeys, ordered by slug',
        operationId: 'listJourneys',
        parameters: [parameters.municipality],
        body: { schema: ref('JourneyList') },
        notFound: true,
      }),
      '/municipalities/{municipality}/journeys/{journey}': pathItem({
        summary: 'One published journey map with per-step roll-ups',
        description: 'Drafts and archived journeys are a 404 `journey_not_found`, like unknown ones.',
        operationId: 'getJourney',
        parameters: [parameters.municipality, parameters.journey],
        body: { schema: ref('JourneyMap') },
        notFound: true,
      }),
      '/municipalities/{municipality}/candidates': pathItem({
        summary: 'The ranked improvement candidates, paged with cursors',
        description:
          'Ordered by need score, then n, then the older candidate (then the lower id). A first page fixes `asOf` at the end of the current UTC minute; its `nextCursor` carries that moment, so every later page ranks at the same moment. Follow `next` until it is null.',
        operationId: 'listCandidates',
        parameters: [parameters.municipality, parameters.journeyFilter, parameters.limit, parameters.cursor],
        body: { schema: ref('CandidatePage') },
        notFound: true,
      }),
      '/municipalities/{municipality}/candidates.csv': pathItem({
        summary: 'The whole ranking as one CSV file',
        description:
          'The candidates of the first page\'s moment (`asOf`), all of them, with the columns rank, id, title, journey, stepId, responseStatus, createdAt, url, verifiedSupporters, n, nEff, reach, k, severityMean, prior, severity, needScore: codes, ISO 8601 UTC, decimal point, full precision. UTF-8 with a byte order mark, CRLF line ends; a title starting with =, +, -, @ is prefixed with an apostrophe.',
        operationId: 'downloadCandidates',
        parameters: [parameters.municipality],
        body: { schema: { type: 'string' }, type: 'text/csv' },
        notFound: true,
      }),
      '/dcat.jsonld': pathItem({
        summary: 'The datasets described in DCAT-AP-NO (JSON-LD), for data catalogues to harvest',
        operationId: 'getDcatCatalog',
        body: { schema: ref('DcatCatalog'), type: 'application/ld+json' },
      }),
      '/openapi.json': pathItem({ summary: 'This description', operationId: 'getOpenApi', body: { schema: ref('OpenApiDocument') } }),
    },
    components: { schemas, responses, parameters },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
