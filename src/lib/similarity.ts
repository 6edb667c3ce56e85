// Character-trigram similarity (as PostgreSQL's pg_trgm): finds pain points that say the same thing in other words.

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
