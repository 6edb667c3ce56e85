// Å få barn: from pregnancy to a kindergarten place (Digdir's life event "Å få barn").
import { text, type JourneyTemplate } from './template';
import { ARBEIDSGIVEREN, BARNEHAGEOPPTAKET, FODEAVDELINGEN, HELSESTASJONEN, NAV, SKATTEETATEN, SKOLE_OG_BARNEHAGE } from './template-departments';
import { MUNICIPAL_WEBSITE, NAV_NO, SKATTEETATEN_NO, WORKPLACE } from './template-touchpoints';

const APPLICATION_PORTAL = text('Kommunens søknadsportal', 'Søknadsportalen til kommunen', "The municipality's application portal");
const HEALTH_CENTRE = text('Helsestasjonen', 'Helsestasjonen', 'The child health centre');

export const havingAChild: JourneyTemplate = {
  name: text('Å få barn', 'Å få barn', 'Having a child'),
  lifeEvent: 'fa-barn',
  slug: text('fa-barn', 'fa-barn', 'having-a-child'),
  title: text('Vi skal få barn', 'Vi skal få barn', 'We are having a baby'),
  summary: text(
    'Fra svangerskapet til barnet er registrert, følges opp av helsestasjonen og har fått barnehageplass.',
    'Frå svangerskapet til barnet er registrert, blir følgt opp av helsestasjonen og har fått barnehageplass.',
    'From pregnancy until the child is registered, followed up by the child health centre and has a kindergarten place.',
  ),
  trigger: text('Vi har fått vite at vi venter barn.', 'Vi har fått vite at vi ventar barn.', 'We have found out that we are expecting a baby.'),
  outcome: text(
    'Barnet er registrert, vi har fått det vi har rett på, og barnet har en barnehageplass.',
    'Barnet er registrert, vi har fått det vi har rett på, og barnet har ein barnehageplass.',
    'The child is registered, we have received what we are entitled to, and the child has a kindergarten place.',
  ),
  phases: [
    {
      title: text('Svangerskapet', 'Svangerskapet', 'Pregnancy'),
      description: text(
        'Kontroller, planlegging av permisjonen og søknad om penger.',
        'Kontrollar, planlegging av permisjonen og søknad om pengar.',
        'Check-ups, planning the parental leave and applying for benefits.',
      ),
      steps: [
        {
          title: text('Gå til svangerskapskontroller', 'Gå til svangerskapskontrollar', 'Attend antenatal check-ups'),
          residentAction: text(
            'Vi bestiller time hos jordmor eller fastlege og går til kontrollene.',
            'Vi bestiller time hos jordmor eller fastlege og går til kontrollane.',
            'We book appointments with a midwife or GP and attend the check-ups.',
          ),
          touchpoint: text('Jordmor eller fastlege', 'Jordmor eller fastlege', 'Midwife or GP'),
          channel: 'in_person',
          department: HELSESTASJONEN,
        },
        {
          title: text('Planlegge foreldrepermisjonen', 'Planleggje foreldrepermisjonen', 'Plan the parental leave'),
          residentAction: text(
            'Vi finner ut hvor lang permisjon vi har rett på, og hvordan vi vil dele den.',
            'Vi finn ut kor lang permisjon vi har rett på, og korleis vi vil dele han.',
            'We find out how much leave we are entitled to and how we want to share it.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Avtale permisjonen med arbeidsgiveren', 'Avtale permisjonen med arbeidsgivaren', 'Agree the leave with the employer'),
          residentAction: text(
            'Vi gir arbeidsgiverne våre beskjed om permisjonen i god tid.',
            'Vi gir arbeidsgivarane våre beskjed om permisjonen i god tid.',
            'We tell our employers about the leave in good time.',
          ),
          touchpoint: WORKPLACE,
          channel: 'in_person',
          department: ARBEIDSGIVEREN,
        },
        {
          title: text('Søke om foreldrepenger eller engangsstønad', 'Søkje om foreldrepengar eller eingongsstønad', 'Apply for parental benefit or the lump-sum grant'),
          residentAction: text(
            'Vi søker om foreldrepenger, eller om engangsstønad hvis vi ikke har hatt nok inntekt.',
            'Vi søkjer om foreldrepengar, eller om eingongsstønad om vi ikkje har hatt nok inntekt.',
            'We apply for parental benefit, or for the lump-sum grant if we have not earned enough.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
    {
      title: text('Fødselen', 'Fødselen', 'The birth'),
      description: text(
        'Fødselen, og papirene de første dagene.',
        'Fødselen, og papira dei første dagane.',
        'The birth, and the paperwork of the first days.',
      ),
      steps: [
        {
          title: text('Føde', 'Føde', 'Give birth'),
          residentAction: text(
            'Vi drar til fødeavdelingen når fødselen starter.',
            'Vi dreg til fødeavdelinga når fødselen startar.',
            'We go to the maternity ward when labour starts.',
          ),
          touchpoint: text('Fødeavdelingen', 'Fødeavdelinga', 'The maternity ward'),
          channel: 'in_person',
          department: FODEAVDELINGEN,
        },
        {
          title: text('Få fødselsnummer til barnet', 'Få fødselsnummer til barnet', "Receive the child's identity number"),
          residentAction: text(
            'Fødselen blir meldt til Folkeregisteret, og vi får brev med barnets fødselsnummer.',
            'Fødselen blir meld til Folkeregisteret, og vi får brev med fødselsnummeret til barnet.',
            "The birth is reported to the National Population Register, and we receive a letter with the child's identity number.",
          ),
          touchpoint: text('Digital postkasse eller brev', 'Digital postkasse eller brev', 'Digital mailbox or letter'),
          channel: 'letter',
          department: SKATTEETATEN,
        },
        {
          title: text('Erklære farskap eller medmorskap', 'Erklære farskap eller medmorskap', 'Declare paternity or co-motherhood'),
          residentAction: text(
            'Vi erklærer farskap eller medmorskap, hvis det ikke ble gjort under svangerskapet.',
            'Vi erklærer farskap eller medmorskap, om det ikkje vart gjort under svangerskapet.',
            'We declare paternity or co-motherhood, if it was not done during the pregnancy.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Melde navnet til barnet', 'Melde namnet til barnet', "Register the child's name"),
          residentAction: text(
            'Vi melder navnet barnet skal ha innen seks måneder.',
            'Vi melder namnet barnet skal ha innan seks månader.',
            "We register the child's name within six months.",
          ),
          touchpoint: SKATTEETATEN_NO,
          channel: 'digital',
          department: SKATTEETATEN,
        },
      ],
    },
    {
      title: text('De første månedene', 'Dei første månadene', 'The first months'),
      description: text(
        'Oppfølging av mor og barn, og penger som kommer av seg selv.',
        'Oppfølging av mor og barn, og pengar som kjem av seg sjølv.',
        'Follow-up of mother and child, and the benefits that arrive by themselves.',
      ),
      steps: [
        {
          title: text('Få hjemmebesøk', 'Få heimebesøk', 'Receive a home visit'),
          residentAction: text(
            'Jordmor og helsesykepleier besøker oss hjemme etter fødselen.',
            'Jordmor og helsesjukepleiar besøkjer oss heime etter fødselen.',
            'A midwife and a public health nurse visit us at home after the birth.',
          ),
          touchpoint: text('Hjemme', 'Heime', 'At home'),
          channel: 'in_person',
          department: HELSESTASJONEN,
        },
        {
          title: text('Følge helsestasjonsprogrammet', 'Følgje helsestasjonsprogrammet', 'Follow the child health programme'),
          residentAction: text(
            'Vi går til faste kontroller og vaksinasjoner med barnet.',
            'Vi går til faste kontrollar og vaksinasjonar med barnet.',
            'We take the child to regular check-ups and vaccinations.',
          ),
          touchpoint: HEALTH_CENTRE,
          channel: 'in_person',
          department: HELSESTASJONEN,
        },
        {
          title: text('Få barnetrygd', 'Få barnetrygd', 'Receive child benefit'),
          residentAction: text(
            'Vi sjekker at barnetrygden kommer av seg selv, og søker hvis den ikke gjør det.',
            'Vi sjekkar at barnetrygda kjem av seg sjølv, og søkjer om ho ikkje gjer det.',
            'We check that child benefit is paid automatically, and apply if it is not.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
    {
      title: text('Barnehage', 'Barnehage', 'Kindergarten'),
      description: text(
        'Fra søknaden om plass til barnet begynner.',
        'Frå søknaden om plass til barnet byrjar.',
        'From applying for a place until the child starts.',
      ),
      steps: [
        {
          title: text('Søke barnehageplass', 'Søkje barnehageplass', 'Apply for a kindergarten place'),
          residentAction: text(
            'Vi søker om plass innen fristen for hovedopptaket.',
            'Vi søkjer om plass innan fristen for hovudopptaket.',
            'We apply for a place before the deadline of the main admission round.',
          ),
          touchpoint: APPLICATION_PORTAL,
          channel: 'digital',
          department: BARNEHAGEOPPTAKET,
        },
        {
          title: text('Søke om redusert foreldrebetaling', 'Søkje om redusert foreldrebetaling', 'Apply for a reduced fee'),
          residentAction: text(
            'Vi søker om lavere pris eller gratis kjernetid hvis inntekten vår er lav.',
            'Vi søkjer om lågare pris eller gratis kjernetid om inntekta vår er låg.',
            'We apply for a lower fee or free core hours if our income is low.',
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: BARNEHAGEOPPTAKET,
        },
        {
          title: text('Svare på tilbudet om plass', 'Svare på tilbodet om plass', 'Reply to the offer of a place'),
          residentAction: text(
            'Vi får tilbud om plass og takker ja eller nei.',
            'Vi får tilbod om plass og takkar ja eller nei.',
            'We are offered a place and accept or decline it.',
          ),
          touchpoint: APPLICATION_PORTAL,
          channel: 'digital',
          department: BARNEHAGEOPPTAKET,
        },
        {
          title: text('Begynne i barnehagen', 'Byrje i barnehagen', 'Start at kindergarten'),
          residentAction: text(
            'Vi har oppstartssamtale og tilvenning sammen med barnet.',
            'Vi har oppstartssamtale og tilvenning saman med barnet.',
            'We have a start-up meeting and settle the child in together.',
          ),
          touchpoint: text('Barnehagen', 'Barnehagen', 'The kindergarten'),
          channel: 'in_person',
          department: SKOLE_OG_BARNEHAGE,
        },
      ],
    },
  ],
};
