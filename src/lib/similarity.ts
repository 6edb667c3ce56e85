// Character-trigram similarity (as PostgreSQL's pg_trgm): finds pain points that say the same thing in other words;
// and the pieces that ask the full-text index (migration 0014) which pain points are worth ranking by it.

/** Lower-cased words, each padded with two spaces in front and one behind, cut into three-letter pieces. */
export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  const words = text.toLocaleLowerCase('nb').normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const word of words) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** Shared trigrams over all trigrams (Jaccard): 1 for the same words, 0 for nothing in common. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** The most similar candidates above the threshold, best first. */
export function mostSimilar<T>(text: string, candidates: T[], textOf: (c: T) => string, threshold: number, limit: number): { item: T; score: number }[] {
  const query = trigrams(text);
  return candidates
    .map((item) => ({ item, score: similarity(query, trigrams(textOf(item))) }))
    .filter((c) => c.score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}

// --- searching the full-text index (migration 0014) ---------------------------------------------------------------
// Ranking a journey's every pain point by the similarity above cost some 300 ms at 10 000 pain points. The index finds
// the few that share trigrams with the draft, and only those are ranked (feedback.repository.ts, similarityCandidates).

/** How many of a draft's trigrams the index is asked about (the ids it reads for them are bounded in the repository). */
export const SEARCH_TRIGRAMS = 48;

/** A trigram the index holds verbatim: letters and digits, with at most one space, at the start or the end. */
const SEARCHABLE = /^ ?[\p{L}\p{N}]+ ?$/u;

/**
 * The draft's trigrams that the index can be asked about. The index (FTS5's trigram tokenizer) holds every three
 * characters of the raw text, folded to lower case, so it has the trigrams from inside a word ("ven", "ent") and,
 * where a space stands beside the word, those at its ends (" ve", "id "), but never the two-space piece of this
 * file's padding ("  v"), nor one cut through a character outside the Basic Multilingual Plane (three UTF-16 units
 * here, two characters there). A long draft has more than `max`: those with the lowest hash are kept, a sample that
 * is spread over the whole text and the same every time the same draft is checked.
 */
export function searchTrigrams(text: string, max = SEARCH_TRIGRAMS): string[] {
  return [...trigrams(text)]
    .filter((gram) => SEARCHABLE.test(gram) && [...gram].length === 3)
    .map((gram) => ({ gram, hash: fnv1a(gram) }))
    .sort((a, b) => a.hash - b.hash || (a.gram < b.gram ? -1 : 1))
    .slice(0, max)
    .map(({ gram }) => gram);
}

/** FNV-1a over UTF-16 units: a cheap, fixed hash, so the sample does not depend on the order of the text. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * An FTS5 MATCH string that looks for one trigram as it is. Inside double quotes FTS5 reads no syntax (OR, NEAR,
 * *, ^, :, parentheses are text there); a double quote is written twice. A resident's words never become a query.
 */
export function matchPhrase(gram: string): string {
  return `"${gram.replaceAll('"', '""')}"`;
}

/** What the index is asked about a draft: its searchable trigrams, and how many trigrams it has in all. */
export interface DraftSearch {
  trigrams: string[];
  size: number;
}

export function draftSearch(text: string): DraftSearch {
  return { trigrams: searchTrigrams(text), size: trigrams(text).size };
}

/** The ids holding one searched trigram, newest (highest) first; `complete` unless the search's bounds cut it. */
export interface TrigramList {
  ids: number[];
  complete: boolean;
}

/**
 * Asks `lookup` for the ids holding each trigram within a budget of ids in all. Every trigram gets its `first` newest
 * ids; then the lists that were cut are read on, older ids below their last, the rarest first (the one whose `first`
 * ids reach back furthest), until the budget is spent. Completing the rare lists is what finds an old pain point: its
 * share is known only over lists that reach back to it, and a common trigram, read to the end, would spend the budget
 * on saying little.
 */
export function readTrigramLists(
  grams: readonly string[],
  lookup: (gram: string, limit: number, olderThan?: number) => number[],
  first: number,
  budget: number,
): TrigramList[] {
  let left = budget;
  const lists = grams.map((gram) => {
    const ids = lookup(gram, first);
    left -= ids.length;
    return { gram, ids, complete: ids.length < first };
  });
  const cut = lists.filter((l) => !l.complete).sort((a, b) => a.ids[a.ids.length - 1]! - b.ids[b.ids.length - 1]!);
  for (const list of cut) {
    if (left <= 0) break;
    const more = lookup(list.gram, left, list.ids[list.ids.length - 1]!);
    list.ids = list.ids.concat(more);
    list.complete = more.length < left;
    left -= more.length;
  }
  return lists.map(({ ids, complete }) => ({ ids, complete }));
}

/**
 * The share of the searched trigrams each pain point holds, as far as the lists tell it: best first (more shared
 * trigrams, then the newer, among equals), at most `limit`. A cut list still tells exactly which pain points newer
 * than its last id hold the trigram, but nothing of older ones; so each share is taken over the trigrams whose lists
 * reach back to that pain point. Counting a cut list as "not held" instead would rank every older pain point below
 * the newer ones.
 */
export function likelyShares(lists: readonly TrigramList[], limit: number): { id: number; share: number }[] {
  let complete = 0;
  let total = 0;
  const cutAt: number[] = [];
  for (const { ids, complete: whole } of lists) {
    if (whole) complete += 1;
    else if (ids.length > 0) cutAt.push(ids[ids.length - 1]!);
    total += ids.length;
  }
  cutAt.sort((a, b) => a - b);
  // Some 50 000 ids of 25 000 pain points at national scale: sorted in a typed array, each pain point is a run whose
  // length is the trigrams it holds. Half the time of counting them in a Map. Pain point ids are below 2^32.
  const all = new Uint32Array(total);
  let offset = 0;
  for (const { ids } of lists) {
    all.set(ids, offset);
    offset += ids.length;
  }
  all.sort();
  const ids = new Float64Array(total);
  const held = new Uint16Array(total);
  const shares = new Float64Array(total);
  let count = 0;
  // The lists that reach back to an id: every complete one, and the cut ones whose last id is not above it.
  let reaching = complete;
  let nextCut = 0;
  for (let start = 0; start < total; ) {
    const id = all[start]!;
    let end = start + 1;
    while (end < total && all[end] === id) end += 1;
    while (nextCut < cutAt.length && cutAt[nextCut]! <= id) {
      reaching += 1;
      nextCut += 1;
    }
    ids[count] = id;
    held[count] = end - start;
    shares[count] = (end - start) / reaching;
    count += 1;
    start = end;
  }
  // Only those at or above the limit's share are ordered with a comparator; a plain numeric sort finds that share.
  const floor = limit < count ? shares.slice(0, count).sort()[count - limit]! : 0;
  const kept: { id: number; n: number; share: number }[] = [];
  for (let i = 0; i < count; i += 1) if (shares[i]! >= floor) kept.push({ id: ids[i]!, n: held[i]!, share: shares[i]! });
  return kept
    .sort((a, b) => b.share - a.share || b.n - a.n || b.id - a.id)
    .slice(0, limit)
    .map(({ id, share }) => ({ id, share }));
}

/** Distinct trigrams per character of resident text, roughly (0.6 to 0.85 for Norwegian of a few hundred characters). */
const TRIGRAMS_PER_CHARACTER = 0.7;

/**
 * The similarity a pain point of `characters` characters probably has with a draft of `draftSize` trigrams when it
 * holds `share` of them: the Jaccard formula of `similarity`, with the pain point's own trigrams estimated from its
 * length. It only orders candidates; `similarity` gives the figures that are shown.
 */
export function estimatedSimilarity(share: number, draftSize: number, characters: number): number {
  const shared = share * draftSize;
  // A pain point holds at least the trigrams it shares, whatever its length suggests.
  const own = Math.max(TRIGRAMS_PER_CHARACTER * characters, shared);
  const union = draftSize + own - shared;
  return union > 0 ? shared / union : 0;
}
