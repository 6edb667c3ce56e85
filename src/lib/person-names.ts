// Finds people's names in resident text, for pii-redaction.ts. A name has no shape the way an identity number has, so
// three signs are read, each kept narrow to spare ordinary words:
//  1. an introduction or a signature: "jeg heter …", "mitt namn er …", "My name is …", "Navn: …", "Mvh …", "Hilsen …";
//  2. a role just before the name: "saksbehandler Per Hansen", "fastlegen min, Hansen", "fru Olsen";
//  3. a common first name (norwegian-first-names.txt, beside this file) followed by a capitalised word: "Kari Nordmann".
// A capitalised word that is rarely a name (a month, a weekday, Nav, a town, a pronoun, "Per Uke") never counts as
// one, a name followed by a street word is a street ("Karl Johans gate"), and sign 3 is not read in Title Case Text,
// where every word is capitalised. What is missed (a lone first name, a surname on its own) is the moderators' to
// catch: the report form asks residents not to write names, and says which are removed.
import fs from 'node:fs';
import path from 'node:path';

export interface NameSpan {
  start: number;
  end: number;
}

// Beside this file in the source tree, read from there by the built code too (dist/lib is as deep as src/lib). Not in
// data/, which is the database's folder and ignored by git.
const FIRST_NAMES_FILE = path.resolve(__dirname, '..', '..', 'src', 'lib', 'norwegian-first-names.txt');

/** The first names of the data file, as written there (capitalised). */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  fs
    .readFileSync(FIRST_NAMES_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

const words = (text: string) => text.trim().split(/\s+/);

/** Capitalised words that are seldom a person's name in residents' text (compared in lower case). */
const NOT_NAMES = new Set(
  words(`
    januar februar mars april mai juni juli august september oktober november desember
    january february march may june july october december
    mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag
    monday tuesday wednesday thursday friday saturday sunday
    jeg eg du han hun ho vi dere de dei det den dette denne disse der her hva kva hvem kven hvorfor kvifor når
    og eller men som i på til fra frå med for om av etter ved under hos uten utan ikke ikkje
    the a an and or but in on at to from with my your his her our their this that these those it its we you they
    hei hallo takk mvh hilsen helsing
    nav kommune kommunen kommunes fylkeskommune fylkeskommunen staten skatteetaten altinn helsenorge lånekassen
    husbanken statsforvalteren fylkesmannen politiet tingretten udi bufetat barnevernet bankid minid id-porten
    vipps digipost e-boks facebook google microsoft teams outlook gmail hotmail apple android iphone windows
    norge noreg norway sverige danmark sweden denmark europa europe
    oslo bergen trondheim stavanger tromsø drammen kristiansand fredrikstad sandnes bodø ålesund bærum asker
    lillestrøm sarpsborg skien tønsberg moss hamar lillehammer gjøvik molde harstad alta arendal larvik sandefjord
    porsgrunn halden kongsberg narvik haugesund steinkjer levanger namsos kirkenes hammerfest vadsø vardø førde
    voss elverum kongsvinger jessheim
    uke veke måned månad dag døgn år time minutt person stykk side gang post brev telefon e-post epost sms mail
    week month day year hour minute person page time phone letter email
  `),
);

/** Words after a name that make it a street, a school or another place named after someone. */
const PLACE_WORDS = new Set(
  words(`
    gate gata gaten gatan vei veien veg vegen plass plassen torg torget allé alle alléen bakke bakken brygge bryggen
    park parken skole skolen skule skulen vgs barnehage barnehagen sykehjem sjukeheim senter senteret hall hallen
    stadion kirke kyrkje kirken kyrkja hospital sykehus sjukehus museum museet street road avenue square school
  `),
);

/** Words that end a name after an introduction ("jeg heter Ola og bor …"). */
const STOP_WORDS = new Set(
  words(`
    og eller men som i på til fra frå med for om av at så da då og er var har hadde blir ble vart bor budde skal vil
    kan må ikke ikkje jeg eg du han hun ho vi de dei det den en ei et eit min mi mitt mine
    and or but who which in on at to from with for of is am was were have has had live lives living will would can
    not i you he she we they it my
  `),
);

const CAP = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const LOWER = /^\p{Ll}+(?:-\p{Ll}+)*$/u;
const UPPER = /^\p{Lu}{2,}(?:-\p{Lu}{2,})*$/u;
const INITIAL = /^\p{Lu}$/u;
type Style = 'cap' | 'lower' | 'upper';

function styleOf(word: string): Style | null {
  if (CAP.test(word)) return 'cap';
  if (LOWER.test(word)) return 'lower';
  if (UPPER.test(word)) return 'upper';
  return null;
}

const isFirstName = (word: string) => FIRST_NAMES.has(word) || FIRST_NAMES.has(word.split('-')[0]!);

interface Token {
  word: string;
  start: number;
  end: number;
}

const TOKEN = /\p{L}+(?:[-'’]\p{L}+)*/gu;
// Words of one name stand apart by spaces only; "K." between them is a middle initial.
const JOIN = /^[ \t]+$/;
const JOIN_AFTER_INITIAL = /^\.[ \t]*$/;

function tokensOf(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

// Role words, with their definite and nynorsk forms. Read case-insensitively and as whole words.
const ROLES = words(`
  saksbehandler saksbehandleren saksbehandlar saksbehandlaren byggesaksbehandler byggesaksbehandleren
  rådgiver rådgiveren rådgjevar rådgjevaren konsulent konsulenten veileder veilederen rettleiar rettleiaren
  nav-veileder nav-veilederen kontaktperson kontaktpersonen koordinator koordinatoren
  lege legen fastlege fastlegen doktor doktoren sykepleier sykepleieren sjukepleiar sjukepleiaren
  helsesykepleier helsesykepleieren helsesøster helsesøsteren jordmor jordmora psykolog psykologen
  fysioterapeut fysioterapeuten ergoterapeut ergoterapeuten tannlege tannlegen terapeut terapeuten
  miljøterapeut miljøterapeuten sosionom sosionomen barnevernspedagog barnevernspedagogen
  lærer læreren lærar læraren kontaktlærer kontaktlæreren kontaktlærar kontaktlæraren rektor rektoren
  styrer styreren leder lederen leiar leiaren sjef sjefen enhetsleder enhetslederen einingsleiar einingsleiaren
  avdelingsleder avdelingslederen avdelingsleiar avdelingsleiaren fagleder faglederen fagleiar fagleiaren
  ansatt ansatte tilsett tilsette medarbeider medarbeideren ingeniør ingeniøren arkitekt arkitekten
  advokat advokaten assistent assistenten sekretær sekretæren kollega kollegaen nabo naboen
  ordfører ordføreren rådmann rådmannen kommunedirektør kommunedirektøren
  herr fru frk frøken dr mr mrs
  caseworker adviser advisor counsellor counselor officer manager consultant doctor nurse teacher principal
  neighbour neighbor colleague
`);
const ROLE_WORDS = new Set(ROLES);
/** A capitalised word that is not taken for a name: a role is a title before one ("Dr. Berg"), never one itself. */
const notAName = (word: string) => NOT_NAMES.has(word.toLowerCase()) || ROLE_WORDS.has(word.toLowerCase());
const ROLE = new RegExp(`(?<![\\p{L}-])(?:${ROLES.join('|')}|case (?:worker|officer)|social worker)\\.?(?![\\p{L}-])`, 'giu');
// The role may be followed by a possessive and a comma: "saksbehandleren min, Per Hansen".
const AFTER_ROLE = /^[ \t]*,?[ \t]*$/u;
const POSSESSIVES = new Set(['min', 'mi', 'mitt', 'vår', 'my', 'our']);

const INTRO = new RegExp(
  [
    String.raw`(?:jeg|eg|je)\s+(?:heter|heiter)`,
    String.raw`mitt\s+(?:fulle\s+)?(?:navn|namn)\s+er`,
    String.raw`(?:navnet|namnet)\s+mitt\s+er`,
    String.raw`my\s+(?:full\s+)?name\s+is`,
    String.raw`my\s+name['’]s`,
    String.raw`undertegnede`,
    String.raw`(?:fullt\s+)?(?:navn|namn|name)\s*:`,
  ]
    .map((p) => `(?<![\\p{L}])${p}(?![\\p{L}])`)
    .join('|'),
  'giu',
);
const AFTER_INTRO = /^[ \t]*[:,]?[ \t]*$/u;

const SIGNATURE = new RegExp(
  [
    String.raw`(?:med\s+)?(?:vennlig|vennleg|venleg|beste)\s+(?:hilsen|helsing)`,
    String.raw`mvh\.?`,
    String.raw`hilsen`,
    String.raw`helsing`,
    String.raw`hilsn`,
    String.raw`(?:kind|best|warm)\s+regards`,
    String.raw`regards`,
    String.raw`(?:yours\s+)?sincerely`,
  ]
    .map((p) => `(?<![\\p{L}])${p}(?![\\p{L}])`)
    .join('|'),
  'giu',
);
// A signature may stand on a line of its own above the name.
const AFTER_SIGNATURE = /^[ \t]*[,:.]?\s*$/u;

/**
 * Title Case Text ("Lang Ventetid Per Telefon") capitalises every longer word, so a first name before a capitalised
 * word says nothing there. Ordinary sentences have some longer word in lower case.
 */
function isTitleCase(tokens: Token[]): boolean {
  const long = tokens.filter((t) => t.word.length >= 4);
  return long.length >= 3 && long.every((t) => styleOf(t.word) === 'cap' || styleOf(t.word) === 'upper');
}

/**
 * The words of one name from token `i` on, as far as `accept` takes them (at most three, a middle initial between
 * them free), or null when not even the first is taken.
 */
function nameFrom(text: string, tokens: Token[], i: number, accept: (word: string, index: number) => boolean): { from: number; to: number } | null {
  let taken = 0;
  let last = -1;
  for (let k = i; k < tokens.length && taken < 3; k += 1) {
    const token = tokens[k]!;
    if (k > i) {
      const gap = text.slice(tokens[k - 1]!.end, token.start);
      const afterInitial = INITIAL.test(tokens[k - 1]!.word) && JOIN_AFTER_INITIAL.test(gap);
      if (!JOIN.test(gap) && !afterInitial) break;
    }
    if (taken > 0 && INITIAL.test(token.word) && k + 1 < tokens.length && text[token.end] === '.') continue;
    if (!accept(token.word, taken)) break;
    taken += 1;
    last = k;
  }
  return last < 0 ? null : { from: i, to: last };
}

/** The first token at or after `at`, if the text between matches `gap`. */
function tokenAfter(text: string, tokens: Token[], at: number, gap: RegExp): number | null {
  // Binary search: a long text may hold many role words, each looked up once.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length && gap.test(text.slice(at, tokens[lo]!.start)) ? lo : null;
}

export function findNames(text: string): NameSpan[] {
  const tokens = tokensOf(text);
  const claimed = new Set<number>();
  const spans: NameSpan[] = [];
  const take = (run: { from: number; to: number } | null) => {
    if (!run) return;
    for (let k = run.from; k <= run.to; k += 1) if (claimed.has(k)) return;
    for (let k = run.from; k <= run.to; k += 1) claimed.add(k);
    spans.push({ start: tokens[run.from]!.start, end: tokens[run.to]!.end });
  };
  const capitalisedName = (word: string) => styleOf(word) === 'cap' && !notAName(word);

  // 1a. After an introduction the name may be written in any case, but all its words in the same one.
  for (const m of text.matchAll(INTRO)) {
    const k = tokenAfter(text, tokens, m.index + m[0].length, AFTER_INTRO);
    if (k === null) continue;
    const style = styleOf(tokens[k]!.word);
    take(
      nameFrom(text, tokens, k, (word, index) => {
        const lower = word.toLowerCase();
        if (STOP_WORDS.has(lower) || notAName(word)) return false;
        return index === 0 ? style !== null : styleOf(word) === style || styleOf(word) === 'cap';
      }),
    );
  }
  // 1b. A signature, and 2. a role: capitalised words only ("hilsen en fortvilet mor" names nobody).
  for (const m of text.matchAll(SIGNATURE)) {
    const k = tokenAfter(text, tokens, m.index + m[0].length, AFTER_SIGNATURE);
    if (k !== null) take(nameFrom(text, tokens, k, capitalisedName));
  }
  for (const m of text.matchAll(ROLE)) {
    let k = tokenAfter(text, tokens, m.index + m[0].length, AFTER_ROLE);
    if (k !== null && POSSESSIVES.has(tokens[k]!.word.toLowerCase())) k = tokenAfter(text, tokens, tokens[k]!.end, AFTER_ROLE);
    if (k !== null) take(nameFrom(text, tokens, k, capitalisedName));
  }
  // 3. A common first name and a capitalised word after it.
  if (!isTitleCase(tokens)) {
    for (let k = 0; k < tokens.length; k += 1) {
      if (claimed.has(k) || styleOf(tokens[k]!.word) !== 'cap' || !isFirstName(tokens[k]!.word)) continue;
      const run = nameFrom(text, tokens, k, (word, index) => (index === 0 ? true : capitalisedName(word)));
      if (!run || run.to === k) continue;
      const next = tokens[run.to + 1];
      if (next && JOIN.test(text.slice(tokens[run.to]!.end, next.start)) && PLACE_WORDS.has(next.word.toLowerCase())) continue;
      take(run);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
