// The DCAT-AP-NO description of the open data (#22.4) at /api/v1/dcat.jsonld: JSON-LD that parses and expands with
// its inline @context alone (a document loader that refuses every remote context), with the classes and the
// mandatory properties DCAT-AP-NO 2 sets for dcat:Catalog, dcat:Dataset and dcat:Distribution, the licence (NLOD 2.0),
// the publisher, theme, access rights and place, absolute addresses from BASE_URL only, and distributions that work.
import jsonld from 'jsonld';
import request from 'supertest';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, TEST_BASE_URL, type TestApp } from '../helpers/test-app';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const NLOD = 'http://data.norge.no/nlod/no/2.0';

type Expanded = Record<string, unknown> & { '@id': string; '@type'?: string[] };
type Value = { '@id'?: string; '@value'?: string; '@language'?: string; '@type'?: string };

let t: TestApp;
let loaderCalls = 0;
const refuseRemote = async (url: string) => {
  loaderCalls += 1;
  throw new Error(`no network in the tests: refused to load ${url}`);
};

beforeAll(async () => {
  t = makeTestApp();
  createMunicipality(t.services, 'nord', 'Nordvik kommune', { premoderation: false });
  buildJourney(t.services, 'nord', { slug: 'garasje', phases: { Søke: ['Finne skjema'] }, publish: true });
  buildJourney(t.services, 'nord', { slug: 'utkast', phases: { Fase: ['Steg'] } });
  createMunicipality(t.services, 'sor', 'Sørvik kommune');
  const r = await resident(t.app, '/nord/reiser/garasje');
  await report(r, '/nord/reiser/garasje');
});
afterAll(() => t.close());

async function expandedGraph(): Promise<Map<string, Expanded>> {
  const res = await request(t.app).get('/api/v1/dcat.jsonld').set('Host', 'evil.example').expect(200);
  expect(res.text).not.toContain('evil.example');
  const expanded = (await jsonld.expand(res.body, { documentLoader: refuseRemote as never })) as Expanded[];
  return new Map(expanded.map((node) => [node['@id'], node]));
}

const values = (node: Expanded, property: string) => (node[property] ?? []) as Value[];
const ids = (node: Expanded, property: string) => values(node, property).map((v) => v['@id']);
const ofType = (graph: Map<string, Expanded>, type: string) => [...graph.values()].filter((n) => n['@type']?.includes(type));
const languages = (node: Expanded, property: string) => values(node, property).map((v) => v['@language']).sort();

describe('GET /api/v1/dcat.jsonld', () => {
  it('answers JSON-LD with the API\'s caching rules and open CORS', async () => {
    const res = await request(t.app).get('/api/v1/dcat.jsonld').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(res.headers['cache-control']).toBe('public, max-age=10, s-maxage=10, stale-while-revalidate=60');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    await request(t.app).get('/api/v1/dcat.jsonld').set('If-None-Match', res.headers.etag as string).expect(304);
  });

  it('expands with its inline context alone, into absolute addresses from BASE_URL and known vocabularies only', async () => {
    loaderCalls = 0;
    const graph = await expandedGraph();
    expect(loaderCalls).toBe(0);
    const res = await request(t.app).get('/api/v1/dcat.jsonld');
    const quads = (await jsonld.toRDF(res.body, { format: 'application/n-quads', documentLoader: refuseRemote as never })) as unknown as string;
    const iris = [...quads.matchAll(/<([^>]+)>/g)].map((m) => m[1]!);
    expect(iris.length).toBeGreaterThan(50);
    const known = [TEST_BASE_URL, 'http://www.w3.org/', 'http://purl.org/', 'http://xmlns.com/', 'http://publications.europa.eu/', 'http://data.norge.no/', 'https://data.geonorge.no/', 'https://www.iana.org/'];
    expect(iris.filter((iri) => !known.some((prefix) => iri.startsWith(prefix)))).toEqual([]);
    expect(graph.size).toBeGreaterThan(10);
  });

  it('refuses a remote context through the same loader, so nothing is fetched behind the test\'s back', async () => {
    await expect(jsonld.expand({ '@context': 'https://example.org/context.jsonld', title: 'x' }, { documentLoader: refuseRemote as never })).rejects.toThrow();
  });

  it('describes one catalogue with the mandatory properties, listing a dataset per municipality and the API', async () => {
    const graph = await expandedGraph();
    const catalogs = ofType(graph, `${DCAT}Catalog`);
    expect(catalogs).toHaveLength(1);
    const catalog = catalogs[0]!;
    expect(languages(catalog, `${DCT}title`)).toEqual(['en', 'nb', 'nn']);
    expect(languages(catalog, `${DCT}description`)).toEqual(['en', 'nb', 'nn']);
    expect(values(catalog, `${DCT}identifier`)).toHaveLength(1);
    const publisher = graph.get(ids(catalog, `${DCT}publisher`)[0]!)!;
    expect(publisher['@type']).toContain(`${FOAF}Agent`);
    expect(values(publisher, `${FOAF}name`).length).toBeGreaterThan(0);
    expect(ids(catalog, `${DCAT}dataset`)).toHaveLength(2);
    const service = graph.get(ids(catalog, `${DCAT}service`)[0]!)!;
    expect(service['@type']).toContain(`${DCAT}DataService`);
    expect(ids(service, `${DCAT}endpointURL`)).toEqual([`${TEST_BASE_URL}/api/v1`]);
    expect(ids(service, `${DCAT}endpointDescription`)).toEqual([`${TEST_BASE_URL}/api/v1/openapi.json`]);
    expect(values(service, `${DCT}identifier`)).toHaveLength(1);
    expect(values(service, `${DCT}title`).length).toBeGreaterThan(0);
  });

  it('gives each dataset title and description in nb, nn and en, publisher, contact point, theme GOVE, access rights, place, licence and dates', async () => {
    const graph = await expandedGraph();
    const datasets = ofType(graph, `${DCAT}Dataset`);
    expect(datasets).toHaveLength(2);
    const nord = datasets.find((d) => d['@id'].endsWith('#dataset-nord'))!;
    const sor = datasets.find((d) => d['@id'].endsWith('#dataset-sor'))!;
    const kommunenummer = t.services.municipalities.bySlug('nord').kommunenummer;
    for (const dataset of [nord, sor]) {
      expect(languages(dataset, `${DCT}title`)).toEqual(['en', 'nb', 'nn']);
      expect(languages(dataset, `${DCT}description`)).toEqual(['en', 'nb', 'nn']);
      expect(values(dataset, `${DCT}identifier`)).toHaveLength(1);
      expect(ids(dataset, `${DCAT}theme`)).toEqual(['http://publications.europa.eu/resource/authority/data-theme/GOVE']);
      expect(ids(dataset, `${DCT}accessRights`)).toEqual(['http://publications.europa.eu/resource/authority/access-right/PUBLIC']);
      const publisher = graph.get(ids(dataset, `${DCT}publisher`)[0]!)!;
      expect(publisher['@type']).toContain(`${FOAF}Agent`);
      const contact = graph.get(ids(dataset, `${DCAT}contactPoint`)[0]!)!;
      expect(contact['@type']).toContain(`${VCARD}Kind`);
      expect(ids(contact, `${VCARD}hasURL`)[0]).toMatch(new RegExp(`^${TEST_BASE_URL}/`));
      expect(values(dataset, `${DCT}issued`)[0]!['@type']).toBe(`${XSD}dateTime`);
      expect(ids(dataset, `${DCAT}distribution`).length).toBeGreaterThanOrEqual(3);
    }
    expect(values(publisherOf(graph, nord), `${FOAF}name`)[0]!['@value']).toBe('Nordvik kommune');
    expect(ids(nord, `${DCT}spatial`)).toEqual([`https://data.geonorge.no/administrativeEnheter/kommune/id/${kommunenummer}`]);
    expect(values(nord, `${DCT}title`).find((v) => v['@language'] === 'nb')!['@value']).toContain('Nordvik kommune');
    // Modified when a journey was last published; a municipality with none has no such date.
    expect(values(nord, `${DCT}modified`)[0]!['@type']).toBe(`${XSD}dateTime`);
    expect(values(sor, `${DCT}modified`)).toEqual([]);
  });

  it('gives every distribution an access address that answers, the NLOD 2.0 licence and a format', async () => {
    const graph = await expandedGraph();
    const distributions = ofType(graph, `${DCAT}Distribution`);
    expect(distributions.length).toBe(6);
    const nord = distributions.filter((d) => d['@id'].includes('#dataset-nord'));
    const addresses = nord.map((d) => ids(d, `${DCAT}accessURL`)[0]!);
    expect(addresses.sort()).toEqual([
      `${TEST_BASE_URL}/api/v1/municipalities/nord/candidates`,
      `${TEST_BASE_URL}/api/v1/municipalities/nord/candidates.csv`,
      `${TEST_BASE_URL}/api/v1/municipalities/nord/journeys`,
    ]);
    for (const distribution of distributions) {
      expect(ids(distribution, `${DCT}license`)).toEqual([NLOD]);
      expect(ids(distribution, `${DCT}format`)).toHaveLength(1);
      expect(ids(distribution, `${DCAT}mediaType`)).toHaveLength(1);
      const address = ids(distribution, `${DCAT}accessURL`)[0]!;
      const res = await request(t.app).get(address.slice(TEST_BASE_URL.length)).expect(200);
      expect(res.headers['content-type']).toMatch(address.endsWith('.csv') ? /^text\/csv/ : /^application\/json/);
    }
    const licence = graph.get(NLOD)!;
    expect(licence['@type']).toContain(`${DCT}LicenseDocument`);
  });
});

describe('the kept catalogue', () => {
  it('follows the data: a journey published after a read shows in the next one', async () => {
    const before = await expandedGraph();
    expect(values(before.get(`${TEST_BASE_URL}/api/v1/dcat.jsonld#dataset-sor`)!, `${DCT}modified`)).toEqual([]);
    buildJourney(t.services, 'sor', { slug: 'flytte', phases: { Fase: ['Steg'] }, publish: true });
    const after = await expandedGraph();
    expect(values(after.get(`${TEST_BASE_URL}/api/v1/dcat.jsonld#dataset-sor`)!, `${DCT}modified`)).toHaveLength(1);
  });
});

describe('GET /api/v1/municipalities/:m/candidates.csv', () => {
  it('is the whole ranking with the API\'s fields, formulas neutralised, as a download', async () => {
    const r = await resident(t.app, '/nord/reiser/garasje');
    await report(r, '/nord/reiser/garasje', { title: '=HYPERLINK("http://x")' });
    const res = await request(t.app).get('/api/v1/municipalities/nord/candidates.csv').expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?nord-candidates\.csv/);
    const lines = res.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('rank,id,title,journey,stepId,responseStatus,createdAt,url,verifiedSupporters,n,nEff,reach,k,severityMean,prior,severity,needScore');
    expect(lines).toHaveLength(3);
    expect(res.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    const api = await request(t.app).get('/api/v1/municipalities/nord/candidates?limit=200').expect(200);
    expect(lines.slice(1).map((line) => Number(line.split(',')[1]))).toEqual(api.body.candidates.map((c: { id: number }) => c.id));
    await request(t.app).get('/api/v1/municipalities/ingen/candidates.csv').expect(404);
    await request(t.app).get('/api/v1/municipalities/nord/candidates.csv?limit=2').expect(400);
  });
});

function publisherOf(graph: Map<string, Expanded>, dataset: Expanded): Expanded {
  return graph.get(ids(dataset, `${DCT}publisher`)[0]!)!;
}
