/**
 * The mesh model definition: initial state (the cast or a generated topology, every sidecar
 * about to dial Istiod, every agent about to send its CSR, generators armed) and the event
 * dispatch to the actors.
 */
import type { ModelDef } from '../core/simulation';
import { ms, SECOND } from '../core/time';
import { applyMeshCommand } from '../faults';
import { onAttemptEnd } from '../traffic/attempt';
import { onBurstTick } from '../traffic/burst';
import { onGenTick } from '../traffic/generators';
import { onOutlierTick } from '../traffic/outlier';
import { initGraph, onGraphEvent } from '../traffic/graph';
import { onRetry, onTimeout } from '../traffic/request';
import { DEFAULT_EDGES, DEFAULT_RPS, newTrafficState } from '../traffic/state';
import { onIssued, onRotate } from './ca/agent';
import { onCsr } from './ca/ca';
import { newCa } from './ca/state';
import { castConfig, generateTopology, podState } from './cast';
import type { MeshCommand, MeshOptions, MeshTrace } from './contract';
import { pushVersion } from './format';
import { onDebounceTimer, onPushReady } from './istiod/debounce';
import { onProxyPushed } from './istiod/queue';
import { onAdmit, onConnectionAge, onUpMessage } from './istiod/server';
import { newIstiod } from './istiod/state';
import { holdIfCut, takeDelivered } from './network';
import { newSidecar } from './registry';
import { onDownMessage } from './sidecar/ads';
import { onWalkHop } from './walk';
import { connect, onKeepaliveTimeout, onStreamFailed } from './sidecar/stream';
import type { MeshEvent, MeshSim, MeshState, PodState, SidecarState } from './types';

/** When the apps start sending requests. */
export const APPS_START = SECOND;

/** Builds the model for one set of options. */
export function meshModel(
  opts: MeshOptions,
): ModelDef<MeshState, MeshEvent, MeshCommand, MeshTrace> {
  return {
    init(sim) {
      const config = opts.topology
        ? generateTopology(opts.topology.sidecars, opts.topology.services, opts.topology.namespaces)
        : castConfig();
      const pods: Record<string, PodState> = {};
      const sidecars: Record<string, SidecarState> = {};
      const order = config.pods.map((p) => p.name);
      for (const mp of config.pods) {
        pods[mp.name] = podState(config, mp);
        const sc = newSidecar(mp.name);
        sc.cert.csrPending = true;
        sidecars[mp.name] = sc;
        sim.schedule(sim.rng.int(ms(20)), { type: 'stream.connect', pod: mp.name, gen: 0 });
        sim.schedule(ms(20) + sim.rng.int(ms(5)), {
          type: 'ca.csr',
          pod: mp.name,
          gen: 0,
          attempt: 0,
        });
      }
      const rps = opts.perEdgeRps ?? DEFAULT_RPS;
      const graph = opts.traffic?.mode === 'graph' && !opts.topology;
      const traffic = newTrafficState(
        opts.topology || graph ? [] : DEFAULT_EDGES.map((e) => ({ ...e })),
        rps,
      );
      // Call-graph mode: user requests at web-1 instead of one generator per edge.
      if (graph && opts.traffic) initGraph(sim, traffic, opts.traffic, APPS_START);
      // Apps start calling 1 s in: by then every sidecar has its config and every endpoint is
      // in EDS (a cold start's UH/NR noise is not what the scenes teach).
      if (rps > 0)
        traffic.edges.forEach(
          (_, i) =>
            (traffic.genTimers[i] = sim.schedule(APPS_START + sim.rng.exp(SECOND / rps), {
              type: 'gen.tick',
              edge: i,
            })),
        );
      const istiod = newIstiod(opts.cores ?? 2, 1);
      istiod.versionNum = 1;
      istiod.pushVersion = pushVersion(0, 1);
      return {
        options: {
          delta: opts.delta ?? false,
          cores: opts.cores ?? 2,
          perEdgeRps: rps,
          ...(opts.traceSecurity ? { traceSecurity: true } : {}),
        },
        pods,
        order,
        config,
        configKey: null,
        readyKey: null,
        configGeneration: 0,
        istiod,
        sidecars,
        ca: { ...newCa(), ttl: opts.certTtl ?? newCa().ttl },
        traffic,
        net: { nextId: 1, inflight: {}, recent: [], lastArrive: {}, held: {} },
        log: [],
        logTotal: 0,
      };
    },
    handle(sim, ev) {
      dispatch(sim, ev);
    },
    applyCommand(sim, command) {
      applyMeshCommand(sim, command);
    },
  };
}

function dispatch(sim: MeshSim, ev: MeshEvent): void {
  switch (ev.type) {
    case 'xds.arrive': {
      const msg = takeDelivered(sim, ev.id);
      if (!msg || holdIfCut(sim, msg)) return;
      if (msg.direction === 'down') onDownMessage(sim, msg);
      else onUpMessage(sim, msg);
      return;
    }
    case 'stream.connect':
      if (sim.state.pods[ev.pod]?.generation === ev.gen) connect(sim, ev.pod);
      return;
    case 'stream.keepalive':
      return onKeepaliveTimeout(sim, ev.pod, ev.streamId);
    case 'stream.fail':
      return onStreamFailed(sim, ev.pod, ev.streamId, ev.reason);
    case 'istiod.debounce':
      return onDebounceTimer(sim, ev.epoch);
    case 'istiod.pushReady':
      return onPushReady(sim, ev.epoch, ev.req);
    case 'istiod.proxyPushed':
      return onProxyPushed(sim, ev.pod, ev.epoch, ev.streamId);
    case 'istiod.admit':
      return onAdmit(sim, ev.pod, ev.streamId, ev.epoch);
    case 'istiod.connAge':
      return onConnectionAge(sim, ev.pod, ev.streamId, ev.epoch);
    case 'ca.csr':
      return onCsr(sim, ev.pod, ev.gen, ev.attempt);
    case 'ca.issued':
      return onIssued(sim, ev.pod, ev.gen, ev.cert);
    case 'ca.rotate':
      return onRotate(sim, ev.pod, ev.gen, ev.serial);
    case 'gen.tick':
      return onGenTick(sim, ev.edge);
    case 'traffic.burst':
      return onBurstTick(sim, ev.id);
    case 'walk.hop':
      return onWalkHop(sim, ev.id, ev.n);
    case 'rq.attemptEnd':
      return onAttemptEnd(sim, ev.id, ev.attempt);
    case 'rq.retry':
      return onRetry(sim, ev.id);
    case 'rq.timeout':
      return onTimeout(sim, ev.id);
    case 'outlier.tick':
      return onOutlierTick(sim, ev.pod, ev.cluster, ev.epoch);
    default:
      return onGraphEvent(sim, ev);
  }
}
