import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  castMesh,
  envoyRejectsAny,
  istioWarnings,
  parseMeshYaml,
  PRESETS,
  validateIstio,
  type PresetName,
} from './index';

const PAY = 'payments.shop.svc.cluster.local';

function load(name: PresetName) {
  const { docs, errors } = parseMeshYaml(PRESETS[name]);
  expect(errors).toEqual([]);
  expect(validateIstio(docs)).toEqual([]);
  expect(istioWarnings(docs)).toEqual([]);
  return applyDocs(castMesh(), docs);
}

describe('PRESETS (scene controls)', () => {
  it.each(Object.keys(PRESETS) as PresetName[])(
    '%s is valid and every sidecar accepts it',
    (name) => {
      const config = load(name);
      for (const pod of config.pods) {
        const r = buildProxyResources(config, { pod: pod.name });
        expect(
          envoyRejectsAny([...r.clusters, ...r.endpoints, ...r.listeners, ...r.routes]),
        ).toBeNull();
      }
    },
  );

  it('circuit-breaker compiles to Istio task limits with ejection possible on 3 endpoints', () => {
    const c = buildProxyResources(load('circuit-breaker'), { pod: 'checkout-1' }).clusters.find(
      (x) => x.name === `outbound|8080|v1|${PAY}`,
    );
    expect(c?.circuit_breakers?.thresholds[0]).toMatchObject({
      max_connections: 1,
      max_pending_requests: 1,
    });
    expect(c?.outlier_detection).toMatchObject({
      consecutive_5xx: 1,
      interval: '1s',
      base_ejection_time: '180s',
      max_ejection_percent: 100,
    });
  });
});
