import { describe, expect, it } from 'vitest';
import { SECOND } from '../../core/time';
import { createMesh } from '../create';
import type { MeshTrace } from '../contract';
import type { MeshSim } from '../types';
import { iptablesView, walkView } from '../views';
import { iptablesSave } from './iptables';
import { HOP_US } from './walker';

/** A quiet mesh (no background traffic) after every sidecar has its config. */
function mesh(): MeshSim {
  const sim = createMesh({ seed: 42, perEdgeRps: 0 });
  sim.advanceTo(5 * SECOND);
  return sim;
}

const hops = (sim: MeshSim): Extract<MeshTrace, { type: 'walk.hop' }>[] =>
  sim.trace
    .recent()
    .filter((e): e is Extract<MeshTrace, { type: 'walk.hop' }> => e.type === 'walk.hop');

function walk(
  sim: MeshSim,
  from: string,
  to: string,
  port = 8080,
  detail: 'hops' | 'stages' = 'stages',
) {
  const before = hops(sim).length;
  sim.command({ kind: 'request.walk', from, to, port, detail });
  sim.advanceTo(sim.now + SECOND);
  return hops(sim).slice(before);
}

describe('request.walk: one connection hop by hop', () => {
  it('outbound and inbound stages in order, as Envoy and istio-iptables do them', () => {
    const sim = mesh();
    const h = walk(sim, 'checkout-1', 'payments');
    const stages = h.map((e) => `${e.pod ?? 'net'}:${e.stage}${e.filter ? `(${e.filter})` : ''}`);
    expect(stages).toEqual([
      'checkout-1:app.send',
      'checkout-1:iptables',
      'checkout-1:listener.accept',
      'checkout-1:listener.handoff',
      'checkout-1:listener.filters',
      'checkout-1:filterChain.match',
      'checkout-1:hcm.decode',
      'checkout-1:http.filter(istio.metadata_exchange)',
      'checkout-1:http.filter(envoy.filters.http.grpc_stats)',
      'checkout-1:http.filter(istio.alpn)',
      'checkout-1:http.filter(envoy.filters.http.fault)',
      'checkout-1:http.filter(envoy.filters.http.cors)',
      'checkout-1:http.filter(istio.stats)',
      'checkout-1:router.route(envoy.filters.http.router)',
      'checkout-1:upstream.connect',
      'checkout-1:iptables',
      'net:network',
      expect.stringMatching(/^payments-v[12]-[ab]:iptables$/),
      expect.stringMatching(/:listener\.accept$/),
      expect.stringMatching(/:listener\.filters$/),
      expect.stringMatching(/:filterChain\.match$/),
      expect.stringMatching(/:hcm\.decode$/),
      expect.stringMatching(/:http\.filter\(istio\.metadata_exchange\)$/),
      expect.stringMatching(/:http\.filter\(envoy\.filters\.http\.grpc_stats\)$/),
      expect.stringMatching(/:http\.filter\(envoy\.filters\.http\.fault\)$/),
      expect.stringMatching(/:http\.filter\(envoy\.filters\.http\.cors\)$/),
      expect.stringMatching(/:http\.filter\(istio\.stats\)$/),
      expect.stringMatching(/:router\.route\(envoy\.filters\.http\.router\)$/),
      expect.stringMatching(/:upstream\.connect$/),
      expect.stringMatching(/:iptables$/),
      expect.stringMatching(/:app\.receive$/),
      'checkout-1:done',
    ]);
    // Times strictly increase: each hop is its own moment to step to.
    for (let i = 1; i < h.length; i++) expect(h[i]!.t).toBeGreaterThan(h[i - 1]!.t);
    const w = walkView(sim)!;
    expect(w.done).toBe(true);
    expect(w.walk.outcome).toMatch(/^200 from payments-v[12]-[ab]$/);
    const inboundChain = w.walk.hops.find(
      (x) => x.side === 'inbound' && x.stage === 'filterChain.match',
    );
    expect(inboundChain?.chain?.name).toBe('0.0.0.0_8080');
    expect(inboundChain?.detail).toContain('destination_port 8080, transport_protocol tls');
  });

  it('the app is redirected to 15001, Envoy’s own sockets (UID 1337) and its connection to the app are not', () => {
    const sim = mesh();
    const h = walk(sim, 'checkout-1', 'payments', 8080, 'hops');
    const ipt = h.filter((e) => e.stage === 'iptables');
    expect(ipt.map((e) => [e.uid, e.verdict])).toEqual([
      [1000, 'REDIRECT --to-ports 15001'],
      [1337, 'not redirected'],
      [0, 'REDIRECT --to-ports 15006'],
      [1337, 'not redirected'],
    ]);
    const hopsDetail = walkView(sim)!.walk.hops.filter((x) => x.iptables);
    // UID 1337 leaves by ISTIO_OUTPUT rule 4 (`-m owner --uid-owner 1337 -j RETURN`); the
    // connection to the app from 127.0.0.6 by rule 1.
    const lastMatch = (i: number) =>
      hopsDetail[i]!.iptables!.checked.filter((c) => c.matched).pop();
    expect(lastMatch(1)).toEqual({ chain: 'ISTIO_OUTPUT', rule: 4, matched: true });
    expect(lastMatch(3)).toEqual({ chain: 'ISTIO_OUTPUT', rule: 1, matched: true });
    // No listener stages in `hops` detail.
    expect(h.some((e) => e.stage === 'http.filter' || e.stage === 'filterChain.match')).toBe(false);
  });

  it('the istio-agent’s own connection to istiod:15012 is not captured', () => {
    const sim = mesh();
    const h = walk(sim, 'web-1', 'istiod', 15012, 'hops');
    const ipt = h.find((e) => e.stage === 'iptables');
    expect(ipt?.uid).toBe(1337);
    expect(ipt?.verdict).toBe('not redirected');
    expect(walkView(sim)!.walk.outcome).toBe('connected to Istiod, uncaptured');
  });

  it('without a sidecar: no nat rules, kube-proxy picks the pod, the callee gets plaintext (PERMISSIVE)', () => {
    const sim = mesh();
    sim.command({ kind: 'pod.inject', pod: 'checkout-1', injected: false });
    sim.advanceTo(sim.now + SECOND);
    expect(iptablesView(sim, 'checkout-1').lines.map((l) => l.text)).toEqual([
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      ':INPUT ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':POSTROUTING ACCEPT [0:0]',
      'COMMIT',
    ]);
    walk(sim, 'checkout-1', 'payments', 8080, 'stages');
    const w = walkView(sim)!.walk;
    expect(w.hops.some((x) => x.stage === 'network' && x.title.startsWith('kube-proxy'))).toBe(
      true,
    );
    const chain = w.hops.find((x) => x.stage === 'filterChain.match');
    expect(chain?.chain?.name).toBe('0.0.0.0_8080_plaintext');
    expect(w.outcome).toMatch(/^200 from payments-/);
  });

  it('a port with no listener: PassthroughCluster under ALLOW_ANY, BlackHoleCluster under REGISTRY_ONLY', () => {
    const sim = mesh();
    walk(sim, 'cart-1', 'external', 443);
    expect(walkView(sim)!.walk.hops.find((x) => x.stage === 'tcp.proxy')?.cluster).toBe(
      'PassthroughCluster',
    );
    sim.command({ kind: 'mesh.outboundTrafficPolicy', mode: 'REGISTRY_ONLY' });
    sim.advanceTo(sim.now + 3 * SECOND);
    walk(sim, 'cart-1', 'external', 443);
    const w = walkView(sim)!.walk;
    expect(w.hops.find((x) => x.stage === 'tcp.proxy')?.cluster).toBe('BlackHoleCluster');
    expect(w.outcome).toBe('connection reset');
  });

  it('iptables-save prints Istio’s nat table; the view lights the rule the walk matched', () => {
    const text = iptablesSave(true).map((l) => l.text);
    expect(text).toContain('-A ISTIO_OUTPUT -m owner --uid-owner 1337 -j RETURN');
    expect(text).toContain('-A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001');
    expect(text).toContain('-A ISTIO_IN_REDIRECT -p tcp -j REDIRECT --to-ports 15006');
    for (const p of [15090, 15021, 15020])
      expect(text).toContain(`-A ISTIO_INBOUND -p tcp -m tcp --dport ${p} -j RETURN`);
    const sim = mesh();
    sim.command({
      kind: 'request.walk',
      from: 'checkout-1',
      to: 'payments',
      port: 8080,
      detail: 'hops',
    });
    sim.advanceTo(sim.now + HOP_US.kernel); // the app's SYN has met ISTIO_OUTPUT
    const v = iptablesView(sim, 'checkout-1');
    expect(v.lines.filter((l) => l.state === 'matched').map((l) => l.text)).toEqual([
      '-A OUTPUT -p tcp -j ISTIO_OUTPUT',
      '-A ISTIO_OUTPUT -j ISTIO_REDIRECT',
      '-A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001',
    ]);
  });
});
