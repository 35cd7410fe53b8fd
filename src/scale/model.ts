/**
 * The scale view's mesh: 1,000 sidecars of 100 services in 10 namespaces, no request traffic
 * (`createMesh`'s generated topology, as `bench/mesh.ts` push1000), and the changes the learner
 * can make to it, as engine commands. Pure data and functions: the worker runs them.
 */
import { ms, sec } from '../engine/core/time';
import { createMesh, type MeshCommand, type MeshSim } from '../engine/mesh';
import {
  NAMESPACES,
  SERVICES,
  SIDECARS,
  TARGET_POD,
  TARGET_SERVICE,
  type ScaleAction,
} from './constants';

/** The generated mesh. Checkpoints are rare (the view never seeks; a checkpoint clones 1,000 sidecars). */
export function createScaleMesh(seed: number, cores: number): MeshSim {
  return createMesh({
    seed,
    cores,
    perEdgeRps: 0,
    checkpointEvery: sec(3600),
    traceCapacity: 512,
    topology: { sidecars: SIDECARS, services: SERVICES, namespaces: NAMESPACES },
  });
}

/** The burst: this many VirtualService edits, this far apart (under PILOT_DEBOUNCE_AFTER). */
export const BURST_EDITS = 5;
export const BURST_GAP = ms(40);

/** A VirtualService for `svc-<i>` with a route timeout (each edit picks a new timeout). */
export function virtualService(i: number, timeoutS: number): string {
  const ns = `ns-${i % NAMESPACES}`;
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: svc-${i}
  namespace: ${ns}
spec:
  hosts: [svc-${i}.${ns}.svc.cluster.local]
  http:
  - route:
    - destination:
        host: svc-${i}.${ns}.svc.cluster.local
    timeout: ${timeoutS}s
`;
}

/** What an action does, in words and as commands at offsets from now (µs). */
export interface ActionPlan {
  label: string;
  commands: { after: number; command: MeshCommand }[];
}

/**
 * Turns an action into commands. `n` counts the actions taken so far (each edit is a real change:
 * a new timeout); `sim` gives the current meshConfig and readiness so the toggles flip them.
 */
export function planAction(sim: MeshSim, a: ScaleAction, n: number): ActionPlan {
  const s = sim.state;
  switch (a.kind) {
    case 'vs': {
      const timeout = 2 + (n % 20);
      return {
        label: `VirtualService ${TARGET_SERVICE} (timeout ${timeout}s)`,
        commands: [
          { after: 0, command: { kind: 'config.apply', yaml: virtualService(7, timeout) } },
        ],
      };
    }
    case 'burst':
      return {
        label: `${BURST_EDITS} VirtualService edits ${BURST_GAP / 1000} ms apart`,
        commands: Array.from({ length: BURST_EDITS }, (_, k) => ({
          after: k * BURST_GAP,
          command: { kind: 'config.apply', yaml: virtualService(20 + k, 2 + ((n + k) % 20)) },
        })),
      };
    case 'mesh': {
      const mode =
        s.config.outboundTrafficPolicy === 'REGISTRY_ONLY' ? 'ALLOW_ANY' : 'REGISTRY_ONLY';
      return {
        label: `meshConfig outboundTrafficPolicy ${mode}`,
        commands: [{ after: 0, command: { kind: 'mesh.outboundTrafficPolicy', mode } }],
      };
    }
    case 'readiness': {
      const ready = s.pods[TARGET_POD]?.probeFailing ?? false;
      return {
        label: `${TARGET_POD} readiness probe ${ready ? 'passes' : 'fails'}`,
        commands: [{ after: 0, command: { kind: 'pod.readiness', pod: TARGET_POD, ready } }],
      };
    }
    case 'kill':
      return { label: 'Istiod killed', commands: [{ after: 0, command: { kind: 'istiod.kill' } }] };
    case 'restore':
      return {
        label: 'Istiod restored',
        commands: [{ after: 0, command: { kind: 'istiod.restore' } }],
      };
  }
}
