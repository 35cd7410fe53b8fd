import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary';
import { linkTerms, termMatchers } from './terms';

const linked = (text: string) =>
  linkTerms(text)
    .filter((s) => s.term)
    .map((s) => `${s.text}→${s.term}`);

describe('glossary term linking', () => {
  it('links the first occurrence of each term and leaves the text unchanged', () => {
    const text =
      'Istiod pushes CDS, then EDS; each sidecar ACKs with the nonce. Istiod is not on the request path, and the second ACK is not linked again.';
    const segs = linkTerms(text);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(linked(text)).toEqual([
      'Istiod→istiod',
      'CDS→cds',
      'EDS→eds',
      'sidecar→sidecar',
      'ACKs→ack-nack',
      'nonce→nonce',
    ]);
  });

  it('matches acronyms exactly and whole words only', () => {
    expect(linked('ads and ca and nacked, cds')).toEqual([]);
    expect(linked('a NACK, then an ACK')).toEqual(['NACK→ack-nack']);
    expect(linked('xDSish LDSx EDS-like')).toEqual([]);
    expect(linked('SPIFFE ID spiffe://cluster.local/ns/shop/sa/web')).toEqual(['SPIFFE ID→spiffe']);
    // `cluster.local` is a name, not the word "cluster".
    expect(linked('trust domain cluster.local')).toEqual([]);
    expect(linked('Every Cluster and every sidecar')).toEqual(['Cluster→cds', 'sidecar→sidecar']);
  });

  it('prefers the earlier, then the longer, of overlapping matches', () => {
    const m = termMatchers([
      { id: 'a', term: 'a', match: 'outlier', text: '' },
      { id: 'b', term: 'b', match: 'outlier detection', text: '' },
    ]);
    const segs = linkTerms('outlier detection, then outlier again', m);
    expect(segs.filter((s) => s.term)).toEqual([
      { text: 'outlier detection', term: 'b' },
      { text: 'outlier', term: 'a' },
    ]);
  });

  it('has unique ids, valid patterns and known cross-references', () => {
    const ids = GLOSSARY.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of GLOSSARY) {
      expect(g.id).toMatch(/^[a-z0-9-]{1,40}$/);
      expect(() => new RegExp(g.match)).not.toThrow();
      expect(new RegExp(g.match).test('')).toBe(false);
      for (const s of g.see ?? []) expect(ids, `${g.id} sees ${s}`).toContain(s);
      if (g.source) expect(g.source.url).toMatch(/^https:\/\//);
    }
  });
});
