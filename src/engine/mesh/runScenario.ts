/**
 * Runs a named scenario headlessly and reports per phase: requests by outcome and response
 * flag, each sidecar's config versions and proxy status, certificate ages. Used by the CLI
 * (`npm run sim`), the benchmark and the tests. The report shape is documented in README.md.
 */
import { SECOND, type SimTime } from '../core/time';
import type { MeshOptions, SyncStatus, XdsType } from './contract';
import { createMesh } from './create';
import type { Scenario } from './scenarios';
import { typeStatus } from './istiod/state';
import type { MeshSim } from './types';

/** Requests finished within a phase. */
export interface RequestStats {
  completed: number;
  ok: number;
  failed: number;
  successRate: number;
  byFlag: Record<string, number>;
  byCode: Record<string, number>;
  /** Successful requests by serving pod. */
  byDestination: Record<string, number>;
}

/** One sidecar at the end of a phase. */
export interface SidecarReport {
  pod: string;
  up: boolean;
  ready: boolean;
  connected: boolean;
  staleSinceS: number | null;
  versions: Record<XdsType, string | null>;
  /** istioctl status (Istiod's view); null when the proxy is not connected. */
  status: Record<XdsType, SyncStatus> | null;
  lastError: string | null;
  certSerial: number | null;
  certAgeS: number | null;
  certExpiresInS: number | null;
}

/** One phase of the run. */
export interface PhaseReport {
  name: string;
  fromS: number;
  toS: number;
  commands: string[];
  requests: RequestStats;
  istiod: {
    up: boolean;
    connected: number;
    version: string | null;
    rejects: number;
    pushes: number;
  };
  handshakes: { ok: number; failed: number };
  sidecars: SidecarReport[];
}

/** The whole run. */
export interface ScenarioReport {
  scenario: string;
  seed: number;
  delta: boolean;
  simulatedS: number;
  events: number;
  traceHash: string;
  phases: PhaseReport[];
}

type Snap = {
  completed: number;
  ok: number;
  failed: number;
  byFlag: Record<string, number>;
  byCode: Record<string, number>;
  byDest: Record<string, number>;
  hsOk: number;
  hsFail: number;
  pushes: number;
};

function snap(sim: MeshSim): Snap {
  const c = sim.state.traffic.counters;
  const pushes = Object.values(sim.state.istiod.metrics.pilot_xds_pushes).reduce(
    (a, b) => a + b,
    0,
  );
  return {
    completed: c.completed,
    ok: c.ok,
    failed: c.failed,
    byFlag: { ...c.byFlag },
    byCode: { ...c.byCode },
    byDest: { ...c.byDest },
    hsOk: sim.state.traffic.handshakes.ok,
    hsFail: sim.state.traffic.handshakes.failed,
    pushes,
  };
}

function diff(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(b).sort()) {
    const d = (b[k] ?? 0) - (a[k] ?? 0);
    if (d) out[k] = d;
  }
  return out;
}

function sidecars(sim: MeshSim): SidecarReport[] {
  const s = sim.state;
  return s.order.map((pod) => {
    const p = s.pods[pod];
    const sc = s.sidecars[pod];
    const conn = s.istiod.up ? s.istiod.conns[pod] : undefined;
    const versions = {
      CDS: sc?.xds.CDS.version ?? null,
      EDS: sc?.xds.EDS.version ?? null,
      LDS: sc?.xds.LDS.version ?? null,
      RDS: sc?.xds.RDS.version ?? null,
    };
    const status = conn
      ? {
          CDS: typeStatus(conn.types.CDS),
          EDS: typeStatus(conn.types.EDS),
          LDS: typeStatus(conn.types.LDS),
          RDS: typeStatus(conn.types.RDS),
        }
      : null;
    const cert = sc?.cert.cert ?? null;
    const errs = sc
      ? (['CDS', 'EDS', 'LDS', 'RDS'] as const)
          .map((t) => sc.xds[t].lastError)
          .filter((e): e is string => !!e)
      : [];
    return {
      pod,
      up: p?.up ?? false,
      ready: p?.ready ?? false,
      connected: sc?.connected ?? false,
      staleSinceS:
        sc?.staleSince === null || sc?.staleSince === undefined ? null : sc.staleSince / SECOND,
      versions,
      status,
      lastError: errs[0] ?? null,
      certSerial: cert?.serial ?? null,
      certAgeS: cert ? Math.round((sim.now - cert.issuedAt) / SECOND) : null,
      certExpiresInS: cert ? Math.round((cert.expiresAt - sim.now) / SECOND) : null,
    };
  });
}

/** Runs `scenario`; `durationS` stretches or cuts the run to that many simulated seconds. */
export function runScenario(
  scenario: Scenario,
  seed: number,
  durationS?: number,
  extra: Partial<MeshOptions> = {},
): ScenarioReport {
  const sim = createMesh({ ...scenario.options, ...extra, seed });
  const total =
    durationS === undefined
      ? scenario.phases.reduce((a, p) => a + p.duration, 0)
      : Math.round(durationS * SECOND);
  const phases: PhaseReport[] = [];
  let t: SimTime = 0;
  scenario.phases.forEach((ph, i) => {
    if (t >= total) return;
    const last = i === scenario.phases.length - 1;
    const end = last ? total : Math.min(total, t + ph.duration);
    for (const c of ph.commands) sim.command(c);
    const before = snap(sim);
    sim.advanceTo(end);
    const after = snap(sim);
    const completed = after.completed - before.completed;
    const ok = after.ok - before.ok;
    phases.push({
      name: ph.name,
      fromS: t / SECOND,
      toS: end / SECOND,
      commands: ph.commands.map((c) => c.kind + ('pod' in c ? ` ${c.pod}` : '')),
      requests: {
        completed,
        ok,
        failed: after.failed - before.failed,
        successRate: completed ? ok / completed : 1,
        byFlag: diff(before.byFlag, after.byFlag),
        byCode: diff(before.byCode, after.byCode),
        byDestination: diff(before.byDest, after.byDest),
      },
      istiod: {
        up: sim.state.istiod.up,
        connected: Object.keys(sim.state.istiod.conns).length,
        version: sim.state.istiod.pushVersion,
        rejects: sim.state.istiod.metrics.pilot_total_xds_rejects,
        pushes: Math.max(0, after.pushes - before.pushes),
      },
      handshakes: { ok: after.hsOk - before.hsOk, failed: after.hsFail - before.hsFail },
      sidecars: sidecars(sim),
    });
    t = end;
  });
  return {
    scenario: scenario.name,
    seed,
    delta: sim.state.options.delta,
    simulatedS: sim.now / SECOND,
    events: sim.processed,
    traceHash: sim.trace.digest(),
    phases,
  };
}
