// Starte og drive bedrift: from the idea to the yearly round of reporting (Digdir's life event "Starte og drive
// bedrift").
import { text, type JourneyTemplate } from './template';
import {
  BANKEN,
  BRREG,
  BYGGESAK,
  ETABLERERTJENESTEN,
  MATTILSYNET,
  NAERING_OG_BEVILLINGER,
  SKATTEETATEN,
} from './template-departments';
import { ALTINN, BANK, MUNICIPAL_WEBSITE } from './template-touchpoints';

export const startingAndRunningABusiness: JourneyTemplate = {
  name: text('Starte og drive bedrift', 'Starte og drive bedrift', 'Starting and running a business'),
  lifeEvent: 'starte-bedrift',
  slug: text('starte-og-drive-bedrift', 'starte-og-drive-bedrift', 'starting-and-running-a-business'),
  title: text('Jeg skal starte og drive bedrift', 'Eg skal starte og drive bedrift', 'I am starting and running a business'),
  summary: text(
    'Fra idé og registrering til tillatelser, første ansatte og årlig rapportering.',
    'Frå idé og registrering til løyve, første tilsette og årleg rapportering.',
    'From idea and registration to permits, the first employee and yearly reporting.',
  ),
  trigger: text('Jeg har en forretningsidé jeg vil satse på.', 'Eg har ein forretningsidé eg vil satse på.', 'I have a business idea I want to pursue.'),
  outcome: text(
    'Bedriften er registrert, har tillatelsene den trenger og rapporterer det den skal.',
    'Bedrifta er registrert, har løyva ho treng og rapporterer det ho skal.',
    'The business is registered, has the permits it needs and reports what it must.',
  ),
  phases: [
    {
      title: text('Idé og planlegging', 'Idé og planlegging', 'Idea and planning'),
      description: text(
        'Hva som kreves, og hvilken organisasjonsform som passer.',
        'Kva som krevst, og kva organisasjonsform som passar.',
        'What is required, and which type of business suits.',
      ),
      steps: [
        {
          title: text('Finne ut hva som kreves', 'Finne ut kva som krevst', 'Find out what is required'),
          residentAction: text(
            'Jeg leser om plikter, registrering og tillatelser for bransjen min.',
            'Eg les om plikter, registrering og løyve for bransjen min.',
            'I read about duties, registration and permits for my line of business.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: null,
        },
        {
          title: text('Få veiledning', 'Få rettleiing', 'Get advice'),
          residentAction: text(
            'Jeg får råd om forretningsplan, finansiering og hva jeg bør tenke på.',
            'Eg får råd om forretningsplan, finansiering og kva eg bør tenkje på.',
            'I get advice on a business plan, funding and what to think about.',
          ),
          touchpoint: text('Veiledningsmøte', 'Rettleiingsmøte', 'Advice meeting'),
          channel: 'in_person',
          department: ETABLERERTJENESTEN,
        },
        {
          title: text('Velge organisasjonsform', 'Velje organisasjonsform', 'Choose a type of business'),
          residentAction: text(
            'Jeg velger for eksempel mellom enkeltpersonforetak og aksjeselskap.',
            'Eg vel til dømes mellom enkeltpersonføretak og aksjeselskap.',
            'I choose, for example, between a sole proprietorship and a limited company.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: null,
        },
      ],
    },
    {
      title: text('Registrering', 'Registrering', 'Registration'),
      description: text(
        'Bedriften blir registrert og får organisasjonsnummer.',
        'Bedrifta blir registrert og får organisasjonsnummer.',
        'The business is registered and gets an organisation number.',
      ),
      steps: [
        {
          title: text('Registrere bedriften', 'Registrere bedrifta', 'Register the business'),
          residentAction: text(
            'Jeg sender samordnet registermelding og får organisasjonsnummer.',
            'Eg sender samordna registermelding og får organisasjonsnummer.',
            'I submit the coordinated register notification and receive an organisation number.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: BRREG,
        },
        {
          title: text('Registrere bedriften for mva', 'Registrere bedrifta for mva', 'Register the business for VAT'),
          residentAction: text(
            'Jeg registrerer bedriften i Merverdiavgiftsregisteret når omsetningen går over grensen.',
            'Eg registrerer bedrifta i Meirverdiavgiftsregisteret når omsetnaden går over grensa.',
            'I register the business in the VAT Register when turnover passes the threshold.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: SKATTEETATEN,
        },
        {
          title: text('Åpne bedriftskonto', 'Opne bedriftskonto', 'Open a business account'),
          residentAction: text(
            'Jeg åpner en egen konto for bedriften.',
            'Eg opnar ein eigen konto for bedrifta.',
            'I open a separate account for the business.',
          ),
          touchpoint: BANK,
          channel: 'digital',
          department: BANKEN,
        },
      ],
    },
    {
      title: text('Lokaler og tillatelser', 'Lokale og løyve', 'Premises and permits'),
      description: text(
        'Det som må være på plass før jeg kan åpne.',
        'Det som må vere på plass før eg kan opne.',
        'What must be in place before I can open.',
      ),
      steps: [
        {
          title: text('Avklare bruken av lokalene', 'Avklare bruken av lokala', 'Check the use of the premises'),
          residentAction: text(
            'Jeg sjekker om lokalene kan brukes til virksomheten, eller om jeg må søke om bruksendring.',
            'Eg sjekkar om lokala kan brukast til verksemda, eller om eg må søkje om bruksendring.',
            'I check whether the premises may be used for the business, or whether I must apply for a change of use.',
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: BYGGESAK,
        },
        {
          title: text('Søke bevillinger', 'Søkje løyve', 'Apply for licences'),
          residentAction: text(
            'Jeg søker for eksempel om serverings- eller skjenkebevilling hvis virksomheten trenger det.',
            'Eg søkjer til dømes om serverings- eller skjenkeløyve om verksemda treng det.',
            'I apply, for example, for a food service or alcohol licence if the business needs one.',
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: NAERING_OG_BEVILLINGER,
        },
        {
          title: text('Melde fra til tilsynsmyndighetene', 'Melde frå til tilsynsstyresmaktene', 'Notify the regulators'),
          residentAction: text(
            'Jeg melder fra til tilsynene som gjelder bransjen, for eksempel Mattilsynet.',
            'Eg melder frå til tilsyna som gjeld bransjen, til dømes Mattilsynet.',
            'I notify the regulators for my line of business, such as the Food Safety Authority.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: MATTILSYNET,
        },
      ],
    },
    {
      title: text('Drift', 'Drift', 'Running the business'),
      description: text('Ansatte, regnskap, skatt og avgifter.', 'Tilsette, rekneskap, skatt og avgifter.', 'Employees, accounts, tax and duties.'),
      steps: [
        {
          title: text('Ansette den første medarbeideren', 'Tilsetje den første medarbeidaren', 'Hire the first employee'),
          residentAction: text(
            'Jeg skriver arbeidsavtale, tegner yrkesskadeforsikring og sender a-melding hver måned.',
            'Eg skriv arbeidsavtale, teiknar yrkesskadeforsikring og sender a-melding kvar månad.',
            'I write an employment contract, take out occupational injury insurance and file the a-melding every month.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: SKATTEETATEN,
        },
        {
          title: text('Føre regnskap', 'Føre rekneskap', 'Keep accounts'),
          residentAction: text(
            'Jeg fører regnskapet selv eller får hjelp av en regnskapsfører.',
            'Eg fører rekneskapen sjølv eller får hjelp av ein rekneskapsførar.',
            'I keep the accounts myself or get help from an accountant.',
          ),
          touchpoint: text('Regnskapsprogram', 'Rekneskapsprogram', 'Accounting software'),
          channel: 'digital',
          department: null,
        },
        {
          title: text('Levere mva-melding og skattemelding', 'Levere mva-melding og skattemelding', 'File VAT and tax returns'),
          residentAction: text(
            'Jeg leverer mva-melding hver termin og skattemelding for bedriften hvert år.',
            'Eg leverer mva-melding kvar termin og skattemelding for bedrifta kvart år.',
            'I file a VAT return every period and a tax return for the business every year.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: SKATTEETATEN,
        },
        {
          title: text('Sende årsregnskapet', 'Sende årsrekneskapen', 'Submit the annual accounts'),
          residentAction: text(
            'Er bedriften et aksjeselskap, sender jeg årsregnskapet til Regnskapsregisteret.',
            'Er bedrifta eit aksjeselskap, sender eg årsrekneskapen til Rekneskapsregisteret.',
            'If the business is a limited company, I submit the annual accounts to the Register of Company Accounts.',
          ),
          touchpoint: ALTINN,
          channel: 'digital',
          department: BRREG,
        },
      ],
    },
  ],
};
