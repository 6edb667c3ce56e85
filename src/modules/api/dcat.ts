// The open data described in DCAT-AP-NO 2 (#22.4) as JSON-LD, for data.norge.no to harvest: one catalogue, one dataset
// per municipality (its published journeys and its ranked candidates), distributions pointing at the API and the CSV,
// and the API itself as a data service. Every node a property points to is typed and labelled in the same graph, so
// the description stands on its own; the @context is inline, so reading it needs nothing from the network.
import type { TFunction } from 'i18next';
import { createI18n, LOCALES, type Locale } from '../../lib/i18n';
import { paths } from '../../paths';

export const NLOD = 'http://data.norge.no/nlod/no/2.0';
const EU = 'http://publications.europa.eu/resource/authority';
const THEME_GOVE = `${EU}/data-theme/GOVE`;
const ACCESS_PUBLIC = `${EU}/access-right/PUBLIC`;
const CONTINUOUS = `${EU}/frequency/CONT`;
const LANGUAGES: Record<Locale, string> = { nb: `${EU}/language/NOB`, nn: `${EU}/language/NNO`, en: `${EU}/language/ENG` };
const FILE_TYPES = { json: `${EU}/file-type/JSON`, csv: `${EU}/file-type/CSV` };
const MEDIA_TYPES = { json: 'https://www.iana.org/assignments/media-types/application/json', csv: 'https://www.iana.org/assignments/media-types/text/csv' };
/** ADMS' publisher types: a municipality is a local authority. */
const LOCAL_AUTHORITY = 'http://purl.org/adms/publishertype/LocalAuthority';
/**
 * Kartverket's administrative units, as data.norge.no's reference data names them: by kommunenummer. (Geonorge's own
 * older identifiers are six-digit numbers the portal does not know.)
 */
export const municipalityPlace = (kommunenummer: string) => `https://data.geonorge.no/administrativeEnheter/kommune/id/${kommunenummer}`;
/**
 * An organisation registered in Enhetsregisteret, as DCAT-AP-NO names it (https://data.norge.no/specification/dcat-ap-no,
 * "Datasett – utgiver", note 3): until Brønnøysundregistrene settle a lasting URI pattern, a publisher is referred to as
 * `https://organization-catalog.fellesdatakatalog.digdir.no/organizations/<organisasjonsnummer>`, which data.norge.no
 * resolves and fills in from its organisation catalogue. "Aktør – identifikator" adds that an agent with an organisation
 * number BØR give it as dct:identifier, and "Klassen Aktør" that an organisation BØR be typed org:Organization.
 */
export const organisationPublisher = (organisationNumber: string) => `https://organization-catalog.fellesdatakatalog.digdir.no/organizations/${organisationNumber}`;

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export interface DcatMunicipality {
  slug: string;
  name: string;
  kommunenummer: string;
  /** When it joined the portal: the dataset's issue date. */
  createdAt: string;
  /** Its published journeys' publication times. */
  publishedAt: string[];
  /** Languages its published journeys are written in. */
  languages: Locale[];
  /** Its number in Enhetsregisteret, set by its admin: without it, the publisher is named only. */
  organisationNumber: string | null;
  /** The public address for questions about the data, set by its admin: without it, the contact point is its page only. */
  contactEmail: string | null;
}

type Node = Record<string, unknown> & { '@id': string; '@type': string | string[] };

const id = (iri: string) => ({ '@id': iri });
const dateTime = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });
const latest = (times: string[]) => times.reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);

/** The catalogue as JSON-LD; every address absolute, from BASE_URL. */
export class DcatDescription {
  private readonly translators: Record<Locale, TFunction>;

  constructor(private readonly baseUrl: string) {
    const i18n = createI18n();
    this.translators = Object.fromEntries(LOCALES.map((lng) => [lng, i18n.getFixedT(lng)])) as Record<Locale, TFunction>;
  }

  /** One literal per language: the same key in bokmål, nynorsk and English. */
  private texts(key: string, values: Record<string, string> = {}) {
    return LOCALES.map((lng) => ({ '@value': this.translators[lng](`openData.${key}`, values), '@language': lng }));
  }

  private url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  catalogue(municipalities: DcatMunicipality[]) {
    const self = this.url(paths.api.dcat());
    const catalogId = `${self}#catalog`;
    const portal = `${self}#portal`;
    const api = this.url(paths.api.root());
    const datasets = municipalities.map((m) => this.dataset(m, self, api));
    const modified = latest(municipalities.flatMap((m) => m.publishedAt));
    const catalog: Node = {
      '@id': catalogId,
      '@type': 'dcat:Catalog',
      'dct:identifier': catalogId,
      'dct:title': this.texts('catalogTitle'),
      'dct:description': this.texts('catalogDescription'),
      'dct:publisher': id(portal),
      'foaf:homepage': id(this.url(paths.home())),
      'dct:language': LOCALES.map((lng) => id(LANGUAGES[lng])),
      'dct:license': id(NLOD),
      'dcat:themeTaxonomy': id(`${EU}/data-theme`),
      'dcat:dataset': datasets.map((d) => id(d.dataset['@id'])),
      'dcat:service': id(api),
      ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    };
    const service: Node = {
      '@id': api,
      '@type': 'dcat:DataService',
      'dct:identifier': api,
      'dct:title': this.texts('apiTitle'),
      'dct:description': this.texts('apiDescription'),
      'dcat:endpointURL': id(api),
      'dcat:endpointDescription': id(this.url(paths.api.openapi())),
      'dcat:servesDataset': datasets.map((d) => id(d.dataset['@id'])),
      'dct:publisher': id(portal),
      'dct:license': id(NLOD),
      'dct:accessRights': id(ACCESS_PUBLIC),
      'dcat:mediaType': id(MEDIA_TYPES.json),
    };
    // The portal as the catalogue's publisher: its operator's organisation number is not something the portal knows.
    const publisher: Node = { '@id': portal, '@type': 'foaf:Agent', 'foaf:name': this.translators.nb('site.name') };
    return {
      '@context': DCAT_CONTEXT,
      '@graph': [catalog, service, publisher, ...datasets.flatMap((d) => [d.dataset, ...d.nodes]), ...this.vocabulary(municipalities)],
    };
  }

  private dataset(m: DcatMunicipality, self: string, api: string): { dataset: Node; nodes: Node[] } {
    const datasetId = `${self}#dataset-${m.slug}`;
    const publisherId = m.organisationNumber ? organisationPublisher(m.organisationNumber) : `${self}#publisher-${m.slug}`;
    const contactId = `${self}#contact-${m.slug}`;
    const page = this.url(paths.municipality({ municipality: m.slug }));
    const name = { municipality: m.name };
    const distribution = (key: string, format: 'json' | 'csv', address: string, download: boolean): Node => ({
      '@id': `${datasetId}-${key}`,
      '@type': 'dcat:Distribution',
      'dct:title': this.texts(`${key}Title`),
      'dct:description': this.texts(`${key}Description`),
      'dcat:accessURL': id(address),
      ...(download ? { 'dcat:downloadURL': id(address) } : {}),
      'dct:format': id(FILE_TYPES[format]),
      'dcat:mediaType': id(MEDIA_TYPES[format]),
      'dct:license': id(NLOD),
      'dcat:accessService': id(api),
    });
    const distributions = [
      distribution('candidates', 'json', this.url(paths.api.candidates({ municipality: m.slug })), false),
      distribution('journeys', 'json', this.url(paths.api.journeys({ municipality: m.slug })), false),
      distribution('csv', 'csv', this.url(paths.api.candidatesCsv({ municipality: m.slug })), true),
    ];
    const modified = latest(m.publishedAt);
    const dataset: Node = {
      '@id': datasetId,
      '@type': 'dcat:Dataset',
      'dct:identifier': datasetId,
      'dct:title': this.texts('datasetTitle', name),
      'dct:description': this.texts('datasetDescription', name),
      'dct:publisher': id(publisherId),
      'dcat:contactPoint': id(contactId),
      'dcat:theme': id(THEME_GOVE),
      'dcat:keyword': LOCALES.flatMap((lng) => this.translators[lng]('openData.keywords').split(',').map((word) => ({ '@value': word, '@language': lng }))),
      'dct:accessRights': id(ACCESS_PUBLIC),
      'dct:spatial': id(municipalityPlace(m.kommunenummer)),
      'dct:language': m.languages.map((lng) => id(LANGUAGES[lng])),
      'dct:accrualPeriodicity': id(CONTINUOUS),
      'dcat:landingPage': id(page),
      'dcat:distribution': distributions.map((d) => id(d['@id'])),
      'dct:issued': dateTime(m.createdAt),
      ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    };
    const publisher: Node = {
      '@id': publisherId,
      '@type': m.organisationNumber ? ['foaf:Agent', 'org:Organization'] : 'foaf:Agent',
      ...(m.organisationNumber ? { 'dct:identifier': m.organisationNumber } : {}),
      'foaf:name': m.name,
      'dct:type': id(LOCAL_AUTHORITY),
      'dct:spatial': id(municipalityPlace(m.kommunenummer)),
    };
    // DCAT-AP-NO's contact point wants an e-mail address or a contact page, as resources (Kontaktopplysning – har e-post):
    // the address as a mailto: IRI, the page the municipality's own in the portal.
    const contact: Node = {
      '@id': contactId,
      '@type': ['vcard:Kind', 'vcard:Organization'],
      'vcard:fn': m.name,
      ...(m.contactEmail ? { 'vcard:hasEmail': id(`mailto:${m.contactEmail}`) } : {}),
      'vcard:hasURL': id(page),
    };
    const landing: Node = { '@id': page, '@type': 'foaf:Document', 'dct:title': m.name };
    return { dataset, nodes: [publisher, contact, landing, ...distributions] };
  }

  /** The controlled terms the graph points at, typed and labelled as DCAT-AP-NO's shapes expect of them. */
  private vocabulary(municipalities: DcatMunicipality[]): Node[] {
    const places = [...new Map(municipalities.map((m) => [m.kommunenummer, m])).values()];
    return [
      { '@id': NLOD, '@type': 'dct:LicenseDocument', 'dct:title': 'Norsk lisens for offentlige data (NLOD) 2.0' },
      { '@id': ACCESS_PUBLIC, '@type': 'dct:RightsStatement' },
      { '@id': CONTINUOUS, '@type': 'dct:Frequency' },
      { '@id': THEME_GOVE, '@type': 'skos:Concept', 'skos:prefLabel': this.texts('themeGove'), 'skos:inScheme': id(`${EU}/data-theme`) },
      { '@id': `${EU}/data-theme`, '@type': 'skos:ConceptScheme', 'dct:title': 'Data theme' },
      ...LOCALES.map((lng): Node => ({ '@id': LANGUAGES[lng], '@type': 'dct:LinguisticSystem' })),
      ...(['json', 'csv'] as const).flatMap((format): Node[] => [
        { '@id': FILE_TYPES[format], '@type': 'dct:MediaTypeOrExtent' },
        { '@id': MEDIA_TYPES[format], '@type': 'dct:MediaType' },
      ]),
      ...places.map((m): Node => ({ '@id': municipalityPlace(m.kommunenummer), '@type': 'dct:Location', 'dct:identifier': m.kommunenummer })),
    ];
  }
}
