// The departments the templates name. A journey document carries departments by name, and a new draft reuses the
// municipality's department of that name or creates it (as an import does), so these are the names of functions
// every municipality has rather than of any one municipality's units; the designer renames or reassigns them.
// State agencies keep their own proper names in all three languages, so that drafts made from templates in
// different languages share one department instead of making "Nav" and its English twin.
import { same, type TemplateDepartment } from './template';

const state = (name: string): TemplateDepartment => ({ name: same(name), kind: 'state' });

export const NAV = state('Nav');
export const SKATTEETATEN = state('Skatteetaten');
export const UDI = state('UDI');
export const POLITIET = state('Politiet');
export const BRREG = state('Brønnøysundregistrene');
export const HELFO = state('Helfo');
export const HUSBANKEN = state('Husbanken');
export const KARTVERKET = state('Kartverket');
export const PASIENTREISER = state('Pasientreiser');
export const LOTTSTIFT = state('Lotteri- og stiftelsestilsynet');
export const MATTILSYNET = state('Mattilsynet');

export const TINGRETTEN: TemplateDepartment = { name: { nb: 'Tingretten', nn: 'Tingretten', en: 'District court' }, kind: 'state' };
export const FODEAVDELINGEN: TemplateDepartment = { name: { nb: 'Fødeavdelingen', nn: 'Fødeavdelinga', en: 'Maternity ward' }, kind: 'state' };
export const BARNEAVDELINGEN: TemplateDepartment = { name: { nb: 'Barneavdelingen', nn: 'Barneavdelinga', en: "Children's ward" }, kind: 'state' };

const municipal = (nb: string, nn: string, en: string): TemplateDepartment => ({ name: { nb, nn, en }, kind: 'municipal' });

export const HELSESTASJONEN = municipal('Helsestasjonen', 'Helsestasjonen', 'Child health centre');
export const BARNEHAGEOPPTAKET = municipal('Barnehageopptaket', 'Barnehageopptaket', 'Kindergarten admissions');
export const KOORDINERENDE_ENHET = municipal('Koordinerende enhet', 'Koordinerande eining', 'Coordinating unit');
export const TJENESTEKONTORET = municipal('Tjenestekontoret', 'Tenestekontoret', 'Health and care services office');
export const PPT = municipal('PPT (pedagogisk-psykologisk tjeneste)', 'PPT (pedagogisk-psykologisk teneste)', 'Educational and psychological counselling service (PPT)');
export const SKOLE_OG_BARNEHAGE = municipal('Skole og barnehage', 'Skule og barnehage', 'Schools and kindergartens');
export const NAV_KONTORET = municipal('Nav-kontoret (sosiale tjenester)', 'Nav-kontoret (sosiale tenester)', 'Nav office (social services)');
export const VOKSENOPPLAERINGEN = municipal('Voksenopplæringen', 'Vaksenopplæringa', 'Adult education centre');
export const FLYKTNINGTJENESTEN = municipal('Flyktningtjenesten', 'Flyktningtenesta', 'Refugee services');
export const ETABLERERTJENESTEN = municipal('Etablerertjenesten', 'Etablerartenesta', 'Business start-up advice');
export const NAERING_OG_BEVILLINGER = municipal('Næring og bevillinger', 'Næring og løyve', 'Business and licensing');
export const BYGGESAK = municipal('Byggesak', 'Byggjesak', 'Building applications');
export const GRAVPLASSFORVALTNINGEN = municipal('Gravplassforvaltningen', 'Gravplassforvaltninga', 'Cemetery administration');
export const KULTURKONTORET = municipal('Kulturkontoret', 'Kulturkontoret', 'Culture office');
export const LEGEVAKTEN = municipal('Legevakten', 'Legevakta', 'Out-of-hours medical service');

const privately = (nb: string, nn: string, en: string): TemplateDepartment => ({ name: { nb, nn, en }, kind: 'private' });

export const ARBEIDSGIVEREN = privately('Arbeidsgiveren', 'Arbeidsgivaren', 'Employer');
export const BANKEN = privately('Banken', 'Banken', 'Bank');
export const BEGRAVELSESBYRAAET = privately('Begravelsesbyrået', 'Gravferdsbyrået', 'Funeral director');
