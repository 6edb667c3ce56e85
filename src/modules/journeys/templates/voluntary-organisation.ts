// Starte og drive en frivillig organisasjon: from the founding meeting to the yearly round (Digdir's life event
// "Starte og drive en frivillig organisasjon"). The journeys' life events have no entry for it, so the draft is
// filed under "annet".
import { same, text, type JourneyTemplate } from './template';
import { BANKEN, BRREG, KULTURKONTORET, LOTTSTIFT, POLITIET } from './template-departments';
import { ALTINN, BANK } from './template-touchpoints';

const GRANT_PORTAL = text('Kommunens tilskuddsportal', 'Tilskotsportalen til kommunen', "The municipality's grant portal");
const POLITIET_NO = same('politiet.no');

export const voluntaryOrganisation: JourneyTemplate = {
  name: text('Starte og drive en frivillig organisasjon', 'Starte og drive ein frivillig organisasjon', 'Starting and running a voluntary organisation'),
  lifeEvent: 'frivillig-organisasjon',
  slug: text('starte-og-drive-frivillig-organisasjon', 'starte-og-drive-frivillig-organisasjon', 'starting-and-running-a-voluntary-organisation'),
  title: text(
    'Vi skal starte og drive en frivillig organisasjon',
    'Vi skal starte og drive ein frivillig organisasjon',
    'We are starting and running a voluntary organisation',
  ),
  summary: text(
    'Fra stiftelsesmøtet og registreringen til tilskudd, arrangementer og årsmøte.',
    'Frå stiftingsmøtet og registreringa til tilskot, arrangement og årsmøte.',
    'From the founding meeting and registration to grants, events and the annual meeting.',
  ),
  trigger: text(
    'Vi er noen som vil gjøre noe sammen og trenger en organisasjon.',
    'Vi er nokre som vil gjere noko saman og treng ein organisasjon.',
    'A group of us want to do something together and need an organisation.',
  ),
  outcome: text(
    'Organisasjonen er registrert, har økonomi og aktiviteter, og holder årsmøte.',
    'Organisasjonen er registrert, har økonomi og aktivitetar, og held årsmøte.',
    'The organisation is registered, has funding and activities, and holds an annual meeting.',
  ),
  phases: [
    {
      title: text('Stifte organisasjonen', 'Stifte organisasjonen', 'Founding the organisation'),
      description: text('Vedtekter, styre og registrering.', 'Vedtekter, styre og registrering.', 'Articles, board and registration.'),
      steps: [
        {
          title: text('Holde stiftelsesmøte', 'Halde stiftingsmøte', 'Hold a founding meeting'),
          residentAction: text(
            'Vi vedtar vedtekter, velger styre og skriver protokoll.',
            'Vi vedtek vedtekter, vel styre og skriv protokoll.',
            'We adopt articles of association, elect a board and write the minutes.',
          ),
          touchpoint: text('Stiftelsesmøtet', 'Stiftingsmøtet', 'The founding meeting'),
          channel: 'in_person',
          department: null,
        },
        {
          title: text('Registrere i Enhetsregisteret', 'Registrere i Einingsregisteret', 'Register in the Central Coordinating Register'),
          residentAction: text(
            'Vi sender samordnet registermelding og får organisasjonsnummer.',
            'Vi sender samordna registermelding og får organisasjonsnummer.',
            'We submit the coordinated register notification and get an organisation number.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: BRREG,
        },
        {
          title: text('Registrere i Frivillighetsregisteret', 'Registrere i Frivilligregisteret', 'Register in the Register of Non-Profit Organisations'),
          residentAction: text(
            'Vi registrerer oss for å kunne få Grasrotandelen og momskompensasjon.',
            'Vi registrerer oss for å kunne få Grasrotandelen og momskompensasjon.',
            'We register so that we can receive the Grassroots Share and VAT compensation.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: BRREG,
        },
        {
          title: text('Åpne bankkonto', 'Opne bankkonto', 'Open a bank account'),
          residentAction: text(
            'Vi åpner konto i organisasjonens navn og avtaler hvem som kan disponere den.',
            'Vi opnar konto i namnet til organisasjonen og avtaler kven som kan disponere han.',
            "We open an account in the organisation's name and agree who may use it.",
          ),
          touchpoint: BANK,
          channel: 'in_person',
          department: BANKEN,
        },
      ],
    },
    {
      title: text('Økonomi', 'Økonomi', 'Funding'),
      description: text('Tilskudd og kompensasjon.', 'Tilskot og kompensasjon.', 'Grants and compensation.'),
      steps: [
        {
          title: text('Søke kommunale tilskudd', 'Søkje kommunale tilskot', 'Apply for municipal grants'),
          residentAction: text(
            'Vi søker om driftstilskudd eller tilskudd til aktiviteter innen fristen.',
            'Vi søkjer om driftstilskot eller tilskot til aktivitetar innan fristen.',
            'We apply for operating or activity grants before the deadline.',
          ),
          touchpoint: GRANT_PORTAL,
          channel: 'digital',
          department: KULTURKONTORET,
        },
        {
          title: text('Søke momskompensasjon', 'Søkje momskompensasjon', 'Apply for VAT compensation'),
          residentAction: text(
            'Vi søker om å få tilbake merverdiavgift vi har betalt.',
            'Vi søkjer om å få tilbake meirverdiavgift vi har betalt.',
            'We apply to get back the VAT we have paid.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: LOTTSTIFT,
        },
      ],
    },
    {
      title: text('Aktiviteter', 'Aktivitetar', 'Activities'),
      description: text('Lokaler, arrangementer og frivillige.', 'Lokale, arrangement og frivillige.', 'Premises, events and volunteers.'),
      steps: [
        {
          title: text('Låne eller leie lokaler', 'Låne eller leige lokale', 'Borrow or rent premises'),
          residentAction: text(
            'Vi søker om å bruke kommunale lokaler eller anlegg.',
            'Vi søkjer om å bruke kommunale lokale eller anlegg.',
            "We apply to use the municipality's premises or facilities.",
          ),
          touchpoint: text('Kommunens bookingløsning', 'Bookingløysinga til kommunen', "The municipality's booking system"),
          channel: 'digital',
          department: KULTURKONTORET,
        },
        {
          title: text('Melde fra om arrangementer', 'Melde frå om arrangement', 'Notify the police of events'),
          residentAction: text(
            'Vi melder fra til politiet om offentlige arrangementer og søker skjenkebevilling hvis vi trenger det.',
            'Vi melder frå til politiet om offentlege arrangement og søkjer skjenkeløyve om vi treng det.',
            'We notify the police of public events and apply for an alcohol licence if we need one.',
          ),
          touchpoint: POLITIET_NO,
          channel: 'digital',
          department: POLITIET,
        },
        {
          title: text('Innhente politiattest', 'Hente inn politiattest', 'Obtain police certificates'),
          residentAction: text(
            'Frivillige som skal arbeide med barn, leverer politiattest.',
            'Frivillige som skal arbeide med born, leverer politiattest.',
            'Volunteers who will work with children hand in a police certificate.',
          ),
          touchpoint: POLITIET_NO,
          channel: 'digital',
          department: POLITIET,
        },
      ],
    },
    {
      title: text('Året rundt', 'Året rundt', 'The yearly round'),
      description: text(
        'Årsmøte, rapportering og oppdaterte registre.',
        'Årsmøte, rapportering og oppdaterte register.',
        'Annual meeting, reporting and up-to-date registers.',
      ),
      steps: [
        {
          title: text('Holde årsmøte', 'Halde årsmøte', 'Hold the annual meeting'),
          residentAction: text(
            'Vi legger fram årsmelding og regnskap og velger nytt styre.',
            'Vi legg fram årsmelding og rekneskap og vel nytt styre.',
            'We present the annual report and accounts and elect a new board.',
          ),
          touchpoint: text('Årsmøtet', 'Årsmøtet', 'The annual meeting'),
          channel: 'in_person',
          department: null,
        },
        {
          title: text('Melde endringer i styret', 'Melde endringar i styret', 'Report changes to the board'),
          residentAction: text(
            'Vi oppdaterer styret og kontaktpersonen i registrene.',
            'Vi oppdaterer styret og kontaktpersonen i registera.',
            'We update the board and the contact person in the registers.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: BRREG,
        },
        {
          title: text('Rapportere på tilskudd', 'Rapportere på tilskot', 'Report on grants'),
          residentAction: text(
            'Vi rapporterer hvordan tilskuddene er brukt.',
            'Vi rapporterer korleis tilskota er brukte.',
            'We report how the grants were used.',
          ),
          touchpoint: GRANT_PORTAL,
          channel: 'digital',
          department: KULTURKONTORET,
        },
      ],
    },
  ],
};
