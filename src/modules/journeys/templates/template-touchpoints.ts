// Touchpoints several templates share. Addresses are the same in every language.
import { same, text } from './template';

export const NAV_NO = same('nav.no');
export const ALTINN = same('altinn.no');
export const SKATTEETATEN_NO = same('skatteetaten.no');
export const HELSENORGE = same('helsenorge.no');
export const MUNICIPAL_WEBSITE = text('Kommunens nettside', 'Nettsida til kommunen', "The municipality's website");
export const WORKPLACE = text('Arbeidsplassen', 'Arbeidsplassen', 'The workplace');
export const BANK = text('Banken', 'Banken', 'The bank');
