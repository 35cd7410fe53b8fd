/** Istiod's initial state, its version counter and the per-connection bookkeeping. */
import type { SimTime } from '../../core/time';
import type { PodName, XdsType } from '../contract';
import { pushVersion } from '../format';
import type { MeshSim } from '../types';
import type { Connection, IstiodState, TypeSync } from './types';

function emptySync(): TypeSync {
  return {
    sentNonce: null,
    sentVersion: null,
    sentAt: null,
    ackedNonce: null,
    ackedAt: null,
    nackError: null,
    sentHashes: {},
    watched: false,
  };
}

/** A fresh connection record. */
export function newConnection(pod: PodName, streamId: number, now: SimTime): Connection {
  return {
    pod,
    streamId,
    connectedAt: now,
    types: { CDS: emptySync(), EDS: emptySync(), LDS: emptySync(), RDS: emptySync() },
    pushing: false,
    pending: null,
    pushStartedAt: null,
  };
}

/** A fresh (just started) Istiod. */
export function newIstiod(cores: number, epoch: number, restarts = 0): IstiodState {
  return {
    restarts,
    lastStatus: null,
    up: true,
    epoch,
    downSince: null,
    cores,
    versionNum: 0,
    pushVersion: null,
    pushId: 0,
    busyUntil: 0,
    debounce: { req: null, firstAt: 0, lastAt: 0, timer: null, events: 0 },
    queue: [],
    inProgress: 0,
    conns: {},
    admission: { nextFree: 0, waiting: {} },
    metrics: {
      pilot_xds_pushes: {},
      pilot_total_xds_rejects: 0,
      pilot_xds_reject: { CDS: 0, EDS: 0, LDS: 0, RDS: 0 },
      pilot_xds_expired_nonce: 0,
      pilot_push_triggers: 0,
      pilot_xds_config_size_bytes: 0,
      convergence_ms: [],
      pushes_debounced: 0,
      streams_rejected: 0,
    },
  };
}

/** Istiod's `NextVersion()`: a new PushContext version. */
export function nextVersion(sim: MeshSim): string {
  const i = sim.state.istiod;
  i.versionNum++;
  i.pushVersion = pushVersion(sim.now, i.versionNum);
  return i.pushVersion;
}

/** The istioctl status of one type of one connection (statusgen.go). */
export function typeStatus(s: TypeSync): 'SYNCED' | 'NOT SENT' | 'STALE' | 'ERROR' {
  if (s.sentNonce === null) return 'NOT SENT';
  if (s.nackError !== null) return 'ERROR';
  if (s.sentNonce === s.ackedNonce) return 'SYNCED';
  return 'STALE';
}

/** All four types in push order. */
export const TYPES: readonly XdsType[] = ['CDS', 'EDS', 'LDS', 'RDS'];
