import { describe, expect, it } from 'vitest';
import type { MeshSim } from '../../src/engine/mesh/types';
import { walkView } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { scene4 } from './scene';

const at = (step: number): MeshSim => {
  const p = new Player(scene4);
  p.goToStep(step - 1); // 0-based
  return p.sim;
};

/** What is special about scene 4: one request's stages, in Envoy's and Istio's order, both sides. */
describe('scene 4, headless', () => {
  it('outbound: 15001 → hand-off → inspectors → chain → HCM → Istio’s filters → router → endpoint', () => {
    const w = walkView(at(9))!.walk;
    const out = w.hops
      .filter((h) => h.side === 'outbound')
      .map((h) => (h.filter ? `${h.stage}:${h.filter}` : h.stage));
    expect(out).toEqual([
      'listener.accept',
      'listener.handoff',
      'listener.filters',
      'filterChain.match',
      'hcm.decode',
      'http.filter:istio.metadata_exchange',
      'http.filter:envoy.filters.http.grpc_stats',
      'http.filter:istio.alpn',
      'http.filter:envoy.filters.http.fault',
      'http.filter:envoy.filters.http.cors',
      'http.filter:istio.stats',
      'router.route:envoy.filters.http.router',
      'upstream.connect',
    ]);
    const chain = w.hops.find((h) => h.side === 'outbound' && h.stage === 'filterChain.match');
    expect(chain?.listener).toBe('0.0.0.0_8080');
    expect(chain?.detail).toContain(
      'transport_protocol raw_buffer, application_protocols http/1.1',
    );
  });

  it('inbound: 15006 → inspectors → the mTLS chain by port, transport and ALPN → filters → router → app', () => {
    const w = walkView(at(9))!.walk;
    const inbound = w.hops.filter((h) => h.side === 'inbound');
    expect(inbound.map((h) => h.stage)).toEqual([
      'listener.accept',
      'listener.filters',
      'filterChain.match',
      'hcm.decode',
      'http.filter',
      'http.filter',
      'http.filter',
      'http.filter',
      'http.filter',
      'router.route',
      'upstream.connect',
    ]);
    const chain = inbound.find((h) => h.stage === 'filterChain.match');
    expect(chain?.chain?.name).toBe('0.0.0.0_8080');
    expect(chain?.detail).toContain(
      'destination_port 8080, transport_protocol tls, application_protocols istio-http/1.1',
    );
    expect(w.outcome).toBe('200 from checkout-1');
  });

  it('a port with no listener stays on virtualOutbound and goes to PassthroughCluster (ALLOW_ANY)', () => {
    const w = walkView(at(10))!.walk;
    expect(w.hops.find((h) => h.stage === 'listener.handoff')?.title).toBe(
      'no listener for port 443',
    );
    expect(w.hops.find((h) => h.stage === 'tcp.proxy')?.cluster).toBe('PassthroughCluster');
  });
});
