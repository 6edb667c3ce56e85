// Demo journeys for "Demo kommune": three realistic, published-quality citizen journeys in bokmål,
// written in the shareable journey format so they can be seeded, exported and imported like any other.
import type { JourneyDocumentInput } from '../modules/journeys/journey-document.schema';

type Department = { name: string; kind: 'municipal' | 'state' | 'private' };

const SERVICETORGET: Department = { name: 'Servicetorget', kind: 'municipal' };
const BYGGESAK: Department = { name: 'Byggesak', kind: 'municipal' };
const PLAN_OG_GEODATA: Department = { name: 'Plan og geodata', kind: 'municipal' };
const HELSE_OG_OMSORG: Department = { name: 'Helse og omsorg', kind: 'municipal' };
const BARN_OG_FAMILIE: Department = { name: 'Barn og familie', kind: 'municipal' };
const GRAVPLASSFORVALTNINGEN: Department = { name: 'Gravplassforvaltningen', kind: 'municipal' };
const HELSESTASJONEN: Department = { name: 'Helsestasjonen', kind: 'municipal' };
const BARNEHAGEN: Department = { name: 'Barnehagen', kind: 'municipal' };
const PPT: Department = { name: 'PPT', kind: 'municipal' };
const SKOLEN: Department = { name: 'Skolen', kind: 'municipal' };
const NAV: Department = { name: 'NAV', kind: 'state' };
const SKATTEETATEN: Department = { name: 'Skatteetaten', kind: 'state' };
const TINGRETTEN: Department = { name: 'Tingretten', kind: 'state' };
const SYKEHUSET: Department = { name: 'Sykehuset', kind: 'state' };
const KARTVERKET: Department = { name: 'Kartverket', kind: 'state' };
const BEGRAVELSESBYRA: Department = { name: 'Begravelsesbyrå', kind: 'private' };
const ANSVARLIG_SOKER: Department = { name: 'Ansvarlig søker', kind: 'private' };
const BANKEN: Department = { name: 'Banken', kind: 'private' };

const byggeGarasje: JourneyDocumentInput = {
  format: 'reisekart.journey',
  formatVersion: 1,
  journey: {
    title: 'Jeg skal bygge garasje',
    slug: 'bygge-garasje',
    lifeEvent: 'bygge-og-bo',
    persona:
      'Kari Haugen (46) bor i en enebolig i et regulert boligfelt og vil bygge en dobbelgarasje med loft på rundt 80 m² ved innkjørselen. Hun jobber fulltid, har aldri søkt om å bygge noe før og vil gjøre det riktig første gang.',
    scenario:
      'Kari starter med å finne ut om garasjen i det hele tatt må byggesøkes, leser seg opp på planene for boligfeltet og får avklaringer i en forhåndskonferanse. Garasjeleverandøren blir ansvarlig søker, sender nabovarsel og søknad gjennom Fellestjenester BYGG, og kommunen behandler saken. Etter vedtak bygges garasjen, ansvarlig søker søker om ferdigattest, og kommunen fører garasjen inn i matrikkelen.',
    trigger: 'Familien har fått bil nummer to, og Kari er lei av å skrape is av bilene hver vintermorgen.',
    outcome:
      'Garasjen er bygget i tråd med tillatelsen, har ferdigattest og er registrert i matrikkelen og kommunens kart.',
    summary:
      'Reisen går gjennom fem faser: å finne ut hva som gjelder, forberede søknaden, nabovarsel og innsending, saksbehandling og vedtak, og til slutt bygging og ferdigstillelse. De tyngste punktene er plantolkningen i starten, en nabomerknad som gjør at saksbehandlingsfristen blir 12 uker i stedet for 3, og mangelbrevet som setter fristen på vent. Ansvaret skifter mellom Kari selv, servicetorget, byggesak, plan og geodata og den private ansvarlige søkeren.',
  },
  phases: [
    {
      title: 'Finne ut hva som gjelder',
      description:
        'Kari prøver å forstå om garasjen må byggesøkes, og hva reguleringsplanen og kommuneplanen tillater på tomten.',
      steps: [
        {
          title: 'Finne ut om garasjen må byggesøkes',
          residentAction:
            'Jeg leser at en frittliggende garasje under 50 m² kan være unntatt fra søknadsplikt hvis den holder krav til høyde og avstand til nabogrensen og er i tråd med planene. Garasjen vi ønsker er større, så jeg skjønner at vi må søke.',
          touchpoint: 'Veiledning om garasje og søknadsplikt på dibk.no og byggesakssidene på kommunens nettside',
          channel: 'digital',
          department: null,
          backstage:
            'Kommunen vet ennå ingenting om planene. Veiledningen bygger på plan- og bygningsloven og byggesaksforskriften.',
          systems: 'dibk.no, kommunens nettside',
          emotion: 0,
          duration: 'En kveld',
        },
        {
          title: 'Sjekke reguleringsplan og kommuneplan i kommunekartet',
          residentAction:
            'Jeg søker opp eiendommen i kommunekartet og finner reguleringsplanen for boligfeltet med bestemmelser om utnyttingsgrad, byggegrenser og garasjer. Språket er tungt, og jeg er usikker på om garasjen får plass innenfor tillatt bebygd areal.',
          touchpoint: 'Kommunekart og planinnsyn på kommunens nettside',
          channel: 'digital',
          department: PLAN_OG_GEODATA,
          backstage:
            'Plan og geodata forvalter planregisteret og kartgrunnlaget som planinnsynet viser. Kommuneplanens arealdel gjelder der reguleringsplanen ikke sier noe.',
          systems: 'Planinnsyn, kommunalt planregister, kommunekart',
          emotion: -1,
          duration: '1–2 timer',
        },
        {
          title: 'Ringe servicetorget med spørsmål om planen',
          residentAction:
            'Jeg ringer kommunen for å spørre hvor mye jeg kan bygge. Servicetorget kan ikke tolke planen og setter meg over til byggesak, som anbefaler meg å bestille en forhåndskonferanse.',
          touchpoint: 'Telefon til servicetorget',
          channel: 'phone',
          department: SERVICETORGET,
          backstage:
            'Servicetorget registrerer henvendelsen og sender samtalen videre til dagens vakthavende saksbehandler i byggesak.',
          systems: 'Telefonsentral, sak- og arkivsystem',
          emotion: -1,
          duration: '20 minutter',
        },
      ],
    },
    {
      title: 'Forberede søknaden',
      description:
        'Kari velger hvem som skal søke, får avklart planspørsmålene med byggesak og skaffer kart og tegninger.',
      steps: [
        {
          title: 'Velge ansvarlig søker',
          residentAction:
            'Fordi garasjen blir over 70 m², kan jeg ikke søke selv uten ansvarsrett. Jeg vurderer å søke om personlig ansvarsrett som selvbygger, men velger å la garasjeleverandøren være ansvarlig søker og prosjekterende.',
          touchpoint: 'Garasjeleverandørens søknadshjelp',
          channel: 'in_person',
          department: ANSVARLIG_SOKER,
          backstage:
            'Ansvarlig søker tar ansvar for at søknaden er komplett og at tiltaket er prosjektert i tråd med regelverket, og blir kommunens kontaktpunkt i saken.',
          systems: 'Søknadssystem koblet til Fellestjenester BYGG',
          emotion: 1,
          duration: '1–2 uker',
        },
        {
          title: 'Ha forhåndskonferanse med byggesak',
          residentAction:
            'Jeg og ansvarlig søker møter en saksbehandler og går gjennom plassering, høyde og utnyttingsgrad. Vi får et referat som sier hva søknaden må inneholde.',
          touchpoint: 'Forhåndskonferanse på rådhuset, bestilt via skjema på kommunens nettside',
          channel: 'in_person',
          department: BYGGESAK,
          backstage:
            'Saksbehandleren sjekker planstatus og tidligere saker på eiendommen før møtet og arkiverer referatet, som er utgangspunkt for den senere behandlingen.',
          systems: 'eByggesak, sak- og arkivsystem, planregisteret',
          emotion: 1,
          duration: '1 time, 2–3 uker ventetid på møte',
        },
        {
          title: 'Skaffe situasjonskart og tegninger',
          residentAction:
            'Ansvarlig søker bestiller situasjonskart fra kommunen og tegner garasjen inn med avstander til nabogrense og bolighus. Jeg godkjenner plassering, fasader og snitt.',
          touchpoint: 'Bestilling av situasjonskart på kommunens nettside',
          channel: 'digital',
          department: PLAN_OG_GEODATA,
          backstage:
            'Plan og geodata leverer et situasjonskart med eiendomsgrenser, eksisterende bygninger og planopplysninger fra matrikkelen og kartgrunnlaget.',
          systems: 'Matrikkelen, kommunens kartløsning, planregisteret',
          emotion: 0,
          duration: '1 uke',
        },
      ],
    },
    {
      title: 'Nabovarsel og søknad',
      description:
        'Naboene blir varslet og får to uker på seg til å komme med merknader, før den komplette søknaden sendes til kommunen.',
      steps: [
        {
          title: 'Sende nabovarsel',
          residentAction:
            'Ansvarlig søker sender nabovarsel til naboene. Jeg snakker også med de nærmeste naboene selv, slik at ingen blir overrasket.',
          touchpoint: 'Digitalt nabovarsel via Fellestjenester BYGG, naboene får det i Altinn',
          channel: 'digital',
          department: ANSVARLIG_SOKER,
          backstage:
            'Fellestjenester BYGG henter naboeiendommer og eiere fra matrikkelen og sender varslene. Naboene har 2 uker på seg til å komme med merknader.',
          systems: 'Fellestjenester BYGG, Altinn, matrikkelen',
          emotion: 0,
          duration: '2 uker',
        },
        {
          title: 'Svare på en merknad fra naboen',
          residentAction:
            'Naboen i bakkant mener garasjen tar sol fra terrassen. Jeg inviterer til en prat og tilbyr å senke takvinkelen litt, men naboen står på merknaden, og ansvarlig søker skriver en kommentar til den.',
          touchpoint: 'Samtale over gjerdet og skriftlig merknad',
          channel: 'other',
          department: null,
          backstage:
            'Merknaden og kommentaren skal legges ved søknaden. At en nabo protesterer, betyr at kommunen får 12 uker i stedet for 3 uker på å behandle saken.',
          systems: 'Fellestjenester BYGG',
          emotion: -2,
          duration: '1 uke',
        },
        {
          title: 'Sende søknaden',
          residentAction:
            'Jeg signerer som tiltakshaver, og ansvarlig søker sender søknad om tillatelse med tegninger, situasjonskart, nabovarsel, merknad og kommentar.',
          touchpoint: 'Søknad via Fellestjenester BYGG',
          channel: 'digital',
          department: ANSVARLIG_SOKER,
          backstage:
            'Søknaden valideres i Fellestjenester BYGG og leveres rett inn i kommunens byggesakssystem, der den journalføres og fordeles til en saksbehandler.',
          systems: 'Fellestjenester BYGG, Altinn, eByggesak',
          emotion: 1,
          duration: '1 dag',
        },
      ],
    },
    {
      title: 'Saksbehandling og vedtak',
      description:
        'Kommunen kontrollerer søknaden mot planer og regelverk, ber om det som mangler og fatter vedtak. Kari venter og betaler gebyr.',
      steps: [
        {
          title: 'Få mangelbrev fra kommunen',
          residentAction:
            'Etter en uke får ansvarlig søker brev om at søknaden mangler en redegjørelse for håndtering av overvann fra taket. Jeg blir frustrert over at fristen først begynner å løpe når søknaden er komplett.',
          touchpoint: 'Mangelbrev til ansvarlig søker, kopi til tiltakshaver',
          channel: 'letter',
          department: BYGGESAK,
          backstage:
            'Saksbehandleren gjør en første kontroll av dokumentasjonen og stopper fristen til mangelen er rettet.',
          systems: 'eByggesak, SvarUt',
          emotion: -1,
          duration: '1–2 uker',
        },
        {
          title: 'Vente på saksbehandlingen',
          residentAction:
            'Jeg sjekker innsynsløsningen og ringer en gang for å høre hvordan det går. Garasjeleverandøren vil vite når de kan levere, og jeg kan ikke gi noe svar.',
          touchpoint: 'Innsyn i postlisten og telefon til byggesak',
          channel: 'phone',
          department: BYGGESAK,
          backstage:
            'Saksbehandleren vurderer tiltaket mot reguleringsplanen, byggegrenser og nabomerknaden. Fordi naboen har protestert, er fristen 12 uker.',
          systems: 'eByggesak, sak- og arkivsystem, planregisteret',
          emotion: -2,
          duration: 'Opptil 12 uker',
        },
        {
          title: 'Få vedtak om tillatelse',
          residentAction:
            'Jeg får beskjed om at garasjen er godkjent. Nabomerknaden er vurdert, men ikke tatt til følge, og jeg leser gjennom vilkårene i vedtaket.',
          touchpoint: 'Vedtaksbrev i Altinn til ansvarlig søker og digital post til tiltakshaver',
          channel: 'digital',
          department: BYGGESAK,
          backstage:
            'Vedtaket sendes til ansvarlig søker, tiltakshaver og naboen som hadde merknad. Garasjen føres inn i matrikkelen allerede ved tillatelsen.',
          systems: 'eByggesak, SvarUt, Altinn, matrikkelen',
          emotion: 2,
          duration: '1 dag',
        },
        {
          title: 'Betale byggesaksgebyret',
          residentAction:
            'Jeg får faktura på gebyret for behandlingen av søknaden. Beløpet er høyere enn jeg hadde regnet med, og jeg må finne gebyrregulativet for å forstå hvordan det er beregnet.',
          touchpoint: 'Faktura fra kommunen i nettbanken',
          channel: 'digital',
          department: BYGGESAK,
          backstage:
            'Byggesak beregner gebyret etter kommunens gebyrregulativ, og kommunens fakturaavdeling sender fakturaen.',
          systems: 'eByggesak, kommunens fakturasystem',
          emotion: -1,
          duration: 'Noen dager etter vedtaket',
        },
      ],
    },
    {
      title: 'Bygging og ferdigstillelse',
      description:
        'Garasjen bygges etter tillatelsen, ansvarlig søker sender sluttdokumentasjon, og kommunen utsteder ferdigattest og oppdaterer matrikkelen.',
      steps: [
        {
          title: 'Bygge garasjen',
          residentAction:
            'Grunnarbeidet gjøres av en lokal entreprenør, og garasjeleverandøren setter opp garasjen. Jeg følger med på at plasseringen blir som på situasjonskartet.',
          touchpoint: 'Byggeplassen hjemme',
          channel: 'in_person',
          department: ANSVARLIG_SOKER,
          backstage:
            'De ansvarlige foretakene utfører og kontrollerer arbeidet og dokumenterer at det er gjort i samsvar med tillatelsen.',
          systems: 'Foretakenes kvalitetssystemer',
          emotion: 1,
          duration: '4–8 uker',
        },
        {
          title: 'Søke om ferdigattest',
          residentAction:
            'Når garasjen er ferdig, sender ansvarlig søker søknad om ferdigattest. Hadde det gjenstått småarbeid som asfalt eller maling, kunne vi søkt om midlertidig brukstillatelse i stedet.',
          touchpoint: 'Søknad om ferdigattest via Fellestjenester BYGG',
          channel: 'digital',
          department: ANSVARLIG_SOKER,
          backstage:
            'Ansvarlig søker legger ved sluttdokumentasjon og bekrefter at garasjen er bygget i samsvar med tillatelsen og plassert som vist på situasjonskartet.',
          systems: 'Fellestjenester BYGG, eByggesak',
          emotion: 0,
          duration: '1 dag',
        },
        {
          title: 'Få ferdigattest',
          residentAction:
            'Jeg får kopi av ferdigattesten og legger den i mappen med byggepapirer. Nå er saken formelt ferdig, og garasjen kan brukes uten forbehold.',
          touchpoint: 'Ferdigattest i Altinn til ansvarlig søker og digital post til tiltakshaver',
          channel: 'digital',
          department: BYGGESAK,
          backstage:
            'Byggesak kontrollerer sluttdokumentasjonen, eventuelt med tilsyn på stedet, og utsteder ferdigattest.',
          systems: 'eByggesak, SvarUt, Altinn',
          emotion: 2,
          duration: '1–3 uker',
        },
        {
          title: 'Se garasjen i matrikkelen og kartet',
          residentAction:
            'Noen uker senere ser jeg at garasjen er tegnet inn i kommunekartet og på seeiendom.no.',
          touchpoint: 'Kommunekart og seeiendom.no',
          channel: 'digital',
          department: PLAN_OG_GEODATA,
          backstage:
            'Plan og geodata fører garasjen inn i matrikkelen med status ferdigattest og oppdaterer kartgrunnlaget. Opplysningene flyter videre til Kartverket.',
          systems: 'Matrikkelen, kommunens kartløsning, seeiendom.no',
          emotion: 1,
          duration: '2–6 uker',
        },
      ],
    },
  ],
};

const dodsfall: JourneyDocumentInput = {
  format: 'reisekart.journey',
  formatVersion: 1,
  journey: {
    title: 'Vi har mistet en av våre nærmeste',
    slug: 'dodsfall',
    lifeEvent: 'dodsfall-og-arv',
    persona:
      'Ingrid Solberg (52) er sykepleier og mister faren Kjell (84), som bodde alene i egen leilighet med hjemmesykepleie og lånte hjelpemidler. Moren døde for mange år siden, og Ingrid og broren Per, som bor i Tromsø, er de eneste arvingene.',
    scenario:
      'Kjell dør hjemme en morgen. Ingrid organiserer gravferden med et begravelsesbyrå, melder dødsfallet til tingretten og får avklart gravsted med gravplassforvaltningen. Deretter avslutter hun tjenester fra kommunen og NAV, velger skifteform sammen med broren innen fristen, får skifteattest og gjør opp økonomi, bolig, abonnementer og skatt, mens sorgen kommer for fullt etter hvert.',
    trigger: 'Hjemmesykepleien ringer tidlig en morgen og forteller at pappa er død.',
    outcome:
      'Pappa er gravlagt ved siden av mamma, dødsboet er gjort opp ved privat skifte, leiligheten er solgt, skattemeldingen levert, og Ingrid har fått støtte i sorgen.',
    summary:
      'Reisen går over omtrent et år og seks faser: selve dødsfallet, gravferden innen 10 virkedager, avslutning av offentlige tjenester, skiftet, opprydding i økonomi, bolig og skatt, og til slutt sorg og minne. De tyngste punktene er de første dagene, brevet fra tingretten om at arvingene må ta stilling innen 60 dager, og ansvaret for gjelden ved privat skifte. Mange aktører er involvert – kommunen, NAV, tingretten, Skatteetaten, Kartverket, begravelsesbyrået og banken – og pårørende må selv holde tråden mellom dem.',
  },
  phases: [
    {
      title: 'Dødsfallet',
      description: 'De første timene: dødsfallet blir konstatert, og familien får hjelp fra et begravelsesbyrå.',
      steps: [
        {
          title: 'Pappa dør hjemme',
          residentAction:
            'Hjemmesykepleien finner pappa død om morgenen og ringer meg. Jeg drar til leiligheten, og legevaktslegen kommer og bekrefter dødsfallet.',
          touchpoint: 'Hjemmesykepleien og legevakten',
          channel: 'in_person',
          department: HELSE_OG_OMSORG,
          backstage:
            'Legen undersøker avdøde og fyller ut legeerklæring om dødsfall, som sendes elektronisk til Folkeregisteret og Dødsårsaksregisteret.',
          systems: 'Elektronisk dødsmelding, DSF / Folkeregisteret, Dødsårsaksregisteret',
          emotion: -2,
          duration: 'Noen timer',
        },
        {
          title: 'Kontakte begravelsesbyrå',
          residentAction:
            'Jeg ringer et begravelsesbyrå, som henter pappa samme dag og avtaler et møte med meg og Per. Det er godt at noen vet hva som skal skje.',
          touchpoint: 'Telefon til begravelsesbyrået',
          channel: 'phone',
          department: BEGRAVELSESBYRA,
          backstage:
            'Byrået steller avdøde og frakter ham til kjølerom, og sørger for at legeerklæringen om dødsfall er på plass.',
          systems: 'Byråets saksystem',
          emotion: -1,
          duration: 'Samme dag',
        },
      ],
    },
    {
      title: 'Gravferden',
      description:
        'Gravferden skal skje senest 10 virkedager etter dødsfallet. Familien planlegger seremonien, melder dødsfallet til tingretten, avklarer gravsted og søker stønad.',
      steps: [
        {
          title: 'Planlegge gravferden med byrået',
          residentAction:
            'Per og jeg velger kistebegravelse i kirken, slik pappa ønsket, og bestemmer kiste, blomster, musikk og dødsannonse. Vi skal ta mange valg på kort tid.',
          touchpoint: 'Møte hos begravelsesbyrået',
          channel: 'in_person',
          department: BEGRAVELSESBYRA,
          backstage:
            'Byrået booker seremonien med kirken og sender melding om gravferd til gravplassforvaltningen, slik at gravferden kan skje innen 10 virkedager etter dødsfallet.',
          systems: 'Byråets saksystem, e-post til kirkekontoret og gravplassforvaltningen',
          emotion: -1,
          duration: '2 timer',
        },
        {
          title: 'Melde dødsfallet til tingretten',
          residentAction:
            'Med hjelp fra byrået fyller jeg ut melding om dødsfall med opplysninger om arvinger, bolig og formue, og om pappa hadde testament.',
          touchpoint: 'Skjemaet «Melding om dødsfall» på domstol.no',
          channel: 'digital',
          department: TINGRETTEN,
          backstage:
            'Tingretten registrerer dødsfallet, oppretter en sak for dødsboet og sjekker om det er registrert testament.',
          systems: 'domstol.no, ID-porten, Lovisa',
          emotion: -1,
          duration: '30 minutter',
        },
        {
          title: 'Avklare gravsted og feste',
          residentAction:
            'Gravplassforvaltningen bekrefter at pappa kan gravlegges i det festede gravstedet ved siden av mamma, og spør hvem som skal overta festeretten. Jeg tar den over.',
          touchpoint: 'Telefon fra gravplassforvaltningen',
          channel: 'phone',
          department: GRAVPLASSFORVALTNINGEN,
          backstage:
            'Gravplassforvaltningen – kommunen eller kirkelig fellesråd – sjekker gravregisteret, bestiller graving og registrerer ny fester.',
          systems: 'Gravregister',
          emotion: 0,
          duration: '15 minutter',
        },
        {
          title: 'Ta farvel i begravelsen',
          residentAction:
            'Vi tar farvel i kirken og følger pappa til graven. Etterpå har vi minnesamvær med familie og naboer.',
          touchpoint: 'Seremoni i kirken og gravlegging',
          channel: 'in_person',
          department: BEGRAVELSESBYRA,
          backstage:
            'Byrået leder gjennomføringen sammen med presten, og gravplassforvaltningen har gjort klar graven og fører gravleggingen inn i gravregisteret.',
          systems: 'Gravregister',
          emotion: -1,
          duration: 'Én dag, senest 10 virkedager etter dødsfallet',
        },
        {
          title: 'Søke stønad til gravferd',
          residentAction:
            'Byrået forteller at NAV kan gi stønad til gravferd når avdøde hadde lite formue. Jeg søker på nav.no og legger ved fakturaen fra byrået.',
          touchpoint: 'Søknad om stønad til gravferd på nav.no',
          channel: 'digital',
          department: NAV,
          backstage:
            'NAV behovsprøver stønaden mot avdødes formue, henter opplysninger fra Folkeregisteret og Skatteetaten og utbetaler til den som har betalt eller til byrået.',
          systems: 'nav.no, Gosys, Folkeregisteret',
          emotion: -1,
          duration: '30 minutter å søke, noen uker behandling',
        },
      ],
    },
    {
      title: 'Avslutte tjenester fra kommunen og NAV',
      description:
        'Tjenester, hjelpemidler og ytelser skal avsluttes. Noe skjer automatisk, mens annet må pårørende selv sørge for.',
      steps: [
        {
          title: 'Avslutte hjemmetjenester og trygghetsalarm',
          residentAction:
            'Jeg ringer kommunen for å si fra om dødsfallet. Hjemmesykepleien har allerede meldt det, men trygghetsalarmen og matombringingen må sies opp særskilt.',
          touchpoint: 'Telefon til tildelingskontoret',
          channel: 'phone',
          department: HELSE_OG_OMSORG,
          backstage:
            'Vedtakene avsluttes i fagsystemet, og faktureringen stanses. Egenandeler for perioden før dødsfallet sendes til dødsboet.',
          systems: 'Kommunens pasientjournal (EPJ), fakturasystem',
          emotion: -1,
          duration: '15 minutter',
        },
        {
          title: 'Levere tilbake hjelpemidler',
          residentAction:
            'Sykehussengen, rullatoren og dusjstolen er lånt fra NAV. Jeg avtaler med kommunens hjelpemiddellager når de kan hentes i leiligheten.',
          touchpoint: 'Telefon til kommunens hjelpemiddellager',
          channel: 'phone',
          department: HELSE_OG_OMSORG,
          backstage:
            'Kommunen henter hjelpemidlene og leverer dem til NAV hjelpemiddelsentral, som registrerer innleveringen og klargjør dem for gjenbruk.',
          systems: 'Hotsak, kommunens hjelpemiddelsystem',
          emotion: -1,
          duration: '1–2 uker',
        },
        {
          title: 'Få brev om at pensjonen er stanset',
          residentAction:
            'Det kommer brev om at pappas alderspensjon er stanset. Vi trengte ikke å melde fra selv, men må sjekke om noe er utbetalt for mye og skal betales tilbake fra dødsboet.',
          touchpoint: 'Brev fra NAV til dødsboet',
          channel: 'letter',
          department: NAV,
          backstage:
            'NAV får dødsfallet automatisk fra Folkeregisteret og stanser pensjon og andre ytelser. Eventuelt feilutbetalt beløp kreves tilbake fra dødsboet.',
          systems: 'DSF / Folkeregisteret, Pesys',
          emotion: -1,
          duration: '2–3 uker etter dødsfallet',
        },
      ],
    },
    {
      title: 'Skiftet',
      description:
        'Arvingene må innen 60 dager etter dødsfallet ta stilling til hvordan dødsboet skal gjøres opp: uskifte, privat skifte eller offentlig skifte.',
      steps: [
        {
          title: 'Få brev fra tingretten om skifteformene',
          residentAction:
            'Tingretten skriver at vi innen 60 dager etter dødsfallet må bestemme hvordan boet skal gjøres opp. Uskifte gjelder bare en gjenlevende ektefelle eller samboer, så for oss står valget mellom privat og offentlig skifte, og jeg skjønner ikke alle begrepene.',
          touchpoint: 'Brev fra tingretten',
          channel: 'letter',
          department: TINGRETTEN,
          backstage:
            'Tingretten sender informasjon og skjemaer til arvingene. Tar ingen over boet innen fristen, kan tingretten åpne offentlig skifte.',
          systems: 'Lovisa, Digipost',
          emotion: -2,
          duration: '60 dager fra dødsfallet',
        },
        {
          title: 'Skaffe oversikt over formue og gjeld',
          residentAction:
            'Før vi bestemmer oss, vil vi vite om pappa hadde gjeld. Vi bruker fullmakt fra tingretten og fjorårets skattemelding til å få oversikt over kontoer, lån og kredittkort.',
          touchpoint: 'Fullmakt fra tingretten og henvendelser til banker',
          channel: 'email',
          department: TINGRETTEN,
          backstage:
            'Tingretten kan på forespørsel utstede en fullmakt som gir arvingene rett til å innhente opplysninger om avdødes økonomi fra banker og andre.',
          systems: 'Lovisa, bankenes dødsbotjenester',
          emotion: -1,
          duration: '2–4 uker',
        },
        {
          title: 'Velge privat skifte',
          residentAction:
            'Per og jeg bestemmer oss for privat skifte og signerer erklæringen om at vi overtar ansvaret for pappas gjeld. Vi ber samtidig om proklama for å få frem eventuell ukjent gjeld.',
          touchpoint: 'Erklæring om privat skifte på domstol.no',
          channel: 'digital',
          department: TINGRETTEN,
          backstage:
            'Tingretten kontrollerer at alle arvinger har signert, at det ikke finnes andre arvinger eller testament som endrer bildet, og publiserer proklamaet.',
          systems: 'domstol.no, ID-porten, Lovisa',
          emotion: -2,
          duration: '30 minutter, innen 60 dager etter dødsfallet',
        },
        {
          title: 'Få skifteattest',
          residentAction:
            'Skifteattesten kommer i den digitale postkassen. Nå kan vi endelig gjøre noe med kontoene og leiligheten.',
          touchpoint: 'Skifteattest fra tingretten i den digitale postkassen',
          channel: 'digital',
          department: TINGRETTEN,
          backstage:
            'Skifteattesten viser hvem som har rett til å råde over boet. Den brukes overfor banker og kan tinglyses på fast eiendom.',
          systems: 'Lovisa, Digipost',
          emotion: 1,
          duration: '1–3 uker',
        },
      ],
    },
    {
      title: 'Økonomi, bolig og skatt',
      description:
        'Med skifteattesten i hånden gjør arvingene opp kontoer, avtaler og leiligheten, og leverer skattemeldingen for dødsåret.',
      steps: [
        {
          title: 'Ordne bankkontoer og regninger',
          residentAction:
            'Banken betalte begravelsesfakturaen fra pappas konto mens vi ventet. Med skifteattesten får vi tilgang til kontoene, betaler de siste regningene og avslutter kort og avtaler.',
          touchpoint: 'Bankens dødsboavdeling',
          channel: 'digital',
          department: BANKEN,
          backstage:
            'Banken sperrer kontoene når dødsfallet registreres i Folkeregisteret, og gir tilgang etter å ha kontrollert skifteattesten.',
          systems: 'Bankens kjernesystem, Folkeregisteret',
          emotion: 0,
          duration: '2–4 uker',
        },
        {
          title: 'Si opp abonnementer og avtaler',
          residentAction:
            'Jeg lager en liste over alt pappa betalte for – strøm, mobil, bredbånd, avis og forsikringer – og tar kontakt med hver enkelt. Noen vil ha skifteattest, andre holder det med et nettskjema.',
          touchpoint: 'Telefon og nettskjema hos hver leverandør',
          channel: 'phone',
          department: null,
          backstage:
            'Hver leverandør har sin egen prosess, og få av dem får beskjed om dødsfallet automatisk.',
          systems: 'Leverandørenes kundesystemer',
          emotion: -1,
          duration: 'Flere uker',
        },
        {
          title: 'Selge leiligheten',
          residentAction:
            'Vi tinglyser skifteattesten, slik at Per og jeg står som eiere, tømmer leiligheten og selger den gjennom megler.',
          touchpoint: 'Eiendomsmegler og tinglysing hos Kartverket',
          channel: 'other',
          department: KARTVERKET,
          backstage:
            'Kartverket tinglyser hjemmelsoverføringen i grunnboken. Megleren gjennomfører oppgjøret til dødsboets konto.',
          systems: 'Grunnboken, elektronisk tinglysing',
          emotion: 0,
          duration: '2–3 måneder',
        },
        {
          title: 'Levere skattemeldingen for pappa',
          residentAction:
            'Våren etter kommer skattemeldingen for pappas siste år. Vi sjekker at leiligheten, kontoene og pensjonen stemmer, og leverer den på vegne av dødsboet.',
          touchpoint: 'Skattemeldingen for avdøde på skatteetaten.no',
          channel: 'digital',
          department: SKATTEETATEN,
          backstage:
            'Skatteetaten har fått dødsfallet fra Folkeregisteret og lager skattemeldingen for avdøde med forhåndsutfylte opplysninger. Det er ingen arveavgift i Norge.',
          systems: 'Skattemeldingen, Folkeregisteret',
          emotion: -1,
          duration: '1–2 timer, våren etter dødsåret',
        },
      ],
    },
    {
      title: 'Sorg og minne',
      description:
        'Når det praktiske er gjort, tar sorgen mer plass. Familien finner støtte og setter et varig minne på graven.',
      steps: [
        {
          title: 'Sette pappas navn på gravsteinen',
          residentAction:
            'Vi bestiller navneinnskrift på den gamle gravsteinen hos en steinhugger, slik at mamma og pappa står sammen.',
          touchpoint: 'Steinhugger og melding til gravplassforvaltningen',
          channel: 'in_person',
          department: GRAVPLASSFORVALTNINGEN,
          backstage:
            'Steinhuggeren melder endringen til gravplassforvaltningen, som kontrollerer at gravminnet følger gravplassens vedtekter, og oppdaterer gravregisteret.',
          systems: 'Gravregister',
          emotion: 1,
          duration: '1–3 måneder',
        },
        {
          title: 'Finne sorgstøtte',
          residentAction:
            'Etter noen måneder merker jeg at sorgen tar mer plass enn jeg trodde. Fastlegen tipser om en sorggruppe som kommunen og kirken arrangerer sammen, og jeg melder meg på.',
          touchpoint: 'Samtale med fastlegen og sorggruppe',
          channel: 'in_person',
          department: HELSE_OG_OMSORG,
          backstage:
            'Kommunens psykiske helsetjeneste samarbeider med kirken og frivillige organisasjoner om sorgtilbud, og fastlegen kan henvise videre ved behov.',
          systems: 'Fastlegens journalsystem',
          emotion: 1,
          duration: 'Annenhver uke i et halvt år',
        },
      ],
    },
  ],
};

const alvorligSyktBarn: JourneyDocumentInput = {
  format: 'reisekart.journey',
  formatVersion: 1,
  journey: {
    title: 'Vi har fått et alvorlig sykt barn',
    slug: 'alvorlig-sykt-barn',
    lifeEvent: 'alvorlig-sykt-barn',
    persona:
      'Linn (34) og Ahmed (36) er foreldre til Maja (2), som etter gjentatte kraftige krampeanfall får diagnosen en sjelden og alvorlig epilepsisykdom. Begge jobber fulltid, og de har også Jonas på 6 år.',
    scenario:
      'Fra akuttinnleggelse og diagnose på sykehuset, via søknader til NAV og kommunen, til en hverdag med barnekoordinator, individuell plan, avlastning, hjelpemidler og tilrettelagt barnehage – og videre til skolestart og, etter hvert, overgangen fra barn til voksen.',
    trigger: 'Maja får et langvarig krampeanfall hjemme, og foreldrene ringer 113.',
    outcome:
      'Familien har én fast kontaktperson i kommunen, en individuell plan som alle følger, vedtak på ytelser og tjenester, og Maja får tilrettelagt barnehage og skole.',
    summary:
      'Reisen går gjennom seks faser og over flere år: diagnosen, rettigheter fra NAV, overgangen fra sykehus til hjem der kommunen kommer inn, koordinering, barnehage og skole, og nye overganger. De tyngste punktene er diagnosen, ventetiden og purringen på pleiepenger, og alle søknadene som må skrives mens foreldrene er utslitte. Barnekoordinatoren er vendepunktet. Ansvaret skifter stadig mellom sykehuset, NAV, helsestasjonen, helse og omsorg, barn og familie, barnehagen, PPT og skolen.',
  },
  phases: [
    {
      title: 'Diagnosen',
      description:
        'Maja blir akutt syk, utredes på sykehuset og får en diagnose. Foreldrene får den første informasjonen om hva som venter.',
      steps: [
        {
          title: 'Akutt til sykehuset med krampeanfall',
          residentAction:
            'Vi ringer 113 da Maja får et krampeanfall som ikke gir seg, og hun blir lagt inn på barneavdelingen. En av oss er alltid hos henne.',
          touchpoint: 'Ambulanse, akuttmottak og barneavdelingen',
          channel: 'in_person',
          department: SYKEHUSET,
          backstage:
            'AMK sender ambulanse, og barnelegene stabiliserer Maja og starter utredning med EEG, MR og blodprøver.',
          systems: 'AMK-systemet, elektronisk pasientjournal (DIPS)',
          emotion: -2,
          duration: '1–2 uker innlagt',
        },
        {
          title: 'Få diagnosen',
          residentAction:
            'Etter flere uker med undersøkelser og gentester får vi diagnosen i en samtale med barnelegen. Vi forstår bare en brøkdel av det som blir sagt og går hjem med mange spørsmål.',
          touchpoint: 'Samtale med barnelege og sykepleier',
          channel: 'in_person',
          department: SYKEHUSET,
          backstage:
            'Svarene fra den genetiske utredningen samles i journalen, og sykehuset henviser Maja til habiliteringstjenesten for barn.',
          systems: 'Elektronisk pasientjournal (DIPS), laboratoriesystem',
          emotion: -2,
          duration: '4–8 uker utredning',
        },
        {
          title: 'Få første informasjon om rettigheter',
          residentAction:
            'Sosionomen på barneavdelingen gir oss en oversikt over pleiepenger, stønader fra NAV og hjelp fra kommunen. Vi samtykker til at sykehuset kontakter kommunen.',
          touchpoint: 'Samtale med sosionom på barneavdelingen',
          channel: 'in_person',
          department: SYKEHUSET,
          backstage:
            'Sykehuset sender melding til kommunens koordinerende enhet om at Maja vil trenge langvarige og sammensatte tjenester og individuell plan.',
          systems: 'Elektronisk pasientjournal (DIPS), e-meldinger via Norsk helsenett',
          emotion: 0,
          duration: '1 time',
        },
      ],
    },
    {
      title: 'Rettigheter fra NAV',
      description:
        'Foreldrene søker om ytelser som skal gi økonomisk trygghet når de ikke kan jobbe som før, og når sykdommen gir ekstra utgifter og tilsyn.',
      steps: [
        {
          title: 'Søke pleiepenger',
          residentAction:
            'Vi søker pleiepenger på nav.no for dagene vi må være hos Maja på sykehuset og hjemme, og deler pleien mellom oss. Legeerklæringen fra sykehuslegen lastes opp.',
          touchpoint: 'Søknad om pleiepenger på nav.no',
          channel: 'digital',
          department: NAV,
          backstage:
            'NAV trenger legeerklæring fra spesialisthelsetjenesten og inntektsmelding fra begge arbeidsgiverne via Altinn før saken kan behandles.',
          systems: 'nav.no, Altinn (inntektsmelding), K9-sak',
          emotion: -1,
          duration: '30 minutter å søke',
        },
        {
          title: 'Vente på og purre pleiepengene',
          residentAction:
            'Etter flere uker uten utbetaling ringer vi NAV og får vite at inntektsmeldingen fra Ahmeds arbeidsgiver mangler. Vi purrer arbeidsgiveren og må vente igjen, mens regningene kommer.',
          touchpoint: 'Telefon til NAV og meldinger på Min side',
          channel: 'phone',
          department: NAV,
          backstage:
            'Kontaktsenteret ser saksstatusen, men kan ikke behandle saken. Den ligger i kø hos NAV Familie- og pensjonsytelser til dokumentasjonen er komplett.',
          systems: 'Modia, K9-sak, Gosys',
          emotion: -2,
          duration: '3–6 uker',
        },
        {
          title: 'Søke hjelpestønad, grunnstønad og ekstra omsorgsdager',
          residentAction:
            'Vi søker forhøyet hjelpestønad for det ekstra tilsynet Maja trenger, og grunnstønad for ekstrautgifter til blant annet transport og slitasje på klær og sengetøy. Vi søker også om ekstra omsorgsdager fordi sykdommen er kronisk.',
          touchpoint: 'Søknader på nav.no',
          channel: 'digital',
          department: NAV,
          backstage:
            'NAV innhenter legeerklæring og vurderer tilsyns- og pleiebehovet sammenlignet med friske barn på samme alder.',
          systems: 'nav.no, Gosys, Infotrygd',
          emotion: -1,
          duration: '2–4 måneder behandling',
        },
      ],
    },
    {
      title: 'Fra sykehus til hjem – kommunen kommer inn',
      description:
        'Maja skrives ut, og ansvaret for hverdagen går over til kommunen: helsestasjon, barnekoordinator, avlastning, omsorgsstønad, BPA og hjelpemidler.',
      steps: [
        {
          title: 'Reise hjem fra sykehuset',
          residentAction:
            'Før vi drar hjem, får vi opplæring i anfallsmedisin og en plan for hva vi skal gjøre ved nye anfall. Den første natten hjemme sover ingen av oss.',
          touchpoint: 'Utskrivningssamtale på barneavdelingen',
          channel: 'in_person',
          department: SYKEHUSET,
          backstage:
            'Sykehuset sender epikrise til fastlegen og helsestasjonen og melding til kommunen om behovet for oppfølging hjemme.',
          systems: 'DIPS, e-meldinger via Norsk helsenett, kjernejournal',
          emotion: -1,
          duration: '1 dag',
        },
        {
          title: 'Få hjemmebesøk fra helsesykepleier',
          residentAction:
            'Helsesykepleieren kommer hjem til oss, spør hvordan vi har det, også Jonas, og forteller at vi kan få en barnekoordinator.',
          touchpoint: 'Hjemmebesøk fra helsestasjonen',
          channel: 'in_person',
          department: HELSESTASJONEN,
          backstage:
            'Helsesykepleieren tilpasser helsestasjonsprogrammet til Maja og tar kontakt med koordinerende enhet.',
          systems: 'Helsestasjonsjournal, e-meldinger',
          emotion: 1,
          duration: '1 time',
        },
        {
          title: 'Få tildelt barnekoordinator',
          residentAction:
            'Vi tar kontakt med koordinerende enhet og får en barnekoordinator som blir vår faste kontakt i kommunen. For første gang slipper vi å fortelle historien vår på nytt hver gang.',
          touchpoint: 'Koordinerende enhet i kommunen',
          channel: 'phone',
          department: BARN_OG_FAMILIE,
          backstage:
            'Familier med barn som har alvorlig sykdom, skade eller nedsatt funksjonsevne og vil trenge langvarige og sammensatte tjenester, har rett til barnekoordinator. Koordinerende enhet vurderer retten og oppnevner koordinatoren.',
          systems: 'Kommunens sak- og arkivsystem, fagsystem for koordinerende enhet',
          emotion: 2,
          duration: '2–4 uker',
        },
        {
          title: 'Søke avlastning og omsorgsstønad',
          residentAction:
            'Med hjelp fra barnekoordinatoren søker vi avlastning, slik at vi får sove og kan være sammen med Jonas, og omsorgsstønad for det tunge omsorgsarbeidet. Skjemaet spør om mye av det samme som NAV allerede har fått.',
          touchpoint: 'Søknad om helse- og omsorgstjenester på kommunens nettside',
          channel: 'digital',
          department: HELSE_OG_OMSORG,
          backstage:
            'Tildelingskontoret kartlegger behovet, ofte med hjemmebesøk, og fatter enkeltvedtak. Avlastning kan gis i avlastningsbolig, hos avlastningsforeldre eller hjemme.',
          systems: 'Kommunens pasientjournal (EPJ), sak- og arkivsystem',
          emotion: -1,
          duration: '4–8 uker',
        },
        {
          title: 'Vurdere brukerstyrt personlig assistanse (BPA)',
          residentAction:
            'Vi drøfter med kommunen om BPA, der vi som foreldre er arbeidsledere for faste assistenter, passer bedre for oss enn avlastning utenfor hjemmet.',
          touchpoint: 'Kartleggingsmøte med tildelingskontoret',
          channel: 'in_person',
          department: HELSE_OG_OMSORG,
          backstage:
            'Kommunen vurderer om vilkårene for rett til BPA er oppfylt ut fra omfanget og varigheten av hjelpebehovet, og organiserer ordningen selv eller gjennom en BPA-leverandør.',
          systems: 'Kommunens pasientjournal (EPJ)',
          emotion: 0,
          duration: '1–2 måneder',
        },
        {
          title: 'Søke hjelpemidler med ergoterapeuten',
          residentAction:
            'Kommunens ergoterapeut kommer hjem og ser på hva Maja trenger. Vi blir enige om en tilpasset seng, spesialbilstol og epilepsialarm.',
          touchpoint: 'Hjemmebesøk fra kommunens ergoterapeut',
          channel: 'in_person',
          department: HELSE_OG_OMSORG,
          backstage:
            'Ergoterapeuten begrunner behovet og sender søknaden digitalt til NAV hjelpemiddelsentral.',
          systems: 'DigiHoT, kommunens pasientjournal (EPJ)',
          emotion: 0,
          duration: '1–2 uker',
        },
        {
          title: 'Få hjelpemidlene levert',
          residentAction:
            'Vi får vedtak fra NAV og hjelpemidlene levert hjem. Alarmen gjør at vi tør å sove i vårt eget rom igjen.',
          touchpoint: 'Vedtak på Min side og levering fra NAV hjelpemiddelsentral',
          channel: 'letter',
          department: NAV,
          backstage:
            'NAV hjelpemiddelsentral fatter vedtak, plukker hjelpemidlene fra lager og leverer dem til kommunen eller rett hjem.',
          systems: 'Hotsak, NAVs lagersystem',
          emotion: 1,
          duration: '4–8 uker',
        },
      ],
    },
    {
      title: 'Koordinering og individuell plan',
      description:
        'Barnekoordinatoren samler alle som er involvert, og familien får en individuell plan med mål, tiltak og ansvar.',
      steps: [
        {
          title: 'Lage individuell plan og ansvarsgruppe',
          residentAction:
            'Sammen med barnekoordinatoren skriver vi Majas individuelle plan med mål, tiltak og hvem som har ansvar for hva. Vi velger selv hvem som skal sitte i ansvarsgruppen.',
          touchpoint: 'Ansvarsgruppemøte',
          channel: 'in_person',
          department: BARN_OG_FAMILIE,
          backstage:
            'Barnekoordinatoren samler sykehuset, habiliteringstjenesten, helsestasjonen, fastlegen og barnehagen, og sørger for at planen blir oppdatert jevnlig.',
          systems: 'Elektronisk individuell plan (f.eks. SamPro)',
          emotion: 1,
          duration: '2 timer, møter 2–4 ganger i året',
        },
      ],
    },
    {
      title: 'Barnehage og skole',
      description:
        'Maja skal ha et trygt og tilrettelagt tilbud i barnehagen, få spesialpedagogisk hjelp og en godt planlagt overgang til skolen.',
      steps: [
        {
          title: 'Tilrettelegge i barnehagen',
          residentAction:
            'Vi forteller barnehagen om diagnosen og avtaler hvem som gir anfallsmedisin og hvordan personalet skal følge med på Maja.',
          touchpoint: 'Møte med styrer og pedagogisk leder',
          channel: 'in_person',
          department: BARNEHAGEN,
          backstage:
            'Barnehagen søker kommunen om ressurser til tilrettelegging for barn med nedsatt funksjonsevne, og personalet får opplæring fra habiliteringstjenesten.',
          systems: 'Barnehagens administrasjonssystem',
          emotion: 0,
          duration: '2–4 uker',
        },
        {
          title: 'Få sakkyndig vurdering fra PPT',
          residentAction:
            'Vi samtykker til at barnehagen henviser Maja til PPT, og deltar i samtaler og observasjon. Det tar lengre tid enn vi hadde håpet.',
          touchpoint: 'Henvisning fra barnehagen og utredning hos PPT',
          channel: 'in_person',
          department: PPT,
          backstage:
            'PPT skriver en sakkyndig vurdering av Majas behov for spesialpedagogisk hjelp, og kommunen fatter vedtak på grunnlag av den.',
          systems: 'PPTs fagsystem, sak- og arkivsystem',
          emotion: -1,
          duration: '2–4 måneder',
        },
        {
          title: 'Forberede skolestart',
          residentAction:
            'Året før skolestart møter vi skolen, barnehagen, PPT og barnekoordinatoren for å planlegge overgangen. Vi er bekymret for friminuttene og SFO.',
          touchpoint: 'Overføringsmøte mellom barnehage og skole',
          channel: 'in_person',
          department: SKOLEN,
          backstage:
            'PPT gjør en ny sakkyndig vurdering for skolen, og skolen planlegger assistent, tilrettelegging, medisinering og SFO før første skoledag.',
          systems: 'Skoleadministrativt system, individuell plan',
          emotion: -1,
          duration: 'Høsten og våren før skolestart',
        },
        {
          title: 'Begynne på skolen',
          residentAction:
            'Maja begynner på skolen med assistent og en anfallsplan som alle voksne kjenner. Vi har tett kontakt med kontaktlæreren de første ukene.',
          touchpoint: 'Skolestart og oppfølgingssamtaler',
          channel: 'in_person',
          department: SKOLEN,
          backstage:
            'Skolen fatter vedtak om individuelt tilrettelagt opplæring, og skolehelsetjenesten overtar oppfølgingen fra helsestasjonen.',
          systems: 'Skoleadministrativt system, helsestasjonsjournal',
          emotion: 1,
          duration: 'De første ukene',
        },
      ],
    },
    {
      title: 'Nye overganger',
      description:
        'Behovene endrer seg med alderen. Overgangen fra barn til voksen må planlegges i god tid, slik at ingen tjenester faller bort.',
      steps: [
        {
          title: 'Planlegge overgangen fra barn til voksen',
          residentAction:
            'Når Maja nærmer seg 16 år, begynner vi å planlegge overgangen til voksne helsetjenester, voksenhabilitering og de ytelsene og tjenestene som endres når hun blir 18.',
          touchpoint: 'Ansvarsgruppemøte og overgangssamtale på sykehuset',
          channel: 'in_person',
          department: HELSE_OG_OMSORG,
          backstage:
            'Barnekoordinatoren, sykehuset og kommunen oppdaterer den individuelle planen. Noen ytelser for barn opphører ved 18 år, og rettigheter som voksen må søkes på nytt.',
          systems: 'Elektronisk individuell plan, kommunens pasientjournal (EPJ), DIPS',
          emotion: -1,
          duration: 'Fra 16 til 18 år',
        },
      ],
    },
  ],
};

export const DEMO_JOURNEYS: JourneyDocumentInput[] = [byggeGarasje, dodsfall, alvorligSyktBarn];
