// Demo feedback for the three demo journeys: realistic resident pain points ("smertepunkter") in bokmål,
// with "me too" supporters, a few near-duplicates to merge and some official answers from the municipality.
// Steps are 0-based indexes in reading order across all phases of the journey in demo-journeys.ts.

export interface DemoPainPoint {
  journey: 'bygge-garasje' | 'dodsfall' | 'alvorlig-sykt-barn';
  /** 0-based index of the step in reading order across all phases of that journey, or null for the journey as a whole. */
  step: number | null;
  title: string; // ≤ 120 chars, resident's words, bokmål
  body: string; // 1–4 sentences, ≤ 2000 chars, first person, concrete, bokmål
  severity: 1 | 2 | 3 | 4 | 5; // 1 = small irritation … 5 = serious harm / could not go on
  channel?: 'digital' | 'phone' | 'in_person' | 'letter' | 'email' | 'other';
  /** How many other residents say "me too" (0–60); spreads realistic popularity. */
  supporters: number;
  /** Days ago it was reported (1–360). */
  daysAgo: number;
  /** Optional official answer from the municipality. */
  answer?: { status: 'under_review' | 'planned' | 'in_progress' | 'solved' | 'declined'; text: string };
  /** Index (in this array) of another pain point this one duplicates; the seed merges it into that one. */
  duplicateOf?: number;
}

export const DEMO_PAIN_POINTS: DemoPainPoint[] = [
  // ── Jeg skal bygge garasje (bygge-garasje) ────────────────────────────────────────────────
  // 0
  {
    journey: 'bygge-garasje',
    step: 0, // Finne ut om garasjen må byggesøkes
    title: 'Umulig å finne ut om garasjen min trengte søknad',
    body: 'Jeg leste veilederen på dibk.no og byggesakssidene til kommunen, og de sa ikke helt det samme om 50 m², mønehøyde og avstand til nabogrensen. Jeg ringte to ganger og fikk to ulike svar. Til slutt betalte jeg en arkitekt bare for å få vite om jeg måtte søke.',
    severity: 3,
    channel: 'digital',
    supporters: 23,
    daysAgo: 212,
    answer: {
      status: 'planned',
      text: 'Vi lager en enkel veiviser på byggesakssidene der du svarer på noen spørsmål om garasjen og tomten og får vite om tiltaket er søknadspliktig. Den skal etter planen være klar i løpet av våren, og i mellomtiden har vi samkjørt svarene som gis på telefon.',
    },
  },
  // 1
  {
    journey: 'bygge-garasje',
    step: 1, // Sjekke reguleringsplan og kommuneplan i kommunekartet
    title: 'Reguleringsplanen er skrevet for fagfolk, ikke for oss som bor i feltet',
    body: 'Bestemmelsene for boligfeltet vårt snakker om %-BYA, gesimshøyde og byggegrense uten å forklare noe av det. Jeg brukte en hel kveld på å prøve å regne ut om garasjen fikk plass, og var fortsatt ikke sikker. En enkel forklaring eller et regneeksempel ville spart meg for mye.',
    severity: 4,
    channel: 'digital',
    supporters: 41,
    daysAgo: 287,
  },
  // 2
  {
    journey: 'bygge-garasje',
    step: 1, // Sjekke reguleringsplan og kommuneplan i kommunekartet
    title: 'Planen for feltet vårt er en skannet PDF fra 80-tallet',
    body: 'Når jeg klikker på eiendommen i kommunekartet, får jeg opp en skjev, skannet plan der tallene nesten ikke er mulige å lese. På mobilen går det ikke i det hele tatt. Jeg måtte til slutt be om å få planen tilsendt.',
    severity: 2,
    channel: 'digital',
    supporters: 4,
    daysAgo: 96,
  },
  // 3
  {
    journey: 'bygge-garasje',
    step: 2, // Ringe servicetorget med spørsmål om planen
    title: 'Servicetorget kunne ikke svare, og byggesak hadde bare telefontid to timer',
    body: 'Jeg ringte servicetorget med et enkelt spørsmål om hvor nær grensen jeg kunne bygge. De kunne ikke svare og ba meg ringe byggesak, som bare tar telefonen mellom 10 og 12 på hverdager. Jeg måtte gå ut av møter på jobben tre dager på rad før jeg kom gjennom.',
    severity: 3,
    channel: 'phone',
    supporters: 14,
    daysAgo: 174,
    answer: {
      status: 'in_progress',
      text: 'Vi prøver nå ut en ordning der en saksbehandler fra byggesak sitter på servicetorget tirsdag og torsdag, og vi har utvidet telefontiden til byggesak til 09–14. Ordningen blir evaluert etter seks måneder.',
    },
  },
  // 4
  {
    journey: 'bygge-garasje',
    step: 1, // Sjekke reguleringsplan og kommuneplan i kommunekartet
    title: 'Hva betyr egentlig BYA, og hvordan regner jeg det ut?',
    body: 'Jeg prøvde å finne ut hvor stor garasje jeg kan bygge, men forstår ikke hvordan utnyttingsgraden i planen skal regnes. Teller carporten med, og hva med parkeringsplassene? Det står ingenting om det i planen.',
    severity: 3,
    channel: 'digital',
    supporters: 6,
    daysAgo: 140,
    duplicateOf: 1,
  },
  // 5
  {
    journey: 'bygge-garasje',
    step: 4, // Ha forhåndskonferanse med byggesak
    title: 'Tre ukers ventetid på forhåndskonferanse, og referatet kom to uker etter',
    body: 'Selve møtet var nyttig, men det tok tre uker å få en time, og referatet kom to uker etter møtet. Ansvarlig søker ville ikke begynne på tegningene før referatet var på plass, så vi tapte over en måned.',
    severity: 2,
    channel: 'in_person',
    supporters: 3,
    daysAgo: 65,
  },
  // 6
  {
    journey: 'bygge-garasje',
    step: 6, // Sende nabovarsel
    title: 'Naboen min fikk aldri med seg nabovarselet',
    body: 'Nabovarselet ble sendt digitalt, og naboen min, som er over 80, leser ikke den digitale postkassen. Han ble sur da gravemaskinen kom, og det har skapt dårlig stemning mellom oss. Jeg skulle ønske noen hadde sagt at jeg burde levere en papirkopi i tillegg.',
    severity: 2,
    channel: 'digital',
    supporters: 5,
    daysAgo: 33,
  },
  // 7
  {
    journey: 'bygge-garasje',
    step: 7, // Svare på en merknad fra naboen
    title: 'Én merknad om sol gjorde at fristen gikk fra 3 til 12 uker',
    body: 'Naboen sendte en kort merknad om at garasjen ville ta kveldssol, og dermed ble saksbehandlingsfristen fire ganger så lang. Merknaden ble ikke tatt til følge, men garasjeleverandøren hadde allerede flyttet leveransen til neste sesong. Det føles urimelig at én setning fra en nabo kan koste så mye tid.',
    severity: 4,
    supporters: 18,
    daysAgo: 251,
    answer: {
      status: 'declined',
      text: 'Fristen på 12 uker når det har kommet nabomerknader, står i byggesaksforskriften, og den kan ikke kommunen endre. Vi prøver å behandle enkle saker som garasjer raskere enn fristen, men med dagens bemanning kan vi ikke love det.',
    },
  },
  // 8
  {
    journey: 'bygge-garasje',
    step: 9, // Få mangelbrev fra kommunen
    title: 'Mangelbrev om overvann som ingen nevnte i forhåndskonferansen',
    body: 'Vi hadde forhåndskonferanse nettopp for å få med alt, men overvann fra garasjetaket ble ikke nevnt. Likevel kom det et mangelbrev etter en uke, og fristen stoppet til vi hadde fått en rørlegger til å skrive en redegjørelse. Det tok oss nesten tre uker.',
    severity: 4,
    channel: 'letter',
    supporters: 34,
    daysAgo: 198,
    answer: {
      status: 'under_review',
      text: 'Vi går gjennom sjekklisten og referatmalen for forhåndskonferanser, slik at overvann og andre mangler som ofte går igjen i garasjesaker, blir tatt opp i møtet. Vi ser også på om små mangler kan avklares på telefon i stedet for med et brev som stopper fristen.',
    },
  },
  // 9
  {
    journey: 'bygge-garasje',
    step: 10, // Vente på saksbehandlingen
    title: 'Innsynsløsningen sa bare «under behandling» i ti uker',
    body: 'Jeg logget inn nesten hver uke, men status var den samme hele tiden, og jeg fikk ingen beskjed om når saken ville bli behandlet. Garasjeleverandøren ringte meg for å planlegge leveransen, og jeg hadde ingenting å svare. En omtrentlig dato ville gjort ventetiden mye lettere.',
    severity: 4,
    channel: 'digital',
    supporters: 19,
    daysAgo: 121,
  },
  // 10
  {
    journey: 'bygge-garasje',
    step: 16, // Se garasjen i matrikkelen og kartet
    title: 'Garasjen dukket ikke opp i kommunekartet før etter fire måneder',
    body: 'Det er ikke noe stort problem, men jeg trodde lenge at noe hadde gått galt med ferdigattesten. En setning i brevet om at kartet oppdateres senere, hadde vært nok.',
    severity: 1,
    channel: 'digital',
    supporters: 1,
    daysAgo: 7,
  },
  // 11
  {
    journey: 'bygge-garasje',
    step: 12, // Betale byggesaksgebyret
    title: 'Byggesaksgebyret var tre ganger det jeg hadde regnet med',
    body: 'Fakturaen kom uten noen forklaring på hvordan beløpet var beregnet. Jeg fant gebyrregulativet etter mye leting, men klarte ikke å se hvilke satser som var brukt. Jeg hadde budsjettert etter det naboen betalte for noen år siden.',
    severity: 3,
    channel: 'letter',
    supporters: 15,
    daysAgo: 305,
    answer: {
      status: 'solved',
      text: 'Fakturaen for byggesaksgebyr viser nå hvilke satser i gebyrregulativet som er brukt, og på byggesakssidene finnes regneeksempler for garasje, tilbygg og bolig. Du kan også be om et gebyroverslag i forhåndskonferansen.',
    },
  },
  // 12
  {
    journey: 'bygge-garasje',
    step: 14, // Søke om ferdigattest
    title: 'Ingen sa fra at det aldri ble søkt om ferdigattest',
    body: 'Garasjen sto ferdig for to år siden, men ansvarlig søker sendte aldri søknad om ferdigattest. Jeg oppdaget det først da vi skulle selge huset og megleren spurte etter den. Kommunen visste at saken sto åpen, men sendte ingen påminnelse til meg som tiltakshaver.',
    severity: 4,
    channel: 'other',
    supporters: 6,
    daysAgo: 77,
  },
  // 13
  {
    journey: 'bygge-garasje',
    step: null,
    title: 'Som tiltakshaver får jeg vite minst om min egen sak',
    body: 'Alt går gjennom ansvarlig søker, så brev fra kommunen og svar på spørsmål kom til dem og ikke til meg. Flere ganger fikk jeg vite om ting en uke etter at de hadde skjedd. Jeg vil gjerne få kopi av alt som gjelder garasjen min.',
    severity: 3,
    channel: 'email',
    supporters: 8,
    daysAgo: 58,
  },

  // ── Vi har mistet en av våre nærmeste (dodsfall) ──────────────────────────────────────────
  // 14
  {
    journey: 'dodsfall',
    step: 0, // Pappa dør hjemme
    title: 'Ingen kunne si hvor jeg skulle få tak i dødsattest',
    body: 'Banken og forsikringsselskapet ba om dødsattest, men legevakten sa at alt var sendt elektronisk, og byrået visste ikke hvor jeg skulle spørre. Etter flere telefoner fant jeg ut at jeg kunne bestille en bekreftelse fra Folkeregisteret, men da hadde det gått over en uke. Det burde stå i papirene vi får samme dag.',
    severity: 3,
    channel: 'phone',
    supporters: 21,
    daysAgo: 143,
  },
  // 15
  {
    journey: 'dodsfall',
    step: 2, // Planlegge gravferden med byrået
    title: 'Ti virkedager er for kort når familien bor spredt',
    body: 'Broren min bor langt nord og tantene våre i utlandet, og det var nesten umulig å finne en dato innen fristen der alle kunne komme. Ingen fortalte oss at det går an å be om å utsette gravferden. Vi fikk vite det først etter begravelsen, av en venn som hadde gjort det.',
    severity: 4,
    channel: 'in_person',
    supporters: 23,
    daysAgo: 264,
    answer: {
      status: 'solved',
      text: 'Kommunen kan forlenge fristen på 10 virkedager når det er særlig grunn til det, for eksempel når nær familie må reise langt. Dette står nå på kommunens side om dødsfall og gravferd, og begravelsesbyråene i kommunen har fått den samme informasjonen.',
    },
  },
  // 16
  {
    journey: 'dodsfall',
    step: 3, // Melde dødsfallet til tingretten
    title: 'Skjemaet til tingretten spurte om ting vi ikke kunne vite tre dager etter dødsfallet',
    body: 'Vi skulle fylle ut hva pappa eide og skyldte, og om det fantes testament, mens vi fortsatt planla begravelsen. Vi gjettet på mye og var redde for at feil svar skulle få konsekvenser senere. Det hadde hjulpet å vite hva som kan rettes opp etterpå.',
    severity: 3,
    channel: 'digital',
    supporters: 8,
    daysAgo: 190,
  },
  // 17
  {
    journey: 'dodsfall',
    step: 6, // Søke stønad til gravferd
    title: 'Måtte betale begravelsen selv før NAV svarte på søknaden om stønad',
    body: 'Vi søkte stønad til gravferd fordi mor hadde nesten ingenting igjen, men byrået ville ha betalt innen 14 dager, og NAV brukte fem uker. Jeg tok opp et forbrukslån for å dekke regningen. Ingen sa at stønaden kunne utbetales direkte til byrået.',
    severity: 4,
    channel: 'digital',
    supporters: 4,
    daysAgo: 230,
  },
  // 18
  {
    journey: 'dodsfall',
    step: 2, // Planlegge gravferden med byrået
    title: 'Vi visste ikke at begravelsen kunne utsettes',
    body: 'Vi presset alt inn på ni dager fordi vi trodde fristen var absolutt, og halve familien rakk ikke å komme. I ettertid har jeg skjønt at man kan be om lengre frist. Det burde byrået eller kommunen ha sagt med en gang.',
    severity: 4,
    supporters: 7,
    daysAgo: 88,
    duplicateOf: 15,
  },
  // 19
  {
    journey: 'dodsfall',
    step: 7, // Avslutte hjemmetjenester og trygghetsalarm
    title: 'Faktura fra kommunen adressert til pappa, to måneder etter at han døde',
    body: 'Fakturaen for egenandel for hjemmetjenester og matombringing kom i pappas navn, med purregebyr fordi den ikke var betalt. Det var som å få et slag i magen. Jeg forstår at boet skal betale, men brevet kunne vært adressert til dødsboet og sendt uten purregebyr.',
    severity: 4,
    channel: 'letter',
    supporters: 24,
    daysAgo: 176,
    answer: {
      status: 'in_progress',
      text: 'Vi endrer rutinen slik at fakturaer etter et dødsfall adresseres til dødsboet og ikke går til purring før arvingene har fått tilgang til kontoene. Endringen i fakturasystemet er bestilt, og frem til den er på plass, sletter vi purregebyr i slike saker manuelt.',
    },
  },
  // 20
  {
    journey: 'dodsfall',
    step: 8, // Levere tilbake hjelpemidler
    title: 'Sykehussengen sto i stua i tre uker etter at mamma døde',
    body: 'Jeg ringte hjelpemiddellageret flere ganger for å få hentet sengen og rullatoren, men de hentet bare på faste dager og hadde lang kø. Vi kunne ikke tømme leiligheten, og husleien løp. Det var tungt å gå forbi den sengen hver gang.',
    severity: 4,
    channel: 'phone',
    supporters: 22,
    daysAgo: 155,
    answer: {
      status: 'planned',
      text: 'Vi innfører en egen rutine for henting av hjelpemidler etter dødsfall, med mål om henting innen fem virkedager og mulighet til å velge tidspunkt. Rutinen blir tatt i bruk når hjelpemiddellageret har flyttet til nye lokaler i høst.',
    },
  },
  // 21
  {
    journey: 'dodsfall',
    step: 9, // Få brev om at pensjonen er stanset
    title: 'Krav om tilbakebetaling av pensjon fra et dødsbo vi ikke hadde tilgang til',
    body: 'NAV skrev at noe av pensjonen var utbetalt for mye og måtte betales tilbake fra dødsboet, men kontoene var sperret, og vi hadde ikke fått skifteattest ennå. Brevet sa ikke hva som ville skje om vi ikke betalte innen fristen. Jeg lå våken flere netter over det.',
    severity: 3,
    channel: 'letter',
    supporters: 6,
    daysAgo: 112,
  },
  // 22
  {
    journey: 'dodsfall',
    step: 10, // Få brev fra tingretten om skifteformene
    title: 'Brevet om skifte var uforståelig, og 60 dager føltes som en trussel',
    body: 'Midt i sorgen kom et brev fra tingretten med ord som proklama, uskifte og gjeldsansvar, og en frist på 60 dager. Jeg leste det fem ganger og skjønte fortsatt ikke hva som var riktig for oss, eller hva som ville skje om vi ikke rakk fristen. Jeg trengte noen å snakke med, ikke et skjema.',
    severity: 5,
    channel: 'letter',
    supporters: 47,
    daysAgo: 320,
    answer: {
      status: 'declined',
      text: 'Brevet og fristen kommer fra tingretten, og kommunen kan ikke endre dem. Vi har sendt tilbakemeldingen videre til domstolene, og på kommunens side om dødsfall har vi lagt inn en kort forklaring av skifteformene og hvordan du kan ringe tingretten for veiledning.',
    },
  },
  // 23
  {
    journey: 'dodsfall',
    step: 12, // Velge privat skifte
    title: 'Redd for å arve gjeld vi ikke visste om',
    body: 'For å velge privat skifte måtte vi skrive under på at vi tar ansvar for all gjeld etter pappa, også gjeld vi ikke kjenner til. Vi ba om proklama, men fikk ikke vite om det fantes mer gjeld før lenge etter at vi hadde skrevet under. Jeg signerte med hjertet i halsen.',
    severity: 4,
    channel: 'digital',
    supporters: 13,
    daysAgo: 247,
  },
  // 24
  {
    journey: 'dodsfall',
    step: 10, // Få brev fra tingretten om skifteformene
    title: 'Forsto ikke forskjellen på privat og offentlig skifte',
    body: 'Vi fikk brevet fra tingretten et par uker etter begravelsen og måtte velge skifteform. Forklaringen var så juridisk at vi endte med å betale en advokat for en halvtime bare for å forstå valget.',
    severity: 4,
    channel: 'letter',
    supporters: 5,
    daysAgo: 61,
    duplicateOf: 22,
  },
  // 25
  {
    journey: 'dodsfall',
    step: 17, // Levere skattemeldingen for pappa
    title: 'Fikk ikke logget inn for å levere pappas skattemelding',
    body: 'Skattemeldingen for dødsåret skulle leveres av oss arvinger, men jeg kom ikke inn med min egen innlogging. Skatteetaten ba om skifteattesten, som vi allerede hadde sendt til banken, Kartverket og NAV. Det tok tre telefoner og et brev i posten før det ordnet seg.',
    severity: 3,
    channel: 'phone',
    supporters: 3,
    daysAgo: 25,
  },
  // 26
  {
    journey: 'dodsfall',
    step: 19, // Finne sorgstøtte
    title: 'Fant sorggruppen helt tilfeldig, et halvt år etter',
    body: 'Det var fastlegen som nevnte sorggruppen, og da hadde jeg slitt alene i mange måneder. Jeg finner den ikke på kommunens nettside under dødsfall. Jeg skulle ønske noen hadde tatt kontakt med oss en stund etter begravelsen.',
    severity: 2,
    channel: 'in_person',
    supporters: 2,
    daysAgo: 19,
  },
  // 27
  {
    journey: 'dodsfall',
    step: null,
    title: 'NAV, banken og Skatteetaten ba om de samme papirene hver for seg',
    body: 'Jeg sendte skifteattest, dødsattest og fullmakt til NAV, banken, Skatteetaten, forsikringsselskapet og Kartverket, på fem forskjellige måter. Alle visste allerede at pappa var død, men ingen kunne bruke det de andre hadde fått. Som etterlatt er det utmattende å være budbringer mellom etatene.',
    severity: 4,
    supporters: 38,
    daysAgo: 274,
  },
  // 28
  {
    journey: 'dodsfall',
    step: null,
    title: 'Ingen sjekkliste over hva vi må gjøre og i hvilken rekkefølge',
    body: 'Vi måtte selv finne ut hva som var kommunens, NAVs, tingrettens og bankens ansvar, og oppdaget frister først når de nesten var ute. En enkel liste over hva som skjer automatisk og hva vi må gjøre selv, ville spart oss for mye uro.',
    severity: 3,
    channel: 'digital',
    supporters: 17,
    daysAgo: 102,
  },

  // ── Vi har fått et alvorlig sykt barn (alvorlig-sykt-barn) ────────────────────────────────
  // 29
  {
    journey: 'alvorlig-sykt-barn',
    step: null,
    title: 'Vi har fortalt historien vår til minst femten forskjellige',
    body: 'Sykehuset, helsestasjonen, tildelingskontoret, NAV, barnehagen, PPT og avlastningen ville alle høre hele sykehistorien fra start, ofte mens datteren vår satt i rommet og hørte på. Hver gang må vi gjenoppleve de verste dagene. Vi har gitt samtykke til deling, så hvorfor leser ingen det som allerede står der?',
    severity: 4,
    supporters: 52,
    daysAgo: 296,
    answer: {
      status: 'in_progress',
      text: 'Vi tar i bruk ett felles kartleggingsskjema for helsestasjonen, tildelingskontoret og barnekoordinatorene, slik at opplysninger dere har samtykket til å dele, bare hentes inn én gang. Vi begynner med nye saker i år og tar etter hvert med barnehage og PPT.',
    },
  },
  // 30
  {
    journey: 'alvorlig-sykt-barn',
    step: 2, // Få første informasjon om rettigheter
    title: 'Fikk en bunke brosjyrer mens vi satt på intensiven',
    body: 'Sosionomen var snill, men vi fikk informasjon om pleiepenger, hjelpestønad, grunnstønad og omsorgsstønad på én gang, på et tidspunkt da vi ikke klarte å tenke. Vi tok ikke inn noe av det. En oppfølgingssamtale et par uker senere hadde hjulpet mye mer.',
    severity: 3,
    channel: 'in_person',
    supporters: 7,
    daysAgo: 210,
  },
  // 31
  {
    journey: 'alvorlig-sykt-barn',
    step: 3, // Søke pleiepenger
    title: 'Ingen sa at søknaden om pleiepenger stopper uten inntektsmelding fra arbeidsgiver',
    body: 'Jeg trodde søknaden var ferdig da jeg hadde sendt den på nav.no med legeerklæringen. At begge arbeidsgiverne våre også måtte sende inntektsmelding i Altinn, sto ikke noe sted der jeg så. Det kostet oss fire uker.',
    severity: 3,
    channel: 'digital',
    supporters: 14,
    daysAgo: 167,
  },
  // 32
  {
    journey: 'alvorlig-sykt-barn',
    step: 4, // Vente på og purre pleiepengene
    title: 'Sju uker uten lønn mens vi satt på sykehuset',
    body: 'Vi hadde ingen inntekt på nesten to måneder mens vi ventet på pleiepenger, og hver gang vi ringte NAV, fikk vi bare vite at saken lå i kø. Vi måtte låne penger av familien for å betale husleien. Å bekymre seg for økonomien ved sykesengen til sitt eget barn er noe ingen burde oppleve.',
    severity: 5,
    channel: 'phone',
    supporters: 44,
    daysAgo: 238,
  },
  // 33
  {
    journey: 'alvorlig-sykt-barn',
    step: 5, // Søke hjelpestønad, grunnstønad og ekstra omsorgsdager
    title: 'Vondt å beskrive alt barnet vårt ikke kan',
    body: 'Søknaden om hjelpestønad ba oss sammenligne sønnen vår med friske barn på samme alder, punkt for punkt. Jeg gråt meg gjennom skjemaet. Jeg forstår at NAV må vurdere behovet, men spørsmålene kunne vært stilt på en mer skånsom måte.',
    severity: 3,
    channel: 'digital',
    supporters: 17,
    daysAgo: 133,
  },
  // 34
  {
    journey: 'alvorlig-sykt-barn',
    step: 6, // Reise hjem fra sykehuset
    title: 'Ingen i kommunen visste at vi var kommet hjem',
    body: 'Sykehuset sa at kommunen ville bli varslet, men det gikk tre uker før noen tok kontakt. Den første tiden hjemme var vi alene med anfallsmedisin og nattevåk, uten å vite hvem vi kunne ringe. Til slutt ringte jeg sentralbordet og ble satt over fire ganger.',
    severity: 4,
    channel: 'phone',
    supporters: 7,
    daysAgo: 184,
  },
  // 35
  {
    journey: 'alvorlig-sykt-barn',
    step: 8, // Få tildelt barnekoordinator
    title: 'Fikk vite om barnekoordinator først etter ett år, fra en annen forelder',
    body: 'Vi hadde rett på barnekoordinator fra starten, men ingen på sykehuset eller i kommunen sa det til oss. Det var en mamma på en samling i habiliteringstjenesten som spurte hvem koordinatoren vår var. Da hadde vi koordinert alt selv i et helt år.',
    severity: 5,
    channel: 'in_person',
    supporters: 39,
    daysAgo: 341,
    answer: {
      status: 'solved',
      text: 'Helsesykepleier informerer nå om retten til barnekoordinator ved første hjemmebesøk, og koordinerende enhet tar selv kontakt med familien innen to uker etter at sykehuset har sendt melding. Informasjonen ligger også på kommunens side for familier med alvorlig syke barn.',
    },
  },
  // 36
  {
    journey: 'alvorlig-sykt-barn',
    step: 4, // Vente på og purre pleiepengene
    title: 'Pleiepengene kom ikke, og ingen fortalte oss hvorfor',
    body: 'Etter fem uker uten utbetaling ringte jeg NAV og fikk vite at det manglet et dokument fra arbeidsgiveren. Ingen hadde gitt oss beskjed. Vi hadde bare ventet.',
    severity: 4,
    channel: 'phone',
    supporters: 8,
    daysAgo: 49,
    duplicateOf: 32,
  },
  // 37
  {
    journey: 'alvorlig-sykt-barn',
    step: 9, // Søke avlastning og omsorgsstønad
    title: 'Fire måneder på vedtak om avlastning, og så var det ikke plass',
    body: 'Vi fylte ut et langt søknadsskjema med mye av det samme som vi allerede hadde sendt NAV, og ventet fire måneder på vedtak. Vedtaket ga oss to helger i måneden, men avlastningsboligen hadde ikke ledig plass før etter sommeren. Vi har ikke sovet en hel natt på over et halvt år.',
    severity: 5,
    channel: 'letter',
    supporters: 21,
    daysAgo: 115,
  },
  // 38
  {
    journey: 'alvorlig-sykt-barn',
    step: 13, // Lage individuell plan og ansvarsgruppe
    title: 'Individuell plan ble aldri startet',
    body: 'Vi sa ja til individuell plan for over to år siden, og vi har fått skriftlig at vi har rett på det. Det har vært ett møte, men selve planen er aldri skrevet, og ingen vet hvem som har ansvar for hva. Nå bytter vi barnekoordinator for tredje gang.',
    severity: 4,
    supporters: 19,
    daysAgo: 226,
    answer: {
      status: 'under_review',
      text: 'Vi ser at flere familier har samtykket til individuell plan uten at planen er påbegynt. Koordinerende enhet går nå gjennom alle disse sakene, og familiene får beskjed om hvem som har ansvaret for planen innen utgangen av måneden.',
    },
  },
  // 39
  {
    journey: 'alvorlig-sykt-barn',
    step: 14, // Tilrettelegge i barnehagen
    title: 'Barnehagen kunne ikke ta imot henne når de to med opplæring var borte',
    body: 'Bare to av de ansatte på avdelingen hadde opplæring i å gi anfallsmedisin. Når den ene var syk og den andre på kurs, ble vi bedt om å holde datteren vår hjemme. Det skjedde seks ganger i løpet av høsten, og jeg har brukt opp alle omsorgsdagene.',
    severity: 4,
    channel: 'in_person',
    supporters: 5,
    daysAgo: 71,
  },
  // 40
  {
    journey: 'alvorlig-sykt-barn',
    step: 15, // Få sakkyndig vurdering fra PPT
    title: 'Sju måneder på sakkyndig vurdering fra PPT',
    body: 'Barnehagen henviste sønnen vår til PPT i august, og den sakkyndige vurderingen kom i mars. Hele barnehageåret gikk uten spesialpedagogisk hjelp. Når barnet ditt utvikler seg sakte, er et halvt år uendelig lang tid.',
    severity: 4,
    channel: 'letter',
    supporters: 16,
    daysAgo: 149,
  },
  // 41
  {
    journey: 'alvorlig-sykt-barn',
    step: 16, // Forberede skolestart
    title: 'SFO ble glemt i planleggingen av skolestarten',
    body: 'Vi hadde tre møter om skolestart, men SFO var aldri med. To uker før første skoledag fikk vi vite at hun ikke kunne gå på SFO uten assistent, og at ingen hadde søkt om det. Jeg måtte ta ulønnet permisjon fra jobben de første månedene.',
    severity: 5,
    channel: 'in_person',
    supporters: 11,
    daysAgo: 52,
  },
  // 42
  {
    journey: 'alvorlig-sykt-barn',
    step: 18, // Planlegge overgangen fra barn til voksen
    title: 'Alt ser ut til å falle bort når hun fyller 18',
    body: 'Vi har brukt femten år på å bygge opp et system rundt datteren vår, og nå får vi vite at mye må søkes på nytt når hun blir voksen. Ingen kan si om avlastningen fortsetter eller hvem som blir koordinator. Jeg er redd vi må begynne helt fra start igjen.',
    severity: 4,
    supporters: 3,
    daysAgo: 28,
  },
  // 43
  {
    journey: 'alvorlig-sykt-barn',
    step: null,
    title: 'Hver søknad ber om det samme, og alt må søkes om igjen',
    body: 'Vi har søkt om hjelpestønad, grunnstønad, omsorgsdager, avlastning, omsorgsstønad og hjelpemidler, med hver sin legeerklæring og hvert sitt skjema. Når vedtakene er tidsbegrensede, starter alt på nytt. Det er en deltidsjobb å administrere rettighetene til et sykt barn.',
    severity: 4,
    channel: 'digital',
    supporters: 24,
    daysAgo: 12,
  },
];
