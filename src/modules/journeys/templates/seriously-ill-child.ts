// Alvorlig sykt barn: from the diagnosis to services that fit together (Digdir's life event "Alvorlig sykt barn").
import { text, type JourneyTemplate } from './template';
import {
  ARBEIDSGIVEREN,
  BARNEAVDELINGEN,
  KOORDINERENDE_ENHET,
  NAV,
  PASIENTREISER,
  PPT,
  SKOLE_OG_BARNEHAGE,
  TJENESTEKONTORET,
} from './template-departments';
import { HELSENORGE, MUNICIPAL_WEBSITE, NAV_NO, WORKPLACE } from './template-touchpoints';

const MEETING = text('Møte', 'Møte', 'Meeting');

export const seriouslyIllChild: JourneyTemplate = {
  name: text('Alvorlig sykt barn', 'Alvorleg sjukt barn', 'A seriously ill child'),
  lifeEvent: 'alvorlig-sykt-barn',
  slug: text('alvorlig-sykt-barn', 'alvorleg-sjukt-barn', 'seriously-ill-child'),
  title: text('Barnet vårt er alvorlig sykt', 'Barnet vårt er alvorleg sjukt', 'Our child is seriously ill'),
  summary: text(
    'Fra diagnosen til familien har hjelp, inntekt og en hverdag som fungerer, også i barnehage eller skole.',
    'Frå diagnosen til familien har hjelp, inntekt og ein kvardag som fungerer, også i barnehage eller skule.',
    'From the diagnosis until the family has help, an income and an everyday life that works, at kindergarten or school too.',
  ),
  trigger: text('Barnet har fått en alvorlig diagnose.', 'Barnet har fått ein alvorleg diagnose.', 'The child has been given a serious diagnosis.'),
  outcome: text(
    'Familien har en koordinator, tjenestene henger sammen, og vi vet hvem vi skal spørre.',
    'Familien har ein koordinator, tenestene heng saman, og vi veit kven vi skal spørje.',
    'The family has a coordinator, the services fit together, and we know whom to ask.',
  ),
  phases: [
    {
      title: text('Diagnosen', 'Diagnosen', 'The diagnosis'),
      description: text(
        'Den første tiden på sykehuset, og hvem som skal hjelpe oss videre.',
        'Den første tida på sjukehuset, og kven som skal hjelpe oss vidare.',
        'The first days at the hospital, and who will help us from here.',
      ),
      steps: [
        {
          title: text('Få diagnosen og behandlingsplanen', 'Få diagnosen og behandlingsplanen', 'Receive the diagnosis and treatment plan'),
          residentAction: text(
            'Vi får vite hva barnet feiler og hvordan behandlingen blir.',
            'Vi får vite kva barnet feilar og korleis behandlinga blir.',
            'We are told what is wrong with our child and how the treatment will go.',
          ),
          touchpoint: text('Sykehuset', 'Sjukehuset', 'The hospital'),
          channel: 'in_person',
          department: BARNEAVDELINGEN,
        },
        {
          title: text('Få en koordinator', 'Få ein koordinator', 'Get a coordinator'),
          residentAction: text(
            'Vi får en fast kontaktperson som hjelper oss med å samordne tjenestene.',
            'Vi får ein fast kontaktperson som hjelper oss med å samordne tenestene.',
            'We are given a permanent contact person who helps us coordinate the services.',
          ),
          touchpoint: text('Koordinerende enhet i kommunen', 'Koordinerande eining i kommunen', "The municipality's coordinating unit"),
          channel: 'phone',
          department: KOORDINERENDE_ENHET,
        },
        {
          title: text('Si fra til arbeidsgiveren', 'Seie frå til arbeidsgivaren', 'Tell our employers'),
          residentAction: text(
            'Vi forteller arbeidsgiverne våre at vi må være borte fra jobb.',
            'Vi fortel arbeidsgivarane våre at vi må vere borte frå jobb.',
            'We tell our employers that we need to be away from work.',
          ),
          touchpoint: WORKPLACE,
          channel: 'in_person',
          department: ARBEIDSGIVEREN,
        },
      ],
    },
    {
      title: text('Inntekt og rettigheter', 'Inntekt og rettar', 'Income and entitlements'),
      description: text(
        'Penger mens vi er borte fra jobb, og hjelp til ekstra utgifter.',
        'Pengar medan vi er borte frå jobb, og hjelp til ekstra utgifter.',
        'Income while we are away from work, and help with extra costs.',
      ),
      steps: [
        {
          title: text('Søke pleiepenger', 'Søkje pleiepengar', 'Apply for care benefit'),
          residentAction: text(
            'Legen sender legeerklæring, og vi søker om pleiepenger for tiden vi er borte fra jobb.',
            'Legen sender legeerklæring, og vi søkjer om pleiepengar for tida vi er borte frå jobb.',
            'The doctor sends a medical statement, and we apply for care benefit for the time we are away from work.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Søke hjelpestønad eller grunnstønad', 'Søkje hjelpestønad eller grunnstønad', 'Apply for attendance or basic benefit'),
          residentAction: text(
            'Vi søker om stønad til ekstra pleie og ekstra utgifter som sykdommen gir.',
            'Vi søkjer om stønad til ekstra pleie og ekstra utgifter som sjukdommen gir.',
            'We apply for benefits towards the extra care and extra costs the illness brings.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
        {
          title: text('Få dekket reiser til behandling', 'Få dekt reiser til behandling', 'Get travel to treatment covered'),
          residentAction: text(
            'Vi søker om å få dekket reiseutgiftene til sykehuset.',
            'Vi søkjer om å få dekt reiseutgiftene til sjukehuset.',
            'We claim the costs of travelling to the hospital.',
          ),
          touchpoint: HELSENORGE,
          channel: 'digital',
          department: PASIENTREISER,
        },
      ],
    },
    {
      title: text('Hjelp i hverdagen', 'Hjelp i kvardagen', 'Help in everyday life'),
      description: text(
        'Tjenester som gjør hverdagen hjemme mulig.',
        'Tenester som gjer kvardagen heime mogleg.',
        'Services that make everyday life at home possible.',
      ),
      steps: [
        {
          title: text('Lage en individuell plan', 'Lage ein individuell plan', 'Make an individual plan'),
          residentAction: text(
            'Vi lager en plan sammen med koordinatoren og tjenestene barnet får.',
            'Vi lagar ein plan saman med koordinatoren og tenestene barnet får.',
            'We make a plan together with the coordinator and the services the child receives.',
          ),
          touchpoint: MEETING,
          channel: 'in_person',
          department: KOORDINERENDE_ENHET,
        },
        {
          title: text('Søke avlastning', 'Søkje avlasting', 'Apply for respite care'),
          residentAction: text(
            'Vi søker om avlastning, så vi får hvile og tid til søsken.',
            'Vi søkjer om avlasting, så vi får kvile og tid til sysken.',
            'We apply for respite care so that we get rest and time for the siblings.',
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: TJENESTEKONTORET,
        },
        {
          title: text('Søke omsorgsstønad', 'Søkje omsorgsstønad', "Apply for a carer's allowance"),
          residentAction: text(
            'Vi søker om omsorgsstønad for det tunge omsorgsarbeidet vi gjør.',
            'Vi søkjer om omsorgsstønad for det tunge omsorgsarbeidet vi gjer.',
            "We apply for a carer's allowance for the heavy care work we do.",
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: TJENESTEKONTORET,
        },
        {
          title: text('Få hjelpemidler', 'Få hjelpemiddel', 'Get assistive equipment'),
          residentAction: text(
            'Vi får hjelp til å søke om utstyret barnet trenger hjemme.',
            'Vi får hjelp til å søkje om utstyret barnet treng heime.',
            'We get help applying for the equipment the child needs at home.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
    {
      title: text('Barnehage og skole', 'Barnehage og skule', 'Kindergarten and school'),
      description: text(
        'Tilrettelegging, så barnet kan være med.',
        'Tilrettelegging, så barnet kan vere med.',
        'Adjustments so that the child can take part.',
      ),
      steps: [
        {
          title: text('Avtale tilrettelegging', 'Avtale tilrettelegging', 'Agree on adjustments'),
          residentAction: text(
            'Vi møter barnehagen eller skolen og avtaler hva barnet trenger.',
            'Vi møter barnehagen eller skulen og avtaler kva barnet treng.',
            'We meet the kindergarten or school and agree on what the child needs.',
          ),
          touchpoint: text('Barnehagen eller skolen', 'Barnehagen eller skulen', 'The kindergarten or school'),
          channel: 'in_person',
          department: SKOLE_OG_BARNEHAGE,
        },
        {
          title: text('Få en sakkyndig vurdering', 'Få ei sakkunnig vurdering', 'Get an expert assessment'),
          residentAction: text(
            'PPT vurderer om barnet har rett til spesialpedagogisk hjelp eller spesialundervisning.',
            'PPT vurderer om barnet har rett til spesialpedagogisk hjelp eller spesialundervisning.',
            'PPT assesses whether the child is entitled to special needs education.',
          ),
          touchpoint: text('Møte med PPT', 'Møte med PPT', 'Meeting with PPT'),
          channel: 'in_person',
          department: PPT,
        },
      ],
    },
    {
      title: text('Videre oppfølging', 'Vidare oppfølging', 'Ongoing follow-up'),
      description: text(
        'Når sykdommen varer, må planer og vedtak følges opp.',
        'Når sjukdommen varer, må planar og vedtak følgjast opp.',
        'When the illness lasts, plans and decisions need following up.',
      ),
      steps: [
        {
          title: text('Gå gjennom planen', 'Gå gjennom planen', 'Review the plan'),
          residentAction: text(
            'Vi går gjennom den individuelle planen med koordinatoren og tjenestene.',
            'Vi går gjennom den individuelle planen med koordinatoren og tenestene.',
            'We review the individual plan with the coordinator and the services.',
          ),
          touchpoint: MEETING,
          channel: 'in_person',
          department: KOORDINERENDE_ENHET,
        },
        {
          title: text('Søke på nytt når vedtak går ut', 'Søkje på nytt når vedtak går ut', 'Apply again when decisions expire'),
          residentAction: text(
            'Vi søker på nytt om avlastning, omsorgsstønad og andre tjenester før vedtakene går ut.',
            'Vi søkjer på nytt om avlasting, omsorgsstønad og andre tenester før vedtaka går ut.',
            "We apply again for respite care, the carer's allowance and other services before the decisions expire.",
          ),
          touchpoint: MUNICIPAL_WEBSITE,
          channel: 'digital',
          department: TJENESTEKONTORET,
        },
      ],
    },
  ],
};
