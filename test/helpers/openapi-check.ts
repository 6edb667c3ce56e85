// Checks answers of the open data API against its OpenAPI document (#22.4): the status must be one the document lists
// for that path and method, the media type one it lists for that status, the body valid against its schema (Ajv,
// JSON Schema 2020-12 as OpenAPI 3.1 uses it), and every header the document names present and valid. The jest set-up
// (openapi-setup.ts) runs this on every supertest response to /api/v1 in every test file, so a field added to the code
// but not to the document (response objects forbid unlisted properties) fails the test that sees it.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../src/modules/api/openapi';

export const API_PREFIX = '/api/v1';
const HOLDER = 'https://reisekart.test/openapi.json';

type Json = Record<string, unknown>;

export interface ApiAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (superagent parses application/json and +json), or {} when there is none. */
  body: unknown;
  /** The raw text, for non-JSON bodies; '' or undefined when there is no body. */
  text?: string;
}

interface Operation {
  responses: Record<string, Json>;
}

/** A checker over one document; `openApiCheck()` gives the one for the app's own document. */
export class OpenApiCheck {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: { pattern: RegExp; template: string }[];

  constructor(readonly document: Json) {
    addFormats(this.ajv);
    const components = document.components as Json;
    this.ajv.addSchema({ $id: HOLDER, components: { schemas: components.schemas } });
    this.routes = Object.keys(document.paths as Json).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** What is wrong with an answer to `method url`, or undefined when the document describes it (or it is not the API's). */
  problem(method: string, url: string, answer: ApiAnswer): string | undefined {
    const pathname = new URL(url, 'http://localhost').pathname;
    if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return undefined;
    const where = `${method} ${pathname} → ${answer.status}`;
    const apiPath = pathname.slice(API_PREFIX.length).replace(/(.)\/$/, '$1');
    const route = this.routes.find((r) => r.pattern.test(apiPath));
    if (!route) return this.undescribedPath(where, method, answer);
    const item = (this.document.paths as Record<string, Record<string, Operation>>)[route.template]!;
    const operation = item[method.toLowerCase()];
    if (!operation) return `${where}: the document has no ${method} for ${route.template}`;
    const described = operation.responses[String(answer.status)];
    if (!described) return `${where}: status ${answer.status} is not among those described (${Object.keys(operation.responses).join(', ')})`;
    return this.checkResponse(where, `${route.template} ${method} ${answer.status}`, this.resolve(described), answer, method);
  }

  /** Paths the document does not list: the API's 404 (and 405, 400 and the preflight) apply to every path under it. */
  private undescribedPath(where: string, method: string, answer: ApiAnswer): string | undefined {
    const responses = this.document.components as { responses: Record<string, Json> };
    const byStatus: Record<number, Json | undefined> = {
      204: method === 'OPTIONS' ? responses.responses.Preflight : undefined,
      400: responses.responses.BadRequest,
      404: responses.responses.NotFound,
      405: method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? undefined : responses.responses.MethodNotAllowed,
    };
    const response = byStatus[answer.status];
    if (!response) return `${where}: a path the document does not describe must answer 404 (or 405 for a write, 204 for a preflight)`;
    return this.checkResponse(where, `undescribed ${method} ${answer.status}`, response, answer, method);
  }

  private checkResponse(where: string, key: string, response: Json, answer: ApiAnswer, method: string): string | undefined {
    const headerProblem = this.checkHeaders(where, key, response, answer);
    if (headerProblem) return headerProblem;
    const content = response.content as Record<string, { schema: Json }> | undefined;
    const hasBody = answer.text !== undefined && answer.text !== '';
    if (!content || method === 'HEAD') {
      return hasBody ? `${where}: the document describes no body here, but one came` : undefined;
    }
    const type = String(answer.headers['content-type'] ?? '').split(';')[0]!.trim();
    const media = content[type];
    if (!media) return `${where}: media type ${type || '(none)'} is not described (${Object.keys(content).join(', ')})`;
    const validate = this.validator(`${key} ${type}`, media.schema);
    const body = type.endsWith('json') ? answer.body : answer.text;
    if (validate(body)) return undefined;
    return `${where}: the body does not match the document:\n${this.ajv.errorsText(validate.errors, { separator: '\n' })}`;
  }

  private checkHeaders(where: string, key: string, response: Json, answer: ApiAnswer): string | undefined {
    const headers = (response.headers ?? {}) as Record<string, { schema?: Json }>;
    for (const [name, header] of Object.entries(headers)) {
      const value = answer.headers[name.toLowerCase()];
      if (value === undefined) return `${where}: header ${name} is described but missing`;
      if (!header.schema) continue;
      const validate = this.validator(`${key} header ${name}`, header.schema);
      if (!validate(value)) return `${where}: header ${name}: ${JSON.stringify(value)} ${this.ajv.errorsText(validate.errors)}`;
    }
    return undefined;
  }

  private resolve(value: Json): Json {
    const ref = value.$ref;
    if (typeof ref !== 'string') return value;
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')], this.document);
    return this.resolve(target as Json);
  }

  /** Compiled once per place in the document; local references point into the document's components. */
  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      const anchored = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${HOLDER}#/`));
      validate = this.ajv.compile(anchored);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

let shared: OpenApiCheck | undefined;

/** The checker of the app's own document (its server address plays no part in the checks). */
export function openApiCheck(): OpenApiCheck {
  shared ??= new OpenApiCheck(openApiDocument('https://reisekart.test.example') as unknown as Json);
  return shared;
}

/** Throws when the answer does not match the document: for tests that call it explicitly on a response. */
export function expectDescribed(method: string, url: string, answer: ApiAnswer): void {
  const problem = openApiCheck().problem(method, url, answer);
  if (problem) throw new Error(problem);
}
