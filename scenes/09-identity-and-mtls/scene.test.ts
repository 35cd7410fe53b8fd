import { describe, expect, it } from 'vitest';
import type { MeshTrace } from '../../src/engine/mesh/contract';
import type { MeshSim } from '../../src/engine/mesh/types';
import { callsTo, mtlsMode } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { scene9 } from './scene';

const at = (step: number): MeshSim => {
  const p = new Player(scene9);
  p.goToStep(step - 1); // 0-based
  return p.sim;
};
const last = <T extends MeshTrace['type']>(sim: MeshSim, type: T) =>
  sim.trace
    .recent()
    .filter((e): e is Extract<MeshTrace, { type: T }> => e.type === type)
    .at(-1);

/** What is special about scene 9: who is who in a handshake, STRICT, and RBAC by principal. */
describe('scene 9, headless', () => {
  it('a handshake proves sa/payments to checkout-1 (secure naming) and sa/checkout back', () => {
    const h = last(at(2), 'tls.handshake');
    expect(h).toMatchObject({
      to: 'payments-v1-a',
      server: 'spiffe://cluster.local/ns/shop/sa/payments',
    });
    expect(h?.expected).toContain(h?.server);
  });

  it('under STRICT a caller without a sidecar is reset; PERMISSIVE had let it through', () => {
    expect(callsTo(at(3), 'web-1', 'payments').ok).toBeGreaterThan(0);
    const sim = at(4);
    expect(mtlsMode(sim, 'payments-v1-a')).toBe('STRICT');
    expect(callsTo(sim, 'web-1', 'payments').reset).toBeGreaterThan(0);
  });

  it('ALLOW only checkout: web-1 gets 403 (no ALLOW rule matched), checkout-1 passes', () => {
    const sim = at(7);
    const web = sim.trace.recent().filter((e) => e.type === 'rbac.decision' && e.from === 'web-1');
    expect(web.at(-1)).toMatchObject({
      principal: 'spiffe://cluster.local/ns/shop/sa/web',
      action: 'ALLOW',
      policy: null,
      allowed: false,
    });
    expect(last(sim, 'rbac.decision')).toMatchObject({ from: 'checkout-1', allowed: true });
    expect(callsTo(sim, 'web-1', 'payments').denied).toBeGreaterThan(0);
  });

  it('DENY is checked first: web-1 is refused by the DENY policy itself', () => {
    const d = at(8)
      .trace.recent()
      .filter((e) => e.type === 'rbac.decision' && e.from === 'web-1')
      .at(-1);
    expect(d).toMatchObject({
      action: 'DENY',
      policy: 'ns[shop]-policy[payments-deny-web]-rule[0]',
      allowed: false,
    });
  });
});
