import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../core/sceneModel';
import { createMesh } from '../create';
import { NO_ISTIOD_ERROR } from '../proxyStatus';
import { meshSceneModel } from '../sceneModel';
import { meshSummary, requestsByPair } from './compare';
import { istiodView, sidecarViews, trafficCounters } from './index';

const section = (s: RunSummary, id: string) => s.sections.find((x) => x.id === id);
const value = (s: RunSummary, id: string, key: string) =>
  section(s, id)?.rows.find((r) => r.key === key)?.value;

describe('mesh summary (comparing two runs)', () => {
  const sim = createMesh({ seed: 42 });
  sim.advanceTo(20_000_000);

  it('is the scene model’s summary, memoised per revision', () => {
    expect(meshSceneModel.summary).toBe(meshSummary);
    expect(meshSummary(sim)).toBe(meshSummary(sim));
    expect(meshSummary(sim).sections.map((s) => s.id)).toEqual([
      'requests',
      'outcomes',
      'istiod',
      'sidecars',
      'versions',
      'proxy-status',
    ]);
  });

  it('counts requests as the traffic counters do, and by caller → service', () => {
    const s = meshSummary(sim);
    const c = trafficCounters(sim);
    expect(c.completed).toBeGreaterThan(100);
    expect(value(s, 'requests', 'completed')).toBe(String(c.completed));
    expect(value(s, 'requests', 'ok')).toBe(String(c.ok));
    expect(value(s, 'requests', 'failed')).toBe(String(c.failed));
    const pairs = requestsByPair(sim);
    // Every caller has a sidecar here: the pairs add up to every finished request.
    expect(pairs.reduce((n, p) => n + p.ok + p.failed, 0)).toBe(c.completed);
    expect(pairs.map((p) => `${p.from} → ${p.to}`)).toContain('web → cart');
    const web = pairs.find((p) => p.from === 'web' && p.to === 'cart');
    expect(value(s, 'requests', 'pair:web|cart')).toBe(`${web?.ok} ok · ${web?.failed} failed`);
    const codes = section(s, 'outcomes')?.rows ?? [];
    expect(codes.find((r) => r.key === 'code:200')?.label).toBe('HTTP 200');
    expect(codes.find((r) => r.key === 'flag:-')?.value).toBe(String(c.byFlag['-']));
  });

  it('lists each sidecar’s version per xDS type, and proxy-status per proxy', () => {
    const s = meshSummary(sim);
    for (const v of sidecarViews(sim))
      for (const t of ['CDS', 'LDS', 'EDS', 'RDS'] as const)
        expect(value(s, 'versions', `${v.pod}:${t}`)).toBe(v.versions[t]);
    const ps = section(s, 'proxy-status')?.rows ?? [];
    expect(ps).toHaveLength(8);
    expect(ps[0]).toMatchObject({
      label: expect.stringMatching(/\.shop$|\./),
      value: 'all SYNCED',
    });
    expect(value(s, 'istiod', 'up')).toBe('running');
    expect(value(s, 'istiod', 'connected')).toBe('8');
  });

  it('with Istiod killed: istioctl’s error, Istiod down, every sidecar retrying', () => {
    const k = createMesh({ seed: 42 });
    k.advanceTo(20_000_000);
    k.command({ kind: 'istiod.kill' });
    k.advanceTo(25_000_000);
    const s = meshSummary(k);
    expect(istiodView(k).up).toBe(false);
    expect(section(s, 'proxy-status')?.rows).toEqual([
      { key: 'error', label: 'istioctl proxy-status', value: NO_ISTIOD_ERROR },
    ]);
    expect(value(s, 'istiod', 'up')).toBe('down');
    expect(section(s, 'sidecars')?.rows.every((r) => r.value === 'disconnected, retrying')).toBe(
      true,
    );
    // Config stays where it was: the versions equal the run that kept Istiod.
    expect(section(s, 'versions')).toEqual(section(meshSummary(sim), 'versions'));
  });
});
