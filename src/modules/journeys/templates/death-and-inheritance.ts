// Dødsfall og arv: from the death, through the funeral and the estate, to the inheritance (Digdir's life event
// "Dødsfall og arv").
import { same, text, type JourneyTemplate } from './template';
import {
  BEGRAVELSESBYRAAET,
  GRAVPLASSFORVALTNINGEN,
  KARTVERKET,
  LEGEVAKTEN,
  NAV,
  SKATTEETATEN,
  TINGRETTEN,
} from './template-departments';
import { NAV_NO, SKATTEETATEN_NO } from './template-touchpoints';

const DISTRICT_COURT = text('Tingretten', 'Tingretten', 'The district court');

export const deathAndInheritance: JourneyTemplate = {
  name: text('Dødsfall og arv', 'Dødsfall og arv', 'Death and inheritance'),
  lifeEvent: 'dodsfall-og-arv',
  slug: text('dodsfall-og-arv', 'dodsfall-og-arv', 'death-and-inheritance'),
  title: text('Vi har mistet en av våre nærmeste', 'Vi har mista ein av dei næraste våre', 'We have lost someone close to us'),
  summary: text(
    'Fra dødsfallet, gjennom gravferden og dødsboet, til arven er fordelt.',
    'Frå dødsfallet, gjennom gravferda og dødsbuet, til arven er fordelt.',
    'From the death, through the funeral and the estate, until the inheritance is shared.',
  ),
  trigger: text('Et nært familiemedlem har dødd.', 'Eit nært familiemedlem har døydd.', 'A close family member has died.'),
  outcome: text(
    'Gravferden er gjennomført, dødsboet er gjort opp og arven er fordelt.',
    'Gravferda er gjennomført, dødsbuet er gjort opp og arven er fordelt.',
    'The funeral has taken place, the estate is settled and the inheritance is shared.',
  ),
  phases: [
    {
      title: text('Dødsfallet', 'Dødsfallet', 'The death'),
      description: text('De første timene og dagene.', 'Dei første timane og dagane.', 'The first hours and days.'),
      steps: [
        {
          title: text('Få dødsfallet bekreftet', 'Få dødsfallet stadfesta', 'Have the death confirmed'),
          residentAction: text(
            'En lege bekrefter dødsfallet og skriver legeerklæring.',
            'Ein lege stadfestar dødsfallet og skriv legeerklæring.',
            'A doctor confirms the death and issues a medical certificate.',
          ),
          touchpoint: text('Lege, legevakt eller sykehus', 'Lege, legevakt eller sjukehus', 'Doctor, out-of-hours service or hospital'),
          channel: 'in_person',
          department: LEGEVAKTEN,
        },
        {
          title: text('Kontakte et begravelsesbyrå', 'Kontakte eit gravferdsbyrå', 'Contact a funeral director'),
          residentAction: text(
            'Vi velger byrå og får hjelp med det praktiske de første dagene.',
            'Vi vel byrå og får hjelp med det praktiske dei første dagane.',
            'We choose a funeral director and get help with the practical matters of the first days.',
          ),
          touchpoint: text('Telefon', 'Telefon', 'Phone'),
          channel: 'phone',
          department: BEGRAVELSESBYRAAET,
        },
        {
          title: text('Få vite at dødsfallet er meldt', 'Få vite at dødsfallet er meldt', 'Learn that the death has been reported'),
          residentAction: text(
            'Dødsfallet blir meldt til tingretten, og vi får brev om hva som skjer videre.',
            'Dødsfallet blir meldt til tingretten, og vi får brev om kva som skjer vidare.',
            'The death is reported to the district court, and we receive a letter about what happens next.',
          ),
          touchpoint: text('Brev fra tingretten', 'Brev frå tingretten', 'Letter from the district court'),
          channel: 'letter',
          department: TINGRETTEN,
        },
      ],
    },
    {
      title: text('Gravferden', 'Gravferda', 'The funeral'),
      description: text(
        'Planlegging, gravplass og støtte til utgiftene.',
        'Planlegging, gravplass og stønad til utgiftene.',
        'Planning, the grave and help with the costs.',
      ),
      steps: [
        {
          title: text('Planlegge seremonien', 'Planleggje seremonien', 'Plan the ceremony'),
          residentAction: text(
            'Vi bestemmer gravferdsform, seremoni og minnesamvær.',
            'Vi bestemmer gravferdsform, seremoni og minnesamvær.',
            'We decide on burial or cremation, the ceremony and the gathering afterwards.',
          ),
          touchpoint: text('Møte med byrået', 'Møte med byrået', 'Meeting with the funeral director'),
          channel: 'in_person',
          department: BEGRAVELSESBYRAAET,
        },
        {
          title: text('Få gravplass', 'Få gravplass', 'Get a grave'),
          residentAction: text(
            'Vi velger grav eller urnegrav og får vite hva som gjelder for festet.',
            'Vi vel grav eller urnegrav og får vite kva som gjeld for festet.',
            'We choose a grave or an urn grave and learn the terms of the lease.',
          ),
          touchpoint: text('Gravplassforvaltningen', 'Gravplassforvaltninga', 'The cemetery administration'),
          channel: 'in_person',
          department: GRAVPLASSFORVALTNINGEN,
        },
        {
          title: text('Søke gravferdsstønad', 'Søkje gravferdsstønad', 'Apply for a funeral grant'),
          residentAction: text(
            'Vi søker om stønad til gravferden og eventuell båretransport.',
            'Vi søkjer om stønad til gravferda og eventuell båretransport.',
            'We apply for a grant towards the funeral and any transport of the body.',
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
    {
      title: text('Dødsboet', 'Dødsbuet', 'The estate'),
      description: text(
        'Oversikt over eiendeler og gjeld, og hvem som overtar boet.',
        'Oversikt over eigedelar og gjeld, og kven som tek over buet.',
        'An overview of assets and debts, and who takes over the estate.',
      ),
      steps: [
        {
          title: text('Få oversikt over eiendeler og gjeld', 'Få oversikt over eigedelar og gjeld', 'Get an overview of assets and debts'),
          residentAction: text(
            'Vi får fullmakt til å se bankkontoer og ber om preklusivt proklama for å finne ukjent gjeld.',
            'Vi får fullmakt til å sjå bankkontoar og ber om preklusivt proklama for å finne ukjend gjeld.',
            'We get authority to see bank accounts and ask for a notice to creditors to find unknown debts.',
          ),
          touchpoint: text('Tingretten og banken', 'Tingretten og banken', 'The district court and the bank'),
          channel: 'letter',
          department: TINGRETTEN,
        },
        {
          title: text('Velge privat eller offentlig skifte', 'Velje privat eller offentleg skifte', 'Choose private or public administration'),
          residentAction: text(
            'Arvingene blir enige om hvordan boet skal skiftes, og søker om skifteattest.',
            'Arvingane blir samde om korleis buet skal skiftast, og søkjer om skifteattest.',
            'The heirs agree on how the estate is to be settled and apply for a probate certificate.',
          ),
          touchpoint: same('domstol.no'),
          channel: 'digital',
          department: TINGRETTEN,
        },
        {
          title: text('Si opp avtaler', 'Seie opp avtalar', 'Cancel agreements'),
          residentAction: text(
            'Vi sier opp abonnementer, forsikringer og tjenester den døde hadde.',
            'Vi seier opp abonnement, forsikringar og tenester den døde hadde.',
            'We cancel the subscriptions, insurance and services the deceased had.',
          ),
          touchpoint: text('Telefon, e-post og nettsider', 'Telefon, e-post og nettsider', 'Phone, email and websites'),
          channel: 'other',
          department: null,
        },
        {
          title: text('Levere skattemelding for den døde', 'Levere skattemelding for den døde', 'File the tax return of the deceased'),
          residentAction: text(
            'Vi leverer skattemeldingen for dødsåret, og for dødsboet hvis det trengs.',
            'Vi leverer skattemeldinga for dødsåret, og for dødsbuet om det trengst.',
            'We file the tax return for the year of death, and for the estate if needed.',
          ),
          touchpoint: SKATTEETATEN_NO,
          channel: 'digital',
          department: SKATTEETATEN,
        },
      ],
    },
    {
      title: text('Arven', 'Arven', 'The inheritance'),
      description: text(
        'Arven blir fordelt, og livet går videre for de etterlatte.',
        'Arven blir fordelt, og livet går vidare for dei etterlatne.',
        'The inheritance is shared, and life goes on for those left behind.',
      ),
      steps: [
        {
          title: text('Fordele arven', 'Fordele arven', 'Share the inheritance'),
          residentAction: text(
            'Vi fordeler arven og sender skifteoppgjøret til tingretten.',
            'Vi fordeler arven og sender skifteoppgjeret til tingretten.',
            'We share the inheritance and send the settlement to the district court.',
          ),
          touchpoint: DISTRICT_COURT,
          channel: 'letter',
          department: TINGRETTEN,
        },
        {
          title: text('Overta bolig eller eiendom', 'Ta over bustad eller eigedom', 'Take over a home or property'),
          residentAction: text(
            'Vi tinglyser at arvingene eller gjenlevende nå eier boligen.',
            'Vi tinglyser at arvingane eller attlevande no eig bustaden.',
            'We register the heirs or the surviving spouse as the new owners of the home.',
          ),
          touchpoint: same('kartverket.no'),
          channel: 'digital',
          department: KARTVERKET,
        },
        {
          title: text('Søke støtte som etterlatt', 'Søkje stønad som etterlaten', 'Apply for survivor benefits'),
          residentAction: text(
            'Vi søker om ytelser som gjenlevende ektefelle, eller om barnepensjon.',
            'Vi søkjer om ytingar som attlevande ektefelle, eller om barnepensjon.',
            "We apply for benefits as a surviving spouse, or for a children's pension.",
          ),
          touchpoint: NAV_NO,
          channel: 'digital',
          department: NAV,
        },
      ],
    },
  ],
};
