// The DCAT-AP-NO description of the open data (#22.4) at /api/v1/dcat.jsonld: JSON-LD that parses and expands with
// its inline @context alone (a document loader that refuses every remote context), with the classes and the
// mandatory properties DCAT-AP-NO 2 sets for dcat:Catalog, dcat:Dataset and dcat:Distribution, the licence (NLOD 2.0),
// the publisher, theme, access rights and place, absolute addresses from BASE_URL only, and distributions that work.
// A municipality whose admin gave its organisation number and contact e-mail (#22.4) is published by data.norge.no's
// organisation-catalogue address with the number as dct:identifier, and its contact point has the address as mailto:.
import express from 'express';
import jsonld from 'jsonld';
import request from 'supertest';
import type { ApiService } from '../../src/modules/api/api.service';
import { openDataController } from '../../src/modules/api/open-data.controller';
import type { MunicipalityRow } from '../../src/modules/municipalities/municipality';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, TEST_BASE_URL, type TestApp } from '../helpers/test-app';
import { settingsFormOf } from '../helpers/settings-form';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const NLOD = 'http://data.norge.no/nlod/no/2.0';
const ORG = 'http://www.w3.org/ns/org#';
const ORGANISATIONS = 'https://organization-catalog.fellesdatakatalog.digdir.no/organizations/';
/** Oslo kommune's number in Enhetsregisteret: a real one, so its check digit is right. */
const NORDVIK_ORGNR = '974760673';
const NORDVIK_EMAIL = 'postmottak@nordvik.kommune.no';

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
  setOpenDataContact('nord', NORDVIK_ORGNR, NORDVIK_EMAIL);
  const r = await resident(t.app, '/nord/reiser/garasje');
  await report(r, '/nord/reiser/garasje');
});
afterAll(() => t.close());

/** What the admin sets on the settings page, set through the service here (the page itself is tested below). */
function setOpenDataContact(slug: string, organisationNumber: string | null, contactEmail: string | null): void {
  const m = t.services.municipalities.bySlug(slug);
  t.services.municipalities.updateSettings(null, m, {
    name: m.name,
    defaultLocale: m.default_locale as 'nb',
    premoderation: m.premoderation === 1,
    halfLifeDays: m.half_life_days,
    severityPriorWeight: m.severity_prior_weight,
    wipLimit: m.wip_limit,
    flagHideThreshold: m.flag_hide_threshold,
    reportLimitPerHour: m.report_limit_per_hour,
    voteLimitPerHour: m.vote_limit_per_hour,
    flagLimitPerHour: m.flag_limit_per_hour,
    organisationNumber,
    contactEmail,
  });
}

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
    const known = [TEST_BASE_URL, 'http://www.w3.org/', 'http://purl.org/', 'http://xmlns.com/', 'http://publications.europa.eu/', 'http://data.norge.no/', 'https://data.geonorge.no/', 'https://www.iana.org/', ORGANISATIONS, 'mailto:'];
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

describe('the publisher and the contact point (#22.4)', () => {
  it('names a publisher with an organisation number by its address in data.norge.no\'s organisation catalogue, with the number and the name', async () => {
    const graph = await expandedGraph();
    const nord = graph.get(`${TEST_BASE_URL}/api/v1/dcat.jsonld#dataset-nord`)!;
    expect(ids(nord, `${DCT}publisher`)).toEqual([`${ORGANISATIONS}${NORDVIK_ORGNR}`]);
    const publisher = publisherOf(graph, nord);
    expect(publisher['@type']).toEqual(expect.arrayContaining([`${FOAF}Agent`, `${ORG}Organization`]));
    expect(values(publisher, `${DCT}identifier`)).toEqual([{ '@value': NORDVIK_ORGNR }]);
    expect(values(publisher, `${FOAF}name`)).toEqual([{ '@value': 'Nordvik kommune' }]);
    expect(ids(publisher, `${DCT}type`)).toEqual(['http://purl.org/adms/publishertype/LocalAuthority']);
  });

  it('keeps a publisher without an organisation number as before: its own node, named, with no identifier', async () => {
    const graph = await expandedGraph();
    const sor = graph.get(`${TEST_BASE_URL}/api/v1/dcat.jsonld#dataset-sor`)!;
    expect(ids(sor, `${DCT}publisher`)).toEqual([`${TEST_BASE_URL}/api/v1/dcat.jsonld#publisher-sor`]);
    const publisher = publisherOf(graph, sor);
    expect(publisher['@type']).toEqual([`${FOAF}Agent`]);
    expect(values(publisher, `${DCT}identifier`)).toEqual([]);
    expect(values(publisher, `${FOAF}name`)).toEqual([{ '@value': 'Sørvik kommune' }]);
  });

  it('gives the contact point the address as a mailto: IRI and the municipality\'s page; without an address, the page only', async () => {
    const graph = await expandedGraph();
    const contactOf = (slug: string) => graph.get(ids(graph.get(`${TEST_BASE_URL}/api/v1/dcat.jsonld#dataset-${slug}`)!, `${DCAT}contactPoint`)[0]!)!;
    expect(ids(contactOf('nord'), `${VCARD}hasEmail`)).toEqual([`mailto:${NORDVIK_EMAIL}`]);
    expect(ids(contactOf('nord'), `${VCARD}hasURL`)).toEqual([`${TEST_BASE_URL}/nord`]);
    expect(values(contactOf('nord'), `${VCARD}fn`)).toEqual([{ '@value': 'Nordvik kommune' }]);
    expect(ids(contactOf('sor'), `${VCARD}hasEmail`)).toEqual([]);
    expect(ids(contactOf('sor'), `${VCARD}hasURL`)).toEqual([`${TEST_BASE_URL}/sor`]);
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

  it('follows the settings: an organisation number and an address the admin saves show in the next read, and so does clearing them', async () => {
    await createUser(t.services, { email: 'admin@sorvik.no', municipality: 'sor', roles: ['admin'] });
    const { agent, csrf } = await signIn(t.app, 'admin@sorvik.no');
    const form = { _csrf: csrf, ...settingsFormOf(t.services.municipalities.bySlug('sor')) };
    const sorDataset = `${TEST_BASE_URL}/api/v1/dcat.jsonld#dataset-sor`;
    const read = async () => {
      const res = await request(t.app).get('/api/v1/dcat.jsonld').expect(200);
      const graph = await expandedGraph();
      const dataset = graph.get(sorDataset)!;
      const contact = graph.get(ids(dataset, `${DCAT}contactPoint`)[0]!)!;
      return { etag: res.headers.etag as string, publisher: ids(dataset, `${DCT}publisher`)[0], email: ids(contact, `${VCARD}hasEmail`) };
    };
    const before = await read();
    expect(before.publisher).toBe(`${TEST_BASE_URL}/api/v1/dcat.jsonld#publisher-sor`);
    await agent.post('/admin/sor/settings').type('form').send({ ...form, organisationNumber: '964 338 531', contactEmail: 'postmottak@sorvik.kommune.no' }).expect(303);

    const set = await read();
    expect(set.etag).not.toBe(before.etag);
    expect(set.publisher).toBe(`${ORGANISATIONS}964338531`);
    expect(set.email).toEqual(['mailto:postmottak@sorvik.kommune.no']);
    // A harvester holding the old answer gets the new one, not 304.
    await request(t.app).get('/api/v1/dcat.jsonld').set('If-None-Match', before.etag).expect(200);

    await agent.post('/admin/sor/settings').type('form').send({ ...form, organisationNumber: '964338531', contactEmail: 'data@sorvik.kommune.no' }).expect(303);
    const changed = await read();
    expect(changed.etag).not.toBe(set.etag);
    expect(changed.email).toEqual(['mailto:data@sorvik.kommune.no']);

    await agent.post('/admin/sor/settings').type('form').send({ ...form, organisationNumber: '', contactEmail: '' }).expect(303);
    const cleared = await read();
    expect(cleared.publisher).toBe(`${TEST_BASE_URL}/api/v1/dcat.jsonld#publisher-sor`);
    expect(cleared.email).toEqual([]);
  });
});

describe('the kept catalogue\'s version', () => {
  it('moves with the organisation number and the address themselves, not only with the data version an update moves today', async () => {
    // The service as far as the catalogue reads it, with a data version that never moves: only the version string's own
    // fields can tell the two reads apart.
    const row = { ...t.services.municipalities.bySlug('sor'), organisation_number: null as string | null, contact_email: null as string | null };
    const stub = {
      municipalities: () => [{ slug: row.slug }],
      municipality: (): MunicipalityRow => row,
      asOf: () => new Date('2026-01-01T00:00:00Z'),
      version: () => 'fixed',
      journeys: () => [],
    } as unknown as ApiService;
    // The handler alone, outside the API's middleware (its CORS and error handling are the real app's, tested above).
    const app = express();
    app.get('/catalogue', openDataController(stub, TEST_BASE_URL).catalogue);
    const first = await request(app).get('/catalogue').expect(200);
    expect(first.text).not.toContain(ORGANISATIONS);
    row.organisation_number = '964338531';
    const second = await request(app).get('/catalogue').expect(200);
    expect(second.text).toContain(`${ORGANISATIONS}964338531`);
    row.contact_email = 'postmottak@sorvik.kommune.no';
    const third = await request(app).get('/catalogue').expect(200);
    expect(third.text).toContain('mailto:postmottak@sorvik.kommune.no');
    expect(new Set([first.headers.etag, second.headers.etag, third.headers.etag]).size).toBe(3);
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
