import { describe, expect, it } from 'vitest';
import { sec } from '../core/time';
import { configDump } from './configDump';
import { createMesh } from './create';

type Dump = { configs: Record<string, unknown>[] };
const section = (d: Dump, kind: string): Record<string, unknown> =>
  d.configs.find((c) => String(c['@type']).endsWith(kind))!;

describe('configDump', () => {
  it("has Envoy's sections, and per-resource versions: unchanged clusters keep their old version", () => {
    const sim = createMesh({ seed: 41, perEdgeRps: 0 });
    sim.advanceTo(sec(2));
    const v1 = sim.state.istiod.pushVersion;
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    sim.advanceTo(sec(3));
    const v2 = sim.state.istiod.pushVersion;
    expect(v2).not.toBe(v1);
    const d = configDump(sim, 'web-1') as unknown as Dump;
    expect(d.configs.map((c) => String(c['@type']).split('.').pop())).toEqual([
      'BootstrapConfigDump',
      'ClustersConfigDump',
      'ListenersConfigDump',
      'RoutesConfigDump',
      'SecretsConfigDump',
      'EndpointsConfigDump',
    ]);
    const clusters = section(d, 'ClustersConfigDump');
    expect(clusters['version_info']).toBe(v2);
    const active = clusters['dynamic_active_clusters'] as {
      version_info: string;
      cluster: { name: string; '@type': string };
    }[];
    expect(active.every((c) => c.version_info === v1)).toBe(true);
    expect(active[0]?.cluster['@type']).toBe('type.googleapis.com/envoy.config.cluster.v3.Cluster');
    const routes = section(d, 'RoutesConfigDump')['dynamic_route_configs'] as {
      version_info: string;
      last_updated: string;
    }[];
    expect(routes[0]?.version_info).toBe(v2);
    expect(routes[0]?.last_updated).toMatch(/^2026-05-09T18:00:02\.\d{3}Z$/);
    const secrets = section(d, 'SecretsConfigDump')['dynamic_active_secrets'] as { name: string }[];
    expect(secrets.map((s) => s.name)).toEqual(['default', 'ROOTCA']);
    expect(configDump(sim, 'nope')).toBeNull();
  });
});
