// Trigram similarity for duplicate hints.
import { mostSimilar, similarity, trigrams } from '../../src/lib/similarity';

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
