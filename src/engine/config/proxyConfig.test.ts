import { describe, expect, it } from 'vitest';
import {
  buildProxyResources,
  configDump,
  castMesh,
  proxyConfigClusters,
  proxyConfigEndpoints,
  proxyConfigRoutes,
  tabulate,
} from './index';

const res = buildProxyResources(castMesh(), { pod: 'checkout-1' });

describe('istioctl proxy-config style tables', () => {
  it('pads columns like Go tabwriter (widest cell + 5, last column unpadded)', () => {
    expect(
      tabulate([
        ['A', 'BB'],
        ['CCC', 'D'],
      ]),
    ).toBe('A       BB\nCCC     D');
  });

  it('lists clusters with FQDN, port, subset, direction, type and the DestinationRule', () => {
    const lines = proxyConfigClusters(res.clusters).split('\n');
    expect(lines[0]).toMatch(/^SERVICE FQDN +PORT +SUBSET +DIRECTION +TYPE +DESTINATION RULE$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^payments\.shop\.svc\.cluster\.local +8080 +v1 +outbound +EDS +payments\.shop$/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ +8080 +- +inbound +ORIGINAL_DST/));
    expect(lines.filter((l) => l.startsWith('payments.')).map((l) => l.split(/ +/)[2])).toEqual([
      '-',
      'v1',
      'v2',
    ]);
  });

  it('lists routes with folded domains, match and the VirtualService', () => {
    expect(proxyConfigRoutes(res.routes).split('\n')).toContainEqual(
      expect.stringMatching(
        /^8080 +payments, payments\.shop \+ 1 more\.\.\. +\/\* +payments\.shop$/,
      ),
    );
  });

  it('lists endpoints with health and outlier status', () => {
    const out = proxyConfigEndpoints(res.endpoints, new Set(['10.244.2.21:8080']));
    expect(out).toMatch(
      /10\.244\.2\.21:8080 +HEALTHY +FAILED +outbound\|8080\|v1\|payments\.shop\.svc\.cluster\.local/,
    );
    expect(out).toMatch(
      /10\.244\.3\.23:8080 +HEALTHY +OK +outbound\|8080\|v2\|payments\.shop\.svc\.cluster\.local/,
    );
  });

  it("wraps the resources in /config_dump shape with typed Any entries and the caller's versions", () => {
    const v = '2026-05-09T18:54:04Z/42';
    const dump = configDump(res, {
      versions: { CDS: v, EDS: v, LDS: v, RDS: v },
      lastUpdated: '2026-05-09T18:54:04Z',
    });
    expect(dump.configs.map((c) => c['@type'])).toEqual([
      'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
      'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
      'type.googleapis.com/envoy.admin.v3.RoutesConfigDump',
    ]);
    const clusters = dump.configs[0]?.dynamic_active_clusters as {
      cluster: Record<string, unknown>;
    }[];
    expect(clusters[0]?.cluster['@type']).toBe(
      'type.googleapis.com/envoy.config.cluster.v3.Cluster',
    );
    expect(clusters).toHaveLength(res.clusters.length);
    const withEds = configDump(res, {
      versions: { CDS: v, EDS: v, LDS: v, RDS: v },
      lastUpdated: 'x',
      includeEds: true,
    });
    expect(withEds.configs).toHaveLength(4);
  });
});
