import { Simulation, type ModelDef } from '../engine/core';
import { ms } from '../engine/core/time';
import { CAST, type MeshCommand, type MeshTrace, type MeshView, type SidecarView, type XdsType } from '../engine/mesh/contract';
import type { MeshSim } from '../runtime/player';

/**
 * A tiny stand-in for the mesh model, for component tests only: Istiod pushes CDS→EDS→LDS→RDS to
 * each sidecar, sidecars ACK (or NACK after `config.pushBad`), requests flow every 5 ms.
 */
interface FakeState {
  up: boolean;
  version: number;
  bad: string | null;
  sc: Record<string, { v: Record<XdsType, string | null>; st: Record<XdsType, SidecarView['status'][XdsType]>; stale: number | null; err: string | null }>;
  done: number;
  nextReq: number;
}
type Ev = { type: 'push' } | { type: 'arrive'; pod: string; xds: XdsType; v: string } | { type: 'req' };
const TYPES: XdsType[] = ['CDS', 'EDS', 'LDS', 'RDS'];

const model: ModelDef<FakeState, Ev, MeshCommand, MeshTrace> = {
  init(sim) {
    sim.schedule(ms(1), { type: 'push' });
    sim.schedule(ms(5), { type: 'req' });
    const blank = () => ({ v: { CDS: null, EDS: null, LDS: null, RDS: null }, st: { CDS: 'NOT SENT', EDS: 'NOT SENT', LDS: 'NOT SENT', RDS: 'NOT SENT' } as Record<XdsType, 'NOT SENT'>, stale: null, err: null });
    return { up: true, version: 1, bad: null, sc: Object.fromEntries(CAST.map((p) => [p, blank()])), done: 0, nextReq: 1 };
  },
  handle(sim, ev) {
    const s = sim.state;
    if (ev.type === 'push') {
      if (!s.up) return;
      const v = `2026-01-01T00:00:00Z/${s.version}`;
      for (const pod of CAST)
        TYPES.forEach((xds, i) => {
          const c = s.sc[pod]!;
          c.st[xds] = 'STALE';
          sim.emit({ t: sim.now, type: 'xds.response', pod, xds, version: v, nonce: `n${s.version}`, resources: [] });
          sim.schedule(ms(2 + i), { type: 'arrive', pod, xds, v });
        });
    } else if (ev.type === 'arrive') {
      const c = s.sc[ev.pod]!;
      if (s.bad === ev.pod && ev.xds === 'CDS') {
        c.st.CDS = 'ERROR';
        c.err = 'bad cluster';
        sim.emit({ t: sim.now, type: 'xds.nack', pod: ev.pod, xds: ev.xds, version: c.v.CDS ?? '', nonce: 'n', error: 'bad cluster' });
      } else {
        c.v[ev.xds] = ev.v;
        c.st[ev.xds] = 'SYNCED';
        sim.emit({ t: sim.now, type: 'xds.ack', pod: ev.pod, xds: ev.xds, version: ev.v, nonce: 'n' });
      }
    } else {
      s.done++;
      sim.emit({ t: sim.now, type: 'request.done', id: s.nextReq++, from: 'web-1', to: 'cart-1', code: 200, flags: '-' });
      sim.schedule(ms(5), { type: 'req' });
    }
  },
  applyCommand(sim, c) {
    const s = sim.state;
    sim.emit({ t: sim.now, type: 'command', command: c });
    if (c.kind === 'istiod.kill') {
      s.up = false;
      for (const p of CAST) s.sc[p]!.stale = sim.now;
      sim.emit({ t: sim.now, type: 'istiod.down' });
    } else if (c.kind === 'istiod.restore') {
      s.up = true;
      for (const p of CAST) s.sc[p]!.stale = null;
      sim.emit({ t: sim.now, type: 'istiod.up' });
      s.version++;
      sim.schedule(ms(1), { type: 'push' });
    } else if (c.kind === 'config.pushBad' || c.kind === 'canary.weights') {
      if (c.kind === 'config.pushBad') s.bad = c.pod;
      s.version++;
      sim.schedule(ms(100), { type: 'push' });
    }
  },
};

export function createFakeMesh(o: { seed: number }): MeshSim {
  return new Simulation(model, { seed: o.seed, checkpointEvery: ms(50) });
}

export function fakeMeshView(sim: MeshSim): MeshView {
  const s = sim.state as FakeState;
  return {
    now: sim.now,
    istiod: { up: s.up, connectedProxies: s.up ? 8 : 0, lastVersion: `/${s.version}`, pendingPushes: 0 },
    sidecars: CAST.map((pod) => {
      const c = s.sc[pod]!;
      return { pod, service: pod.split('-')[0]!, subset: null, identity: `spiffe://cluster.local/ns/shop/sa/${pod}`, podUp: true, connected: s.up, staleSince: c.stale, nextRetryAt: null, versions: { ...c.v }, status: { ...c.st }, lastError: c.err };
    }),
    xdsMessages: [],
    requests: [],
    counters: { completed: s.done, ok: s.done, failed: 0, byFlag: {} },
    log: [{ t: sim.now, text: `fake log at ${sim.now}`, kind: 'traffic' }],
  };
}

export const fakeMesh = { createMesh: createFakeMesh, meshView: fakeMeshView };
