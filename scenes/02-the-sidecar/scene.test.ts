import { describe, expect, it } from 'vitest';
import type { MeshTrace } from '../../src/engine/mesh/contract';
import type { MeshSim } from '../../src/engine/mesh/types';
import { iptablesView, sidecarViews, walkView } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { scene2 } from './scene';

type Hop = Extract<MeshTrace, { type: 'walk.hop' }>;
const at = (step: number): MeshSim => {
  const p = new Player(scene2);
  p.goToStep(step - 1); // 0-based
  return p.sim;
};
const hops = (sim: MeshSim): Hop[] =>
  sim.trace.recent().filter((e): e is Hop => e.type === 'walk.hop');

/** What is special about scene 2: who is captured and who is not, and injection as a webhook. */
describe('scene 2, headless', () => {
  it('captures the app (UID 1000) but not Envoy’s own sockets (UID 1337) or its hand-off to the app', () => {
    const sim = at(6);
    const decided = hops(sim)
      .filter((h) => h.stage === 'iptables')
      .map((h) => [h.pod, h.socket, h.rule, h.verdict]);
    expect(decided).toEqual([
      ['web-1', 'app', 'ISTIO_REDIRECT 1', 'REDIRECT --to-ports 15001'],
      ['web-1', 'envoy', 'ISTIO_OUTPUT 4', 'not redirected'],
      ['checkout-1', 'peer', 'ISTIO_IN_REDIRECT 1', 'REDIRECT --to-ports 15006'],
      ['checkout-1', 'envoy', 'ISTIO_OUTPUT 1', 'not redirected'],
    ]);
    // The lit lines in checkout-1's table are the ones that matched last there.
    expect(
      iptablesView(sim, 'checkout-1')
        .lines.filter((l) => l.state === 'matched')
        .map((l) => l.text),
    ).toEqual([
      '-A OUTPUT -p tcp -j ISTIO_OUTPUT',
      '-A ISTIO_OUTPUT -s 127.0.0.6/32 -o lo -j RETURN',
    ]);
  });

  it('the istio-agent’s connection to istiod:15012 leaves by the UID 1337 rule too', () => {
    const sim = at(8);
    const w = walkView(sim)!;
    expect(w.walk.to).toBe('istiod');
    const ipt = w.walk.hops.find((h) => h.iptables)!.iptables!;
    expect([ipt.socket, ipt.uid, ipt.verdict]).toEqual(['agent', 1337, 'not redirected']);
    expect(ipt.checked.filter((c) => c.matched).pop()).toEqual({
      chain: 'ISTIO_OUTPUT',
      rule: 4,
      matched: true,
    });
  });

  it('with Istiod down the injector webhook refuses the new pod: web-1 stays without a sidecar', () => {
    const sim = at(10);
    const refused = sim.trace
      .recent()
      .filter(
        (e) => e.type === 'config.rejected' && e.webhook === 'namespace.sidecar-injector.istio.io',
      );
    expect(refused).toHaveLength(1);
    expect(sidecarViews(sim).find((s) => s.pod === 'web-1')?.injected).toBe(false);
    expect(iptablesView(sim, 'web-1').lines.some((l) => l.rule !== null)).toBe(false);
  });
});
