// Trigram similarity for duplicate hints, and the pieces that ask the full-text index for candidates (migration 0014).
import { estimatedSimilarity, likelyShares, matchPhrase, mostSimilar, readTrigramLists, searchTrigrams, SEARCH_TRIGRAMS, similarity, trigrams } from '../../src/lib/similarity';

describe('trigram similarity', () => {
  it('is 1 for the same words in another case and order of punctuation, 0 for nothing shared', () => {
    expect(similarity(trigrams('Lang ventetid!'), trigrams('lang ventetid'))).toBe(1);
    expect(similarity(trigrams('abc'), trigrams('xyz'))).toBe(0);
    expect(similarity(trigrams(''), trigrams('xyz'))).toBe(0);
  });

  it('ranks a rephrased complaint above an unrelated one', () => {
    const candidates = [
      'Svarte ikke på telefonen i servicetorget',
      'Lang ventetid på byggesøknad',
      'Vanskelig å finne reguleringsplanen i kartet',
    ];
    const hits = mostSimilar('Ventetiden på byggesøknaden var altfor lang', candidates, (c) => c, 0.15, 5);
    expect(hits[0]!.item).toBe('Lang ventetid på byggesøknad');
    expect(hits.map((h) => h.item)).not.toContain('Svarte ikke på telefonen i servicetorget');
  });

  it('handles Norwegian letters', () => {
    expect(similarity(trigrams('Søknad om ferdigattest'), trigrams('søknad ferdigattest'))).toBeGreaterThan(0.6);
  });
});

describe('searchTrigrams', () => {
  it('asks for the trigrams the raw text holds: inside words, and word ends beside a space, never the two-space start', () => {
    expect(searchTrigrams('Lang kø').sort()).toEqual([' kø', ' la', 'ang', 'kø ', 'lan', 'ng '].sort());
    expect(searchTrigrams('Lang kø')).not.toContain('  l');
    expect(searchTrigrams('å')).toEqual([' å ']);
  });

  it('asks for nothing when the text has no letters or digits', () => {
    expect(searchTrigrams('!!! ?? 🙂🙂 … "" *')).toEqual([]);
    expect(searchTrigrams('')).toEqual([]);
  });

  it('keeps query syntax out: OR, NEAR(, *, quotes and carets are cut away or become plain letters', () => {
    const grams = searchTrigrams('"kø" OR NEAR(kø, 2) * ^søknad AND NOT col:x');
    for (const gram of grams) expect(gram).toMatch(/^ ?[\p{L}\p{N}]+ ?$/u);
    expect(grams).toEqual(expect.arrayContaining([' or', 'nea', 'ear', 'søk', 'not']));
  });

  it('leaves out pieces cut through a character outside the Basic Multilingual Plane', () => {
    // "𠀀" is one letter of two UTF-16 units: the trigrams that split it are neither three characters nor valid text.
    const grams = searchTrigrams('a𠀀b𠀀c');
    for (const gram of grams) {
      expect([...gram]).toHaveLength(3);
      expect(gram).not.toMatch(/[\uD800-\uDFFF]/u);
    }
  });

  it('samples at most SEARCH_TRIGRAMS from a long draft, the same ones every time, and all of a short one', () => {
    const long = 'Byggesøknaden ble liggende i flere måneder uten at noen svarte på henvendelsene mine. '.repeat(3) + 'Reguleringsplanen var umulig å finne i kartet, og telefonkøen var stengt hele uka.';
    const sample = searchTrigrams(long);
    expect(sample).toHaveLength(SEARCH_TRIGRAMS);
    expect(searchTrigrams(long)).toEqual(sample);
    expect(new Set(sample).size).toBe(SEARCH_TRIGRAMS);
    expect(searchTrigrams('Lang ventetid', 1000)).toHaveLength(searchTrigrams('Lang ventetid').length);
  });
});

describe('matchPhrase', () => {
  it('quotes a trigram for FTS5 and doubles any double quote', () => {
    expect(matchPhrase('søk')).toBe('"søk"');
    expect(matchPhrase('a"b')).toBe('"a""b"');
  });
});

describe('readTrigramLists', () => {
  // A fake index: trigram -> ids holding it; the lookup answers newest first, below `olderThan`, at most `limit`.
  const index: Record<string, number[]> = { rar: [90, 40, 10], van: [99, 98, 97, 96, 95, 94, 93, 92], ny: [99, 60, 50, 40, 30] };
  const asked: [string, number, number | undefined][] = [];
  const lookup = (gram: string, limit: number, olderThan?: number) => {
    asked.push([gram, limit, olderThan]);
    return index[gram]!.filter((id) => olderThan === undefined || id < olderThan).slice(0, limit);
  };

  it('reads the newest ids of every trigram, then reads on the cut lists, the rarest first, until the budget is spent', () => {
    asked.length = 0;
    const lists = readTrigramLists(['van', 'ny', 'rar'], lookup, 3, 12);
    // 9 ids first, 3 left: "rar" reaches back furthest (to 10) and has no more; "ny" (to 50) has two more; "van" (to
    // 97, the commonest) gets the one id left and stays cut.
    expect(asked).toEqual([['van', 3, undefined], ['ny', 3, undefined], ['rar', 3, undefined], ['rar', 3, 10], ['ny', 3, 50], ['van', 1, 97]]);
    expect(lists).toEqual([
      { ids: [99, 98, 97, 96], complete: false },
      { ids: [99, 60, 50, 40, 30], complete: true },
      { ids: [90, 40, 10], complete: true },
    ]);
  });

  it('marks a list complete when the index had fewer ids than asked for, and reads nothing more without budget', () => {
    expect(readTrigramLists(['rar'], lookup, 5, 100)).toEqual([{ ids: [90, 40, 10], complete: true }]);
    expect(readTrigramLists(['van'], lookup, 2, 2)).toEqual([{ ids: [99, 98], complete: false }]);
    expect(readTrigramLists([], lookup, 5, 100)).toEqual([]);
  });
});

describe('likelyShares', () => {
  it('takes each share over the lists that reach back to the pain point, so a cut list does not count against older ones', () => {
    const lists = [
      { ids: [10, 9, 8], complete: false }, // cut: says nothing of ids below 8
      { ids: [10, 2], complete: true },
      { ids: [2], complete: true },
    ];
    const shares = new Map(likelyShares(lists, 10).map((s) => [s.id, s.share]));
    expect(shares.get(10)).toBeCloseTo(2 / 3); // all three lists reach back to 10; it is in two
    expect(shares.get(9)).toBeCloseTo(1 / 3);
    expect(shares.get(2)).toBeCloseTo(2 / 2); // the cut list says nothing of 2: both complete lists hold it
    expect(likelyShares(lists, 10).map((s) => s.id)).toEqual([2, 10, 9, 8]);
  });

  it('orders equal shares by how many trigrams are shared, then newest first, and keeps at most `limit`', () => {
    const lists = [[7, 5, 3], [7, 5], [7]].map((ids) => ({ ids, complete: true }));
    expect(likelyShares(lists, 2).map((s) => s.id)).toEqual([7, 5]);
    expect(likelyShares([{ ids: [4, 3, 2, 1], complete: true }], 3).map((s) => s.id)).toEqual([4, 3, 2]);
    expect(likelyShares([], 3)).toEqual([]);
  });
});

describe('estimatedSimilarity', () => {
  it('is the Jaccard formula with the pain point’s trigrams estimated from its length: longer texts weigh less', () => {
    expect(estimatedSimilarity(1, 20, 0)).toBe(1);
    expect(estimatedSimilarity(0, 20, 100)).toBe(0);
    expect(estimatedSimilarity(0.5, 40, 50)).toBeGreaterThan(estimatedSimilarity(0.5, 40, 500));
    expect(estimatedSimilarity(0.8, 40, 50)).toBeGreaterThan(estimatedSimilarity(0.4, 40, 50));
    expect(estimatedSimilarity(0, 0, 0)).toBe(0);
  });
});
