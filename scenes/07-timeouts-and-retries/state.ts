import type { MeshCommand, MeshTrace, MeshTraceOf } from '../../src/engine/mesh/contract';
import { windowSummary, type MeshSource } from '../../src/engine/mesh/views';
import {
  CHECKOUT_DEFAULT,
  CHECKOUT_RETRY,
  FAIL_SHARE,
  PAY_ROUTES,
  SLOW_MS,
  SLOW_POD,
  type PayRoute,
} from './runs';

/** Scene 7's commands, step conditions and reads of the stored config. */
export const apply = (yaml: string): MeshCommand => ({ kind: 'config.apply', yaml });
export const mark: MeshCommand = { kind: 'traffic.mark', label: '' };
export const fail = (share: number): MeshCommand => ({
  kind: 'service.fail',
  service: 'payments',
  share,
});
export const slow = (extraMs: number): MeshCommand => ({
  kind: 'pod.slow',
  pod: SLOW_POD,
  extraMs,
});
export const payYaml = (id: PayRoute): string => PAY_ROUTES.find((r) => r.id === id)?.yaml ?? '';
const cluster = (service: string) => `outbound|8080||${service}.shop.svc.cluster.local`;

type Done = MeshTraceOf<'attempt.done'>;
/** A try by `pod`'s Envoy to `service` that ended with `decision` (and that `also` accepts). */
export const tryEnd =
  (
    pod: string,
    service: string,
    decision: Done['decision'],
    also: (e: Done) => boolean = () => true,
  ) =>
  (e: MeshTrace) =>
    e.type === 'attempt.done' &&
    e.pod === pod &&
    e.cluster === cluster(service) &&
    e.decision === decision &&
    also(e);
export const code = (c: number) => (e: Done) => e.code === c;
export const ut = (e: Done) => e.flags.split(',').includes('UT');
/** User requests answered in the current run. */
export const users = (n: number) => (sim: MeshSource) => (windowSummary(sim)?.users.done ?? 0) >= n;

/** The payments route the API server stored (null: not one of the scene's). */
export function payRouteNow(sim: MeshSource): PayRoute | null {
  const vs = sim.state.config.virtualServices.find((v) => v.metadata.name === 'payments');
  const rule = vs?.spec.http?.[0];
  if (!rule || rule.route?.some((d) => d.destination.subset)) return null;
  if (rule.timeout) return 'timeout';
  if (rule.retries?.retryOn === '5xx') return rule.retries.perTryTimeout ? 'perTry' : '5xx';
  return rule.retries ? null : 'default';
}
/** web → checkout retries 5xx (the checkout VirtualService the API server stored). */
export const checkoutRetries = (sim: MeshSource): boolean =>
  sim.state.config.virtualServices.find((v) => v.metadata.name === 'checkout')?.spec.http?.[0]
    ?.retries?.retryOn === '5xx';
export const failShare = (sim: MeshSource): number =>
  sim.state.traffic.serviceFail?.['payments'] ?? 0;
export const isSlow = (sim: MeshSource): boolean => (sim.state.pods[SLOW_POD]?.extraMs ?? 0) > 0;

/** Commands that make the state what a step's caption says (a learner may have changed it). */
export const ensure =
  (want: { pay: PayRoute; chk: boolean; fail: number; slow: boolean }) =>
  (sim: MeshSource): MeshCommand[] => [
    ...(payRouteNow(sim) === want.pay ? [] : [apply(payYaml(want.pay))]),
    ...(checkoutRetries(sim) === want.chk
      ? []
      : [apply(want.chk ? CHECKOUT_RETRY : CHECKOUT_DEFAULT)]),
    ...(failShare(sim) === want.fail ? [] : [fail(want.fail)]),
    ...(isSlow(sim) === want.slow ? [] : [slow(want.slow ? SLOW_MS : 0)]),
  ];
export const P = FAIL_SHARE;
