/**
 * The scale view's selectors and runner on the real 1,000-sidecar mesh: the start-up converges,
 * a VirtualService edit is one full push to every proxy that ends with all 1,000 SYNCED on the
 * new version, the throttle caps pushes at min(15 + 5×cores, 100), a readiness change is an
 * EDS-only push that keeps the version, and the same actions at the same times give the same run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRoute } from '../app/urlState';
import { cpuScaledLimit } from '../engine/mesh/istiod/types';
import { CORES, ProxyState, shortVersion, STATE_TEXT, throttleFor } from './constants';
import { readScaleParams, scaleHash } from './params';
import { ScaleRunner } from './runner';
import { converged, istiodSummary, proxyStates, versionCounts } from './selectors';

const settle = (r: ScaleRunner, stepUs = 1000, limitUs = 5_000_000) => {
  const start = r.sim.now;
  while (r.snapshot().episode.convergedAt === null && r.sim.now - start < limitUs)
    r.advance(r.sim.now + stepUs);
  return r.snapshot();
};

describe('scale view selectors', () => {
  let r: ScaleRunner;
  beforeAll(() => {
    r = new ScaleRunner(1, 2);
    r.startUp(() => {});
  }, 600_000);

  it('the start-up ends with 1,000 proxies connected, SYNCED on one version', () => {
    const s = r.snapshot();
    expect(s.converged).toBe(true);
    expect(s.counts[ProxyState.Synced]).toBe(1000);
    expect(s.istiod.connected).toBe(1000);
    // Stream admission at 25 a second: 1,000 streams need about 40 s, and some are refused.
    expect(s.episode.convergedAt).toBeGreaterThan(35_000_000);
    expect(s.episode.refused).toBeGreaterThan(0);
    expect([...versionCounts(r.sim).values()]).toEqual([1000]);
  });

  it('a VirtualService edit: one full push after the 100 ms debounce, 25 at a time, all on the new version', () => {
    const before = r.sim.state.istiod.pushVersion;
    r.act({ kind: 'vs' });
    r.advance(r.sim.now + 50_000);
    const mid = istiodSummary(r.sim);
    expect(mid.debounce?.events).toBe(1);
    expect(proxyStates(r.sim).counts[ProxyState.Synced]).toBe(1000);
    r.advance(r.sim.now + 55_000);
    const s = settle(r);
    expect(s.episode.push).toMatchObject({ at: 100_000, full: true, proxies: 1000 });
    expect(s.episode.maxInProgress).toBe(25);
    expect(s.istiod.version).not.toBe(before);
    expect(s.counts[ProxyState.Synced]).toBe(1000);
    // The chart: all 1,000 on the old version until the push, all on the new one at the end.
    const { versions, points } = r.chart;
    const v = versions.indexOf(s.istiod.version);
    const old = versions.indexOf(before);
    expect(points[0]?.[old + 1]).toBe(1000);
    expect(points[points.length - 1]?.[v + 1]).toBe(1000);
    expect(s.episode.convergedAt).toBeGreaterThan(100_000);
  });

  it('five quick edits are merged into one push', () => {
    r.act({ kind: 'burst' });
    const s = settle(r);
    expect(s.episode.pushes).toBe(1);
    expect(s.episode.push?.why).toMatch(/stable\[\d+\] 5 for config/);
    expect(s.counts[ProxyState.Synced]).toBe(1000);
  });

  it('a failed readiness probe is an EDS-only push that keeps the version', () => {
    const before = r.sim.state.istiod.pushVersion;
    r.act({ kind: 'readiness' });
    const s = settle(r);
    expect(s.episode.push).toMatchObject({ full: false, proxies: 1000 });
    expect(s.istiod.version).toBe(before);
    expect(s.probeFailing).toBe(true);
  });

  it('a killed Istiod leaves every proxy disconnected on its cached version', () => {
    r.act({ kind: 'kill' });
    r.advance(r.sim.now + 1000);
    const st = proxyStates(r.sim);
    expect(st.counts[ProxyState.Disconnected]).toBe(1000);
    expect(converged(r.sim, st)).toBe(false);
    expect([...versionCounts(r.sim).values()]).toEqual([1000]);
  });
});

describe('scale view runs', () => {
  it('the same seed and actions at the same times give the same run', () => {
    const run = () => {
      const x = new ScaleRunner(3, 17);
      x.advance(3_000_000);
      x.act({ kind: 'mesh' });
      x.advance(x.sim.now + 500_000);
      return { hash: x.sim.trace.digest(), snap: x.snapshot(), points: [...x.chart.points] };
    };
    const a = run();
    const b = run();
    expect(a.hash).toBe(b.hash);
    expect(a.points).toEqual(b.points);
    // Mid start-up, readiness events keep coming faster than 100 ms apart: the meshConfig
    // change waits in the debounce, merged with them into one full push (up to 10 s).
    expect(a.snap.episode.push).toBeNull();
    expect(a.snap.istiod.debounce?.full).toBe(true);
    expect(a.snap.istiod.debounce?.events).toBeGreaterThan(1);
    // 17 CPUs: the throttle is 100 (and about 100 streams are admitted a second).
    expect(a.snap.istiod.throttle).toBe(100);
    expect(a.snap.istiod.connected).toBeGreaterThan(250);
    expect(a.snap.istiod.connected).toBeLessThan(400);
  }, 600_000);
});

describe('scale view words and URL', () => {
  it('the page’s throttle formula is the engine’s', () => {
    for (const c of [...CORES, 3, 30]) expect(throttleFor(c)).toBe(cpuScaledLimit(c));
  });

  it('every state has words, and versions shorten', () => {
    expect(STATE_TEXT).toHaveLength(8);
    expect(shortVersion('2026-05-09T18:00:55Z/7')).toBe('/7 (18:00:55)');
    expect(shortVersion(null)).toBe('no config');
  });

  it('has its own route, #/scale, with its query', () => {
    const r = parseRoute('#/scale?cores=4&embed=1', [11]);
    expect(r.kind).toBe('scale');
    expect(r.kind === 'scale' && r.query.get('cores')).toBe('4');
    expect(parseRoute('#/scale', [11]).kind).toBe('scale');
  });

  it('reads and writes its URL, ignoring bad values with a notice', () => {
    const { params, notices } = readScaleParams(
      new URLSearchParams('cores=4&speed=1&theme=dark&embed=1&seed=9'),
    );
    expect(params).toEqual({ seed: 9, cores: 4, speed: 1, theme: 'dark', embed: true });
    expect(notices).toEqual([]);
    expect(scaleHash(params)).toBe('#/scale?seed=9&cores=4&speed=1&theme=dark&embed=1');
    const bad = readScaleParams(new URLSearchParams('cores=3&speed=fast&x=1'));
    expect(bad.params.cores).toBe(2);
    expect(bad.notices).toHaveLength(3);
  });
});
