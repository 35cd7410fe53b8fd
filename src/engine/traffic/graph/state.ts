/**
 * The call graph of the cast and the initial state of the call-graph mode. A user request enters
 * web-1; web calls cart and catalog in parallel, then checkout; checkout calls inventory, then
 * payments (reserve the stock, then charge). Each app first does its own work (its mean service
 * time, exponential, plus `pod.slow`), then runs its stages; a call in a stage waits for all the
 * calls of the stage. cart, catalog, inventory and payments call nobody.
 */
import { ms, type SimTime } from '../../core/time';
import { clusterRuntime } from '../state';
import type { ClusterRuntime, SidecarTraffic } from '../types';
import { newObserve } from './observe';
import { newWindow } from './stats';
import type { CallPlan, GraphState, HostPool } from './types';

/** Who calls whom (docs/curriculum.md's cast): stages in order, calls in a stage in parallel. */
export const CAST_PLAN: CallPlan = {
  web: [['cart', 'catalog'], ['checkout']],
  checkout: [['inventory'], ['payments']],
};

/** Default user requests per second at web-1. */
export const DEFAULT_USER_RPS = 10;

/** Network time of one leg between two sidecars (as in the per-edge mode). */
export const NET = ms(0.4);

/** A fresh call-graph state. */
export function newGraphState(
  opts: {
    userRps?: number;
    detail?: boolean;
    connectMs?: number;
    workers?: number;
    observe?: boolean;
  },
  now: SimTime,
): GraphState {
  const g: GraphState = {
    userRps: Math.max(0, opts.userRps ?? DEFAULT_USER_RPS),
    userTimer: null,
    detail: opts.detail ?? false,
    connectUs: ms(Math.max(0, opts.connectMs ?? 0.5)),
    workers: Math.max(0, Math.floor(opts.workers ?? 0)),
    busy: {},
    queue: {},
    plan: CAST_PLAN,
    entry: 'web-1',
    nextJob: 1,
    jobs: {},
    load: null,
    nextLoad: 1,
    window: newWindow('', now),
    history: [],
  };
  if (opts.observe) g.observe = newObserve();
  return g;
}

/** The cluster runtime with its pool bookkeeping. */
export function poolRuntime(t: SidecarTraffic, cluster: string): ClusterRuntime {
  const rt = clusterRuntime(t, cluster);
  rt.pools ??= {};
  rt.pending ??= 0;
  rt.connections ??= 0;
  return rt;
}

/** The pool of one host in a cluster runtime. */
export function hostPool(rt: ClusterRuntime, host: string): HostPool {
  const pools = (rt.pools ??= {});
  let p = pools[host];
  if (!p) {
    p = { conns: [], pending: [] };
    pools[host] = p;
  }
  return p;
}
