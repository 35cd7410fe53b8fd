/**
 * Scenes 2 and 4: the last `request.walk` as far as simulated time has reached (hops whose time
 * has come), each pod's nat table as `iptables-save` prints it with the rule the walk last
 * matched there lit, and the active JSON of the listener and filter chain the walk is in.
 */
import type { Listener } from '../../config';
import { getResource } from '../blobs';
import { TYPE_URL } from '../contract';
import { rfc3339Millis } from '../format';
import { iptablesSave, type SaveLine, type WalkHop, type WalkState } from '../walk';
import { memoBySim, memoBySimWith, type MeshSource } from './memo';
import { sidecarViews } from './sidecars';

/** The walk as shown: hops reached so far, the current one, and whether it has ended. */
export interface WalkView {
  walk: WalkState;
  /** Hops whose time has come (the last is the current hop). */
  shown: WalkHop[];
  current: WalkHop | null;
  done: boolean;
}

/** The last walk, or null before any. */
export const walkView = memoBySim((sim: MeshSource): WalkView | null => {
  const w = sim.state.walk;
  if (!w) return null;
  const shown = w.hops.filter((h) => h.at <= sim.now);
  return {
    walk: w,
    shown,
    current: shown[shown.length - 1] ?? null,
    done: shown.length === w.hops.length,
  };
});

/** A pod's nat table, with the rules of the walk's latest iptables hop in that pod marked. */
export interface IptablesView {
  pod: string;
  injected: boolean;
  lines: (SaveLine & { state: 'matched' | 'checked' | null })[];
  /** The hop the marks come from (null: the walk has not passed this pod's netfilter yet). */
  hop: WalkHop | null;
}

export const iptablesView = memoBySimWith(
  (pod: string) => pod,
  (sim: MeshSource, pod: string): IptablesView => {
    const injected = sim.state.pods[pod]?.injected ?? false;
    const shown = walkView(sim)?.shown ?? [];
    const hop = [...shown].reverse().find((h) => h.pod === pod && h.iptables) ?? null;
    const marks = new Map<string, 'matched' | 'checked'>();
    for (const c of hop?.iptables?.checked ?? [])
      marks.set(`${c.chain}#${c.rule}`, c.matched ? 'matched' : 'checked');
    const lines = iptablesSave(injected).map((l) => ({
      ...l,
      state: l.rule !== null ? (marks.get(`${l.chain}#${l.rule}`) ?? null) : null,
    }));
    return { pod, injected, lines, hop };
  },
);

/** The active Envoy JSON of one of `pod`'s listeners (what `/config_dump` shows), or null. */
export const listenerJson = memoBySimWith(
  (pod: string, name: string) => `${pod}|${name}`,
  (sim: MeshSource, pod: string, name: string): Listener | null => {
    const hash = sim.state.sidecars[pod]?.active.LDS[name];
    return (getResource<'LDS'>(hash)?.envoy as Listener | undefined) ?? null;
  },
);

/** The names of `pod`'s active listeners, sorted as `istioctl proxy-config listeners` lists them. */
export const listenerNames = memoBySimWith(
  (pod: string) => pod,
  (sim: MeshSource, pod: string): string[] =>
    Object.keys(sim.state.sidecars[pod]?.active.LDS ?? {}).sort(),
);

/** How many HEALTHY endpoints `pod`'s Envoy has for `cluster` (its active EDS). */
export const healthyEndpoints = memoBySimWith(
  (pod: string, cluster: string) => `${pod}|${cluster}`,
  (sim: MeshSource, pod: string, cluster: string): number => {
    const sc = sim.state.sidecars[pod];
    const cla = sc ? getResource<'EDS'>(sc.active.EDS[cluster])?.body : undefined;
    return (cla?.endpoints ?? []).filter((e) => e.health_status === 'HEALTHY').length;
  },
);

/** One listener as `/config_dump` prints it under `dynamic_listeners` (its active state). */
export interface ListenerDump {
  name: string;
  active_state: { version_info: string; listener: Record<string, unknown>; last_updated: string };
}

/** `pod`'s active listener `name` in config_dump's shape, or null when it has none. */
export const listenerDump = memoBySimWith(
  (pod: string, name: string) => `${pod}|${name}`,
  (sim: MeshSource, pod: string, name: string): ListenerDump | null => {
    const l = listenerJson(sim, pod, name);
    const stamp = sim.state.sidecars[pod]?.stamps.LDS[name];
    if (!l || stamp === undefined) return null;
    const at = stamp.lastIndexOf('@');
    return {
      name,
      active_state: {
        version_info: stamp.slice(0, at),
        listener: { '@type': TYPE_URL.LDS, ...(l as unknown as Record<string, unknown>) },
        last_updated: rfc3339Millis(Number(stamp.slice(at + 1))),
      },
    };
  },
);

/** meshConfig.outboundTrafficPolicy.mode as Istiod has it (ALLOW_ANY unless set). */
export const outboundTrafficPolicy = (sim: MeshSource): 'ALLOW_ANY' | 'REGISTRY_ONLY' =>
  sim.state.config.outboundTrafficPolicy ?? 'ALLOW_ANY';

/**
 * A walk from `from` can be followed end to end: every sidecar has its listeners, and `from`'s
 * Envoy has a ready endpoint for `cluster` (scenes 2 and 4 wait for this before their call).
 */
export const walkable = (sim: MeshSource, from: string, cluster: string): boolean =>
  sidecarViews(sim).every((s) => !s.injected || s.status.LDS === 'SYNCED') &&
  healthyEndpoints(sim, from, cluster) > 0;
