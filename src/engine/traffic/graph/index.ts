/**
 * The call-graph traffic mode (`MeshOptions.traffic = { mode: 'graph' }`): user requests enter
 * web-1, each app waits for its downstream calls (state.ts), and every hop's sidecar applies its
 * route's retries and timeouts, its load balancer, connection pool and outlier detection.
 * This file starts the mode and dispatches its engine events.
 */
import type { SimTime } from '../../core/time';
import type { MeshSim } from '../../mesh/types';
import type { TrafficState } from '../types';
import { onCallDone, onJobStart, onJobStep } from './app';
import { onPerTry, onReply } from './attempt';
import { onLoadNext } from './load';
import { onConnected } from './pool';
import { newGraphState } from './state';
import type { GraphEvent } from './types';
import { onUserArrival, startUsers } from './users';

/** Sets up the mode in a fresh traffic state (at model init). */
export function initGraph(
  sim: MeshSim,
  traffic: TrafficState,
  opts: {
    userRps?: number;
    detail?: boolean;
    connectMs?: number;
    workers?: number;
    observe?: boolean;
  },
  appsStart: SimTime,
): void {
  const g = newGraphState(opts, 0);
  traffic.graph = g;
  startUsers(sim, g, appsStart);
}

/** Handles one event of the mode. */
export function onGraphEvent(sim: MeshSim, ev: GraphEvent): void {
  switch (ev.type) {
    case 'graph.user':
      return onUserArrival(sim);
    case 'job.start':
      return onJobStart(sim, ev.rq, ev.attempt);
    case 'job.step':
      return onJobStep(sim, ev.id);
    case 'job.callDone':
      return onCallDone(sim, ev.id, ev.code);
    case 'rq.reply':
      return onReply(sim, ev.id, ev.attempt, ev.code);
    case 'rq.perTry':
      return onPerTry(sim, ev.id, ev.attempt);
    case 'pool.connected':
      return onConnected(sim, ev.pod, ev.cluster, ev.host, ev.conn);
    case 'load.next':
      return onLoadNext(sim, ev.run, ev.loop);
  }
}
