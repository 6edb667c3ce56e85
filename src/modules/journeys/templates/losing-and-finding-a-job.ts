// Miste og finne jobb: from the notice to a new job (Digdir's life event "Miste og finne jobb"). The journeys'
// life events have no "job" entry, so the draft is filed under "annet" until the vocabulary gets one.
import { same, text, type JourneyTemplate } from './template';
import { ARBEIDSGIVEREN, HUSBANKEN, NAV, NAV_KONTORET } from './template-departments';
import { NAV_NO } from './template-touchpoints';

const NAV_OFFICE = text('Nav-kontoret', 'Nav-kontoret', 'The Nav office');
const MY_PAGE = text('Min side på nav.no', 'Mi side på nav.no', 'My page on nav.no');

export const losingAndFindingAJob: JourneyTemplate = {
  name: text('Miste og finne jobb', 'Miste og finne jobb', 'Losing and finding a job'),
  lifeEvent: 'miste-og-finne-jobb',
  slug: text('miste-og-finne-jobb', 'miste-og-finne-jobb', 'losing-and-finding-a-job'),
  title: text('Jeg har mistet jobben', 'Eg har mista jobben', 'I have lost my job'),
  summary: text(
    'Fra beskjeden om oppsigelse eller permittering til jeg er i ny jobb.',
    'Frå beskjeden om oppseiing eller permittering til eg er i ny jobb.',
    'From the news of a dismissal or lay-off until I am in a new job.',
  ),
  trigger: text(
    'Jeg har fått oppsigelse eller varsel om permittering.',
    'Eg har fått oppseiing eller varsel om permittering.',
    'I have been given notice of dismissal or a lay-off.',
  ),
  outcome: text('Jeg har hatt inntekt underveis og er i ny jobb.', 'Eg har hatt inntekt undervegs og er i ny jobb.', 'I have had an income along the way and am in a new job.'),
  phases: [
    {
      title: text('Beskjeden', 'Beskjeden', 'The news'),
      description: text(
        'Oppsigelsen eller permitteringen, og det første som må avklares.',
        'Oppseiinga eller permitteringa, og det første som må avklarast.',
        'The dismissal or lay-off, and the first things to clear up.',
      ),
      steps: [
        {
          title: text('Få oppsigelse eller permitteringsvarsel', 'Få oppseiing eller permitteringsvarsel', 'Receive notice of dismissal or lay-off'),
          residentAction: text(
            'Jeg får skriftlig beskjed fra arbeidsgiveren og finner ut hva den betyr for meg.',
            'Eg får skriftleg beskjed frå arbeidsgivaren og finn ut kva han tyder for meg.',
            'I receive written notice from my employer and find out what it means for me.',
          ),
          touchpoint: text('Brev fra arbeidsgiveren', 'Brev frå arbeidsgivaren', 'Letter from the employer'),
          channel: 'letter',
          department: ARBEIDSGIVEREN,
        },
        {
          title: text('Finne ut hva jeg har rett på', 'Finne ut kva eg har rett på', 'Find out what I am entitled to'),
          residentAction: text(
            'Jeg leser om dagpenger og annen støtte.',
            'Eg les om dagpengar og annan stønad.',
            'I read about unemployment benefit and other support.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Registrere meg som arbeidssøker', 'Registrere meg som arbeidssøkjar', 'Register as a jobseeker'),
          residentAction: text(
            'Jeg registrerer meg som arbeidssøker så tidlig som mulig.',
            'Eg registrerer meg som arbeidssøkjar så tidleg som mogleg.',
            'I register as a jobseeker as early as possible.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
    {
      title: text('Dagpenger', 'Dagpengar', 'Unemployment benefit'),
      description: text(
        'Søknaden, meldekortene og vedtaket.',
        'Søknaden, meldekorta og vedtaket.',
        'The application, the employment status forms and the decision.',
      ),
      steps: [
        {
          title: text('Søke dagpenger', 'Søkje dagpengar', 'Apply for unemployment benefit'),
          residentAction: text(
            'Jeg søker om dagpenger og legger ved dokumentasjon fra arbeidsgiveren.',
            'Eg søkjer om dagpengar og legg ved dokumentasjon frå arbeidsgivaren.',
            'I apply for unemployment benefit and attach documentation from my employer.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Sende meldekort', 'Sende meldekort', 'Submit employment status forms'),
          residentAction: text(
            'Jeg sender meldekort hver fjortende dag.',
            'Eg sender meldekort kvar fjortande dag.',
            'I submit an employment status form every fourteen days.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Få vedtak', 'Få vedtak', 'Receive the decision'),
          residentAction: text(
            'Jeg får svar på søknaden og ser hvor mye jeg får utbetalt.',
            'Eg får svar på søknaden og ser kor mykje eg får utbetalt.',
            'I get an answer to my application and see how much I will be paid.',
          ),
          touchpoint: MY_PAGE,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
    {
      title: text('Økonomien i mellomtiden', 'Økonomien i mellomtida', 'Making ends meet'),
      description: text('Når pengene ikke strekker til.', 'Når pengane ikkje strekk til.', 'When the money does not stretch far enough.'),
      steps: [
        {
          title: text('Få råd om økonomi og gjeld', 'Få råd om økonomi og gjeld', 'Get advice on money and debt'),
          residentAction: text(
            'Jeg får hjelp til å lage et budsjett og snakke med dem jeg skylder penger.',
            'Eg får hjelp til å lage eit budsjett og snakke med dei eg skuldar pengar.',
            'I get help making a budget and talking to the people I owe money.',
          ),
          touchpoint: NAV_OFFICE,
          channel: 'phone',
          department: NAV_KONTORET,
        },
        {
          title: text('Søke økonomisk sosialhjelp', 'Søkje økonomisk sosialhjelp', 'Apply for financial assistance'),
          residentAction: text(
            'Jeg søker om sosialhjelp hvis jeg ikke har nok å leve av.',
            'Eg søkjer om sosialhjelp om eg ikkje har nok å leve av.',
            'I apply for financial assistance if I do not have enough to live on.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV_KONTORET,
        },
        {
          title: text('Søke bostøtte', 'Søkje bustøtte', 'Apply for housing allowance'),
          residentAction: text(
            'Jeg søker om bostøtte hvis boutgiftene er høye i forhold til inntekten.',
            'Eg søkjer om bustøtte om buutgiftene er høge i høve til inntekta.',
            'I apply for a housing allowance if my housing costs are high compared with my income.',
          ),
          touchpoint: same('husbanken.no'),
          channel: 'digital',
          department: HUSBANKEN,
        },
      ],
    },
    {
      title: text('Finne ny jobb', 'Finne ny jobb', 'Finding a new job'),
      description: text('Jobbsøking, kurs og tiltak.', 'Jobbsøking, kurs og tiltak.', 'Job hunting, courses and schemes.'),
      steps: [
        {
          title: text('Lage CV og aktivitetsplan', 'Lage CV og aktivitetsplan', 'Write a CV and an activity plan'),
          residentAction: text(
            'Jeg oppdaterer CV-en og avtaler med veilederen hva jeg skal gjøre.',
            'Eg oppdaterer CV-en og avtaler med rettleiaren kva eg skal gjere.',
            'I update my CV and agree with my adviser on what I will do.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Søke jobber', 'Søkje jobbar', 'Apply for jobs'),
          residentAction: text(
            'Jeg leter etter stillinger, sender søknader og går på intervjuer.',
            'Eg leitar etter stillingar, sender søknader og går på intervju.',
            'I look for vacancies, send applications and go to interviews.',
          ),
          touchpoint: same('arbeidsplassen.no'),
          channel: 'digital',
          department: null,
        },
        {
          title: text('Delta på kurs eller tiltak', 'Delta på kurs eller tiltak', 'Take part in a course or scheme'),
          residentAction: text(
            'Jeg går på kurs eller arbeidstrening som gjør det lettere å få jobb.',
            'Eg går på kurs eller arbeidstrening som gjer det lettare å få jobb.',
            'I take a course or work training that makes it easier to find a job.',
          ),
          touchpoint: NAV_OFFICE,
          channel: 'in_person',
          department: NAV,
        },
      ],
    },
    {
      title: text('I ny jobb', 'I ny jobb', 'In a new job'),
      description: text('Overgangen tilbake til arbeid.', 'Overgangen tilbake til arbeid.', 'The return to work.'),
      steps: [
        {
          title: text('Begynne i ny jobb', 'Byrje i ny jobb', 'Start the new job'),
          residentAction: text(
            'Jeg skriver under arbeidsavtalen og begynner i jobben.',
            'Eg skriv under arbeidsavtalen og byrjar i jobben.',
            'I sign the employment contract and start work.',
          ),
          touchpoint: text('Den nye arbeidsplassen', 'Den nye arbeidsplassen', 'The new workplace'),
          channel: 'in_person',
          department: ARBEIDSGIVEREN,
        },
        {
          title: text('Melde fra om ny jobb', 'Melde frå om ny jobb', 'Report the new job'),
          residentAction: text(
            'Jeg fører arbeidstimene på meldekortet, så dagpengene stopper.',
            'Eg fører arbeidstimane på meldekortet, så dagpengane stoppar.',
            'I record the hours worked on the employment status form so that the benefit stops.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
  ],
};
