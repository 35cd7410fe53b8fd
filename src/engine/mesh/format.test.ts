import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, seedRng } from '../core/rng';
import { HOUR, SECOND } from '../core/time';
import {
  makeNonce,
  NONCE_RE,
  pushVersion,
  rfc3339,
  rfc3339Millis,
  uuid4,
  VERSION_RE,
} from './format';

describe('version_info and nonce (Istiod format)', () => {
  it('maps simulated time 0 to the fixed epoch, in RFC3339', () => {
    expect(rfc3339(0)).toBe('2026-05-09T18:00:00Z');
    expect(rfc3339(6 * HOUR + 5 * SECOND)).toBe('2026-05-10T00:00:05Z');
    expect(rfc3339(24 * 366 * HOUR)).toBe('2027-05-10T18:00:00Z');
    expect(rfc3339Millis(1_250_000)).toBe('2026-05-09T18:00:01.250Z');
  });

  it('version_info is timestamp/counter and the nonce is the version followed by a UUID v4', () => {
    const rng = new Rng(seedRng(7));
    const v = pushVersion(42 * SECOND, 3);
    expect(v).toBe('2026-05-09T18:00:42Z/3');
    expect(v).toMatch(VERSION_RE);
    const n = makeNonce(v, rng);
    expect(n.startsWith(v)).toBe(true);
    expect(n).toMatch(NONCE_RE);
  });

  it('UUIDs from the seeded RNG are well-formed, distinct and replayable', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = new Rng(seedRng(seed));
        const b = new Rng(seedRng(seed));
        const u1 = uuid4(a);
        expect(u1).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(uuid4(b)).toBe(u1);
        expect(uuid4(a)).not.toBe(u1);
      }),
      { numRuns: 200 },
    );
  });
});
