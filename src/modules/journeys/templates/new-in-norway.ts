// Ny i Norge: from the permission to live here to everyday life and Norwegian lessons (Digdir's life event "Ny i
// Norge"). The journeys' life events have no entry for it, so the draft is filed under "annet".
import { same, text, type JourneyTemplate } from './template';
import {
  BANKEN,
  FLYKTNINGTJENESTEN,
  HELFO,
  POLITIET,
  SKATTEETATEN,
  SKOLE_OG_BARNEHAGE,
  UDI,
  VOKSENOPPLAERINGEN,
} from './template-departments';
import { BANK, HELSENORGE, MUNICIPAL_WEBSITE, SKATTEETATEN_NO } from './template-touchpoints';

const UDI_NO = same('udi.no');

export const newInNorway: JourneyTemplate = {
  name: text('Ny i Norge', 'Ny i Noreg', 'New in Norway'),
  lifeEvent: 'ny-i-norge',
  slug: text('ny-i-norge', 'ny-i-noreg', 'new-in-norway'),
  title: text('Jeg har flyttet til Norge', 'Eg har flytta til Noreg', 'I have moved to Norway'),
  summary: text(
    'Fra tillatelsen til å bo her til jeg har ID-nummer, bank, fastlege og norskopplæring på plass.',
    'Frå løyvet til å bu her til eg har ID-nummer, bank, fastlege og norskopplæring på plass.',
    'From the permission to live here until I have an identity number, a bank, a GP and Norwegian lessons in place.',
  ),
  trigger: text(
    'Jeg skal flytte til Norge for å jobbe, studere eller bo med familien.',
    'Eg skal flytte til Noreg for å jobbe, studere eller bu med familien.',
    'I am moving to Norway to work, study or live with my family.',
  ),
  outcome: text(
    'Jeg er registrert, har det jeg trenger i hverdagen, og lærer norsk.',
    'Eg er registrert, har det eg treng i kvardagen, og lærer norsk.',
    'I am registered, have what I need in everyday life, and am learning Norwegian.',
  ),
  phases: [
    {
      title: text('Før jeg kommer', 'Før eg kjem', 'Before I arrive'),
      description: text(
        'Hvilke regler som gjelder, og tillatelsen til å bo her.',
        'Kva reglar som gjeld, og løyvet til å bu her.',
        'Which rules apply, and the permission to live here.',
      ),
      steps: [
        {
          title: text('Finne ut hvilke regler som gjelder for meg', 'Finne ut kva reglar som gjeld for meg', 'Find out which rules apply to me'),
          residentAction: text(
            'Jeg finner ut om jeg må søke om oppholdstillatelse eller bare registrere meg.',
            'Eg finn ut om eg må søkje om opphaldsløyve eller berre registrere meg.',
            'I find out whether I must apply for a residence permit or only register.',
          ),
          touchpoint: UDI_NO,
          channel: 'digital',
          department: UDI,
        },
        {
          title: text('Søke om oppholdstillatelse eller registrere meg', 'Søkje om opphaldsløyve eller registrere meg', 'Apply for a residence permit or register'),
          residentAction: text(
            'Jeg fyller ut søknaden eller registreringen og bestiller time for å levere dokumenter.',
            'Eg fyller ut søknaden eller registreringa og bestiller time for å levere dokument.',
            'I fill in the application or registration and book an appointment to hand in documents.',
          ),
          touchpoint: UDI_NO,
          channel: 'digital',
          department: UDI,
        },
      ],
    },
    {
      title: text('De første ukene', 'Dei første vekene', 'The first weeks'),
      description: text('Oppmøte, ID-kontroll og registrering.', 'Oppmøte, ID-kontroll og registrering.', 'Appointments, identity checks and registration.'),
      steps: [
        {
          title: text('Møte hos politiet', 'Møte hos politiet', 'Attend an appointment with the police'),
          residentAction: text(
            'Jeg møter opp med pass og dokumenter og får tatt fingeravtrykk og bilde.',
            'Eg møter opp med pass og dokument og får teke fingeravtrykk og bilete.',
            'I attend with my passport and documents and have my fingerprints and photo taken.',
          ),
          touchpoint: text(
            'Politiet eller et servicesenter for utenlandske arbeidstakere',
            'Politiet eller eit servicesenter for utanlandske arbeidstakarar',
            'The police or a service centre for foreign workers',
          ),
          channel: 'in_person',
          department: POLITIET,
        },
        {
          title: text('Melde flytting til Norge', 'Melde flytting til Noreg', 'Report my move to Norway'),
          residentAction: text(
            'Jeg melder flyttingen og møter til ID-kontroll.',
            'Eg melder flyttinga og møter til ID-kontroll.',
            'I report the move and attend an identity check.',
          ),
          touchpoint: text('Skattekontoret', 'Skattekontoret', 'The tax office'),
          channel: 'in_person',
          department: SKATTEETATEN,
        },
        {
          title: text('Få fødselsnummer eller d-nummer', 'Få fødselsnummer eller d-nummer', 'Receive an identity number or D number'),
          residentAction: text(
            'Jeg får brev med nummeret jeg trenger for bank, lege og jobb.',
            'Eg får brev med nummeret eg treng for bank, lege og jobb.',
            'I receive a letter with the number I need for the bank, the doctor and work.',
          ),
          touchpoint: text('Brev', 'Brev', 'Letter'),
          channel: 'letter',
          department: SKATTEETATEN,
        },
        {
          title: text('Få skattekort', 'Få skattekort', 'Get a tax deduction card'),
          residentAction: text(
            'Jeg bestiller skattekort, så arbeidsgiveren trekker riktig skatt.',
            'Eg bestiller skattekort, så arbeidsgivaren trekkjer rett skatt.',
            'I order a tax deduction card so that my employer deducts the right tax.',
          ),
          touchpoint: SKATTEETATEN_NO,
          channel: 'digital',
          department: SKATTEETATEN,
        },
      ],
    },
    {
      title: text('Hverdagen', 'Kvardagen', 'Everyday life'),
      description: text(
        'Bank, lege, og skole eller barnehage for barna.',
        'Bank, lege, og skule eller barnehage for borna.',
        'A bank, a doctor, and school or kindergarten for the children.',
      ),
      steps: [
        {
          title: text('Åpne bankkonto og få BankID', 'Opne bankkonto og få BankID', 'Open a bank account and get BankID'),
          residentAction: text(
            'Jeg åpner konto og får BankID, som jeg trenger for å logge inn på offentlige tjenester.',
            'Eg opnar konto og får BankID, som eg treng for å logge inn på offentlege tenester.',
            'I open an account and get BankID, which I need to log in to public services.',
          ),
          touchpoint: BANK,
          channel: 'in_person',
          department: BANKEN,
        },
        {
          title: text('Få fastlege', 'Få fastlege', 'Get a GP'),
          residentAction: text('Jeg velger fastlege.', 'Eg vel fastlege.', 'I choose a GP.'),
          touchpoint: HELSENORGE,
          channel: 'digital',
          department: HELFO,
        },
        {
          title: text('Søke skole- eller barnehageplass til barna', 'Søkje skule- eller barnehageplass til borna', 'Find school or kindergarten places for the children'),
          residentAction: text(
            'Jeg melder barna inn på skolen eller søker barnehageplass.',
            'Eg melder borna inn på skulen eller søkjer barnehageplass.',
            'I enrol the children at school or apply for a kindergarten place.',
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: SKOLE_OG_BARNEHAGE,
        },
      ],
    },
    {
      title: text('Norsk og nettverk', 'Norsk og nettverk', 'Language and community'),
      description: text(
        'Norsk og samfunnskunnskap, og å bli kjent med folk.',
        'Norsk og samfunnskunnskap, og å bli kjend med folk.',
        'Norwegian and social studies, and getting to know people.',
      ),
      steps: [
        {
          title: text('Finne ut om jeg har rett til norskopplæring', 'Finne ut om eg har rett til norskopplæring', 'Find out whether I am entitled to Norwegian lessons'),
          residentAction: text(
            'Jeg finner ut om jeg har rett eller plikt til opplæring, eller må betale selv.',
            'Eg finn ut om eg har rett eller plikt til opplæring, eller må betale sjølv.',
            'I find out whether I have a right or a duty to take lessons, or must pay myself.',
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: VOKSENOPPLAERINGEN,
        },
        {
          title: text('Begynne på norskkurs', 'Byrje på norskkurs', 'Start a Norwegian course'),
          residentAction: text(
            'Jeg tar en kartleggingstest og begynner i en klasse.',
            'Eg tek ein kartleggingstest og byrjar i ein klasse.',
            'I take a placement test and join a class.',
          ),
          touchpoint: text('Voksenopplæringen', 'Vaksenopplæringa', 'The adult education centre'),
          channel: 'in_person',
          department: VOKSENOPPLAERINGEN,
        },
        {
          title: text('Delta i introduksjonsprogrammet', 'Delta i introduksjonsprogrammet', 'Take part in the introduction programme'),
          residentAction: text(
            'Har jeg fått beskyttelse, får jeg en plan for opplæring og arbeid.',
            'Har eg fått vern, får eg ein plan for opplæring og arbeid.',
            'If I have been granted protection, I get a plan for education and work.',
          ),
          touchpoint: text('Flyktningtjenesten', 'Flyktningtenesta', 'Refugee services'),
          channel: 'in_person',
          department: FLYKTNINGTJENESTEN,
        },
        {
          title: text('Bli kjent i nærmiljøet', 'Bli kjend i nærmiljøet', 'Get to know the neighbourhood'),
          residentAction: text(
            'Jeg finner aktiviteter og møteplasser, som språkkafé på biblioteket eller et lag.',
            'Eg finn aktivitetar og møteplassar, som språkkafé på biblioteket eller eit lag.',
            'I find activities and meeting places, such as a language café at the library or a local club.',
          ),
          touchpoint: text('Biblioteket og frivillige lag', 'Biblioteket og frivillige lag', 'The library and local clubs'),
          channel: 'in_person',
          department: null,
        },
      ],
    },
  ],
};
