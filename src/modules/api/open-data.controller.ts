// The API's descriptions and download (#22.4): the OpenAPI document, the DCAT-AP-NO catalogue for data.norge.no, and
// the whole ranking of a municipality as one CSV file. Same rules as the rest of the API: strict queries, open CORS,
// strong ETags and the short public cache.
import type { Request, Response } from 'express';
import Papa from 'papaparse';
import { safeCell } from '../../lib/spreadsheet-safe';
import { bytesBody, jsonBody, KeptJson, sendBody } from './api-http';
import { NoQuerySchema, parseQuery } from './api.schema';
import type { ApiCandidate, ApiService } from './api.service';
import { DcatDescription } from './dcat';
import { openApiDocument } from './openapi';

export const DCAT_TYPE = 'application/ld+json';
export const CSV_TYPE = 'text/csv; charset=utf-8';
/** Every candidate of a municipality: far beyond any municipality's count, and still a bound. */
const CSV_MAX_ROWS = 100_000;

/** The CSV's columns: the API's candidate fields, flattened, machine-readable (codes, ISO 8601 UTC, full precision). */
const CSV_COLUMNS: [header: string, cell: (c: ApiCandidate) => string | number | null][] = [
  ['rank', (c) => c.rank],
  ['id', (c) => c.id],
  ['title', (c) => safeCell(c.title)],
  ['journey', (c) => c.journey],
  ['stepId', (c) => c.stepId],
  ['responseStatus', (c) => c.responseStatus],
  ['createdAt', (c) => c.createdAt],
  ['url', (c) => c.url],
  ['verifiedSupporters', (c) => c.verifiedSupporters],
  ['n', (c) => c.figures.n],
  ['nEff', (c) => c.figures.nEff],
  ['reach', (c) => c.figures.reach],
  ['k', (c) => c.figures.k],
  ['severityMean', (c) => c.figures.severityMean],
  ['prior', (c) => c.figures.prior],
  ['severity', (c) => c.figures.severity],
  ['needScore', (c) => c.figures.needScore],
];

function candidatesCsv(candidates: ApiCandidate[]): Buffer {
  const text = Papa.unparse({ fields: CSV_COLUMNS.map(([header]) => header), data: candidates.map((c) => CSV_COLUMNS.map(([, cell]) => cell(c) ?? '')) }, { newline: '\r\n' });
  // With a byte order mark, as the portal's other CSV files: spreadsheets then read the text as UTF-8.
  return Buffer.from(`\ufeff${text}\r\n`, 'utf8');
}

export function openDataController(api: ApiService, baseUrl: string) {
  // The document depends only on the code and BASE_URL: made and hashed once.
  const openapi = jsonBody(openApiDocument(baseUrl));
  const dcat = new DcatDescription(baseUrl);
  const kept = new KeptJson();

  return {
    openapi(req: Request, res: Response) {
      parseQuery(NoQuerySchema, req.query);
      sendBody(req, res, openapi);
    },

    /**
     * Kept until a municipality's data moves on (its version), one is added, or anything of it the description shows
     * changes: its name, its kommunenummer, its organisation number or its contact address. Any update of a municipality's
     * row also moves its data version today (migration 0008's trigger); naming the fields keeps this answer right should
     * that trigger ever be narrowed to what rankings read. As JSON, so that no name can run into the next field.
     */
    catalogue(req: Request, res: Response) {
      parseQuery(NoQuerySchema, req.query);
      const municipalities = api.municipalities().map((listed) => api.municipality(listed.slug));
      const asOf = api.asOf();
      const version = JSON.stringify(municipalities.map((m) => [m.id, m.kommunenummer, m.name, m.organisation_number, m.contact_email, api.version(m, asOf)]));
      return kept.send(
        req,
        res,
        version,
        () =>
          dcat.catalogue(
            municipalities.map((m) => {
              const journeys = api.journeys(m);
              return {
                slug: m.slug,
                name: m.name,
                kommunenummer: m.kommunenummer,
                createdAt: m.created_at,
                publishedAt: journeys.map((j) => j.publishedAt),
                languages: [...new Set(journeys.map((j) => j.language))],
                organisationNumber: m.organisation_number,
                contactEmail: m.contact_email,
              };
            }),
          ),
        (value) => ({ ...jsonBody(value), type: DCAT_TYPE }),
      );
    },

    /** The whole ranking at the end of the current minute, as the first page of the API would compute it. */
    candidatesCsv(req: Request, res: Response) {
      const m = api.municipality(String(req.params.municipality));
      parseQuery(NoQuerySchema, req.query);
      res.attachment(`${m.slug}-candidates.csv`);
      const asOf = api.asOf();
      return kept.send(
        req,
        res,
        api.version(m, asOf),
        async () => (await api.candidates(m, { journey: null, limit: CSV_MAX_ROWS, offset: 0, asOf })).candidates,
        (candidates) => bytesBody(candidatesCsv(candidates as ApiCandidate[]), CSV_TYPE),
      );
    },
  };
}
