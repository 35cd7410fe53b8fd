/**
 * The walk under construction: hops appended with the simulated time each takes, plus the
 * lookups both sides need (a pod's active Envoy JSON, iptables verdicts in words).
 */
import type { Listener } from '../../config';
import type { SimTime } from '../../core/time';
import { getResource } from '../blobs';
import type { MeshSim, SidecarState } from '../types';
import { PROXY_UID, traverse, type Packet } from './iptables';
import type { IptSocket, WalkDetail, WalkHop } from './types';

/**
 * Simulated time between hops (µs). Illustrative, in the right order of magnitude: tens of µs in
 * the kernel and per Envoy stage, more on the wire and in the app. At 1× with slow motion each
 * hop then shows for a third to a half of a second.
 */
export const HOP_US = { kernel: 30, envoy: 30, filter: 15, wire: 120, app: 400 } as const;

/** Outside the mesh: a host the registry does not know (documentation address, RFC 5737). */
export const EXTERNAL = { host: 'api.partner.example', ip: '203.0.113.10' } as const;

/** Whose connection a packet opens (Envoy and the agent both run as UID 1337; 15012 is Istiod). */
function socketOf(p: Packet): IptSocket {
  if (p.hook === 'PREROUTING') return 'peer';
  if (p.uid !== PROXY_UID) return 'app';
  return p.dport === 15012 ? 'agent' : 'envoy';
}

export class Walker {
  readonly hops: WalkHop[] = [];
  private t: SimTime;
  outcome = '';

  constructor(
    readonly sim: MeshSim,
    readonly detail: WalkDetail,
  ) {
    this.t = sim.now;
  }

  /** Every stage (scene 4), or only one hop per place (scene 2). */
  get full(): boolean {
    return this.detail === 'stages';
  }

  /** Appends a hop `dt` µs after the previous one. */
  add(dt: SimTime, hop: Omit<WalkHop, 'n' | 'at'>): void {
    this.t += dt;
    this.hops.push({ ...hop, n: this.hops.length + 1, at: this.t });
  }

  /** Ends the walk with a `done` hop at the caller. */
  finish(from: string, dt: SimTime, title: string, detail: string, outcome: string): void {
    this.add(dt, { pod: from, side: 'app', stage: 'done', title, detail });
    this.outcome = outcome;
  }

  /** The ACTIVE Envoy JSON of a listener in a sidecar, if it has one. */
  listener(sc: SidecarState | undefined, name: string): Listener | null {
    const hash = sc?.active.LDS[name];
    return (getResource<'LDS'>(hash)?.envoy as Listener | undefined) ?? null;
  }

  /** Runs netfilter for a packet in `pod` and appends the hop. Returns the verdict. */
  iptables(pod: string, injected: boolean, p: Packet, who: string): 'redirect' | 'accept' {
    const r = traverse(injected, p);
    const last = [...r.checked].reverse().find((c) => c.matched);
    const where = last ? `${last.chain} rule ${last.rule}` : '';
    const verdict =
      r.verdict.kind === 'REDIRECT' ? `REDIRECT --to-ports ${r.verdict.port}` : 'not redirected';
    let detail: string;
    if (!injected)
      detail = `${pod} has no istio-init rules (no sidecar): the nat table is empty, so ${who} goes out as the app sent it.`;
    else if (r.verdict.kind === 'REDIRECT')
      detail = `${p.hook} → ${r.checked
        .filter((c) => c.matched)
        .map((c) => c.chain)
        .join(' → ')}: ${where} redirects ${who} to port ${r.verdict.port}, where Envoy listens.`;
    else
      detail = `${p.hook} → ISTIO_${p.hook === 'OUTPUT' ? 'OUTPUT' : 'INBOUND'}: ${where} matches (${this.why(p)}) and returns: ${who} is not captured.`;
    this.add(HOP_US.kernel, {
      pod,
      side: 'kernel',
      stage: 'iptables',
      title: `iptables ${p.hook}: ${verdict}`,
      detail,
      iptables: { hook: p.hook, uid: p.uid, socket: socketOf(p), checked: r.checked, verdict },
    });
    return r.verdict.kind === 'REDIRECT' ? 'redirect' : 'accept';
  }

  private why(p: Packet): string {
    if (p.hook === 'PREROUTING') return `port ${p.dport} is excluded from capture`;
    if (p.oif === 'lo' && p.src === '127.0.0.6') return 'Envoy’s own connection to the app';
    if (p.uid === 1337) return 'the socket belongs to UID 1337, the proxy’s own user';
    return 'localhost';
  }
}
