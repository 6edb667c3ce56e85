// Norwegian words people build weak passwords from, for the strength estimator in password.service.ts.
// The English and common lists miss these, so "Sommer2024" or "Kommune123" looked strong before.

// Most likely first: the estimator ranks a word by its place in the list, and a low rank means fewer guesses.
const GROUPS: readonly (readonly string[])[] = [
  // Password words and greetings.
  ['passord', 'hemmelig', 'hemmeleg', 'velkommen', 'velkomen', 'hallo', 'heisann', 'hei', 'hade', 'takk', 'tusentakk'],
  ['elsker', 'elskerdeg', 'kjæreste', 'kjærlighet', 'kjærleik', 'glad', 'lykke', 'sommerfugl'],
  ['bruker', 'brukar', 'admin', 'administrator', 'sjef', 'leder', 'leiar', 'ansatt', 'tilsett', 'jobb', 'arbeid', 'kontor'],
  ['test', 'tester', 'start', 'nytt', 'endre', 'endremeg', 'byttmeg', 'glemt', 'sikker', 'sikkert', 'trygg', 'tilgang'],
  ['logginn', 'innlogging', 'pålogging', 'hjem', 'hjemme', 'heime', 'hytta', 'hytte'],
  // Seasons and holidays, with definite forms.
  ['sommer', 'sommar', 'vinter', 'høst', 'haust', 'vår', 'sommeren', 'sommaren', 'vinteren', 'høsten', 'hausten', 'våren'],
  ['jul', 'julen', 'julaften', 'godjul', 'påske', 'påsken', 'godpåske', 'nyttår', 'ferie', 'sommerferie', 'bursdag', 'fødselsdag'],
  ['syttendemai', 'nasjonaldag', 'grunnlov', 'hurra', 'sankthans', 'solskinn', 'snø', 'regn', 'sol'],
  // Months (the same in bokmål and nynorsk) and weekdays in both.
  ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'måndag', 'tysdag', 'laurdag', 'sundag', 'helg', 'helga'],
  // The country, public bodies and this service.
  ['norge', 'noreg', 'norsk', 'norway', 'nordmann', 'kommune', 'kommunen', 'kommunal', 'fylke', 'fylkeskommune', 'stat', 'staten'],
  ['reisekart', 'digdir', 'nav', 'altinn', 'idporten', 'bankid', 'difi', 'skatteetaten', 'helsenorge', 'statsforvalter', 'stortinget'],
  ['rådhus', 'rådhuset', 'ordfører', 'ordførar', 'rådmann', 'kommunedirektør', 'innbygger', 'innbyggar', 'saksbehandler', 'servicetorg'],
  ['skole', 'skule', 'barnehage', 'sykehjem', 'sjukeheim', 'bibliotek', 'helse', 'omsorg', 'teknisk', 'kart', 'reise'],
  // The largest towns and cities.
  ['oslo', 'bergen', 'trondheim', 'stavanger', 'drammen', 'fredrikstad', 'kristiansand', 'sandnes', 'tromsø', 'sarpsborg'],
  ['skien', 'ålesund', 'sandefjord', 'haugesund', 'tønsberg', 'moss', 'porsgrunn', 'bodø', 'arendal', 'hamar', 'larvik', 'halden'],
  ['lillehammer', 'molde', 'harstad', 'gjøvik', 'kongsberg', 'narvik', 'alta', 'hammerfest', 'kirkenes', 'lillestrøm', 'asker', 'bærum'],
  ['sandvika', 'jessheim', 'steinkjer', 'levanger', 'namsos', 'rana', 'elverum', 'kongsvinger', 'horten', 'grimstad', 'mandal'],
  ['førde', 'florø', 'voss', 'stord', 'lofoten', 'svalbard', 'longyearbyen', 'nordkapp', 'geiranger', 'preikestolen', 'trollstigen'],
  // Counties, current and recent, and the regions.
  ['østfold', 'akershus', 'buskerud', 'vestfold', 'telemark', 'agder', 'rogaland', 'vestland', 'møre', 'romsdal', 'trøndelag'],
  ['nordland', 'troms', 'finnmark', 'innlandet', 'viken', 'hedmark', 'oppland', 'hordaland', 'sogn', 'fjordane', 'sørlandet'],
  ['vestlandet', 'østlandet', 'nordnorge', 'finnmarksvidda', 'fjord', 'fjell', 'fjellet', 'vidda', 'nordlys', 'midnattssol'],
  // Football clubs and the names their fans use.
  ['rosenborg', 'rbk', 'brann', 'vålerenga', 'molde', 'glimt', 'bodøglimt', 'viking', 'lillestrøm', 'lsk', 'strømsgodset', 'godset'],
  ['odd', 'stabæk', 'aalesund', 'aafk', 'sogndal', 'hamkam', 'kristiansund', 'lyn', 'skeid', 'mjøndalen', 'fotball', 'håndball'],
  ['haaland', 'ødegaard', 'solskjær', 'klæbo', 'northug', 'bjørndalen', 'langrenn', 'skiskyting', 'ski', 'vikings'],
  // Common first names.
  ['jan', 'per', 'bjørn', 'ole', 'lars', 'kjell', 'knut', 'arne', 'svein', 'thomas', 'hans', 'geir', 'tor', 'morten', 'terje'],
  ['erik', 'martin', 'andreas', 'anders', 'rune', 'trond', 'tore', 'jon', 'nils', 'kristian', 'magnus', 'jonas', 'henrik', 'ola'],
  ['espen', 'emil', 'håkon', 'sindre', 'eirik', 'øyvind', 'stian', 'harald', 'olav', 'sigurd', 'aksel', 'jakob', 'oskar', 'kari'],
  ['anne', 'inger', 'marit', 'ingrid', 'liv', 'eva', 'berit', 'astrid', 'bjørg', 'hilde', 'anna', 'solveig', 'marianne', 'randi'],
  ['ida', 'nina', 'maria', 'elisabeth', 'kristin', 'silje', 'ingeborg', 'hanne', 'camilla', 'tone', 'heidi', 'line', 'ragnhild'],
  ['nora', 'emma', 'sara', 'sofie', 'thea', 'maja', 'frida', 'hedda', 'tuva', 'julie', 'mari', 'synnøve', 'sigrid', 'guro', 'åse'],
  // Common surnames.
  ['hansen', 'johansen', 'olsen', 'larsen', 'andersen', 'pedersen', 'nilsen', 'kristiansen', 'jensen', 'karlsen', 'johnsen'],
  ['pettersen', 'eriksen', 'berg', 'haugen', 'hagen', 'dahl', 'halvorsen', 'lund', 'moen', 'strand', 'solberg', 'nygård', 'bakken'],
  // Everyday words: family, animals, colours, food, the royal family, folklore.
  ['mamma', 'pappa', 'mormor', 'morfar', 'farmor', 'farfar', 'bestemor', 'bestefar', 'familie', 'barna', 'gutt', 'jente'],
  ['hund', 'hunden', 'katt', 'katten', 'hest', 'hesten', 'elg', 'ulv', 'rev', 'ørn', 'laks', 'torsk', 'isbjørn', 'reinsdyr'],
  ['rød', 'blå', 'grønn', 'gul', 'svart', 'hvit', 'kvit', 'rosa', 'lilla', 'kaffe', 'kake', 'brunost', 'pølse', 'taco', 'pizza'],
  ['kongen', 'dronningen', 'troll', 'nisse', 'julenisse', 'tusse', 'hulder', 'odin', 'thor', 'frøya', 'valhall', 'norrøn'],
  // Norwegian keyboard runs: the estimator's keyboard graphs are US ones, so these rows end unmatched at å, ø, æ.
  ['qwertyuiopå', 'asdfghjklø', 'asdfghjkløæ', 'æøå', 'åøæ', 'zxcvbnm'],
];

/** A word as typed on keyboards without å, ø and æ (ø and æ by their usual stand-ins, å both as a and aa). */
export function transliterations(word: string): string[] {
  if (!/[æøå]/.test(word)) return [];
  const base = word.replace(/æ/g, 'ae').replace(/ø/g, 'o');
  return [base.replace(/å/g, 'a'), base.replace(/å/g, 'aa')];
}

export const NORWEGIAN_PASSWORD_WORDS: readonly string[] = [
  ...new Set(GROUPS.flat().flatMap((word) => [word, ...transliterations(word)])),
];
