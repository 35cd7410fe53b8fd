/** Helpers for the call-graph tests: YAML for routes and policies, and a run to a count. */
import { sec } from '../../core/time';
import type { MeshOptions } from '../../mesh/contract';
import { createMesh } from '../../mesh/create';
import type { MeshSim } from '../../mesh/types';

/** A VirtualService routing `service` to all its pods, with optional retries and timeout. */
export function vs(
  service: string,
  opts: { attempts?: number; retryOn?: string; perTry?: string; timeout?: string } = {},
): string {
  const retries =
    opts.attempts !== undefined
      ? `    retries:\n      attempts: ${opts.attempts}\n${opts.retryOn ? `      retryOn: ${opts.retryOn}\n` : ''}${opts.perTry ? `      perTryTimeout: ${opts.perTry}\n` : ''}`
      : '';
  const timeout = opts.timeout ? `    timeout: ${opts.timeout}\n` : '';
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${service}
  namespace: shop
spec:
  hosts: [${service}]
  http:
  - route:
    - destination:
        host: ${service}
${retries}${timeout}`;
}

/** A DestinationRule for `service` with a traffic policy (YAML lines indented under it). */
export function dr(service: string, policy: string): string {
  return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${service}
  namespace: shop
spec:
  host: ${service}
  trafficPolicy:
${policy
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;
}

/** The payments cluster when the VirtualService routes to all of its pods. */
export const PAYMENTS = 'outbound|8080||payments.shop.svc.cluster.local';

/** A call-graph mesh with `yaml` applied, run to 2 s (config everywhere, traffic flowing). */
export function graphMesh(
  seed: number,
  traffic: Omit<NonNullable<MeshOptions['traffic']>, 'mode'>,
  yaml?: string,
): MeshSim {
  const sim = createMesh({ seed, traffic: { mode: 'graph', ...traffic } });
  if (yaml) sim.command({ kind: 'config.apply', yaml });
  sim.advanceTo(sec(2));
  return sim;
}

/** Runs until `n` user requests were issued in the window, then lets them all finish. */
export function runUsers(sim: MeshSim, n: number): void {
  sim.runUntil((s) => (s.state.traffic.graph?.window.users.issued ?? 0) >= n);
  sim.command({ kind: 'traffic.users', rps: 0 });
  sim.runUntil((s) => Object.keys(s.state.traffic.graph?.jobs ?? {}).length === 0);
}
