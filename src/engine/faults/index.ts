/** Applies one recorded MeshCommand (the only way the outside world changes a run). */
import type { MeshCommand } from '../mesh/contract';
import type { MeshSim } from '../mesh/types';
import { dropOldRoots, rotateRoot, setCaStopped } from './ca';
import { applyYaml, pushBad, revertBad, setCanary } from './config';
import { killIstiod, restoreIstiod } from './istiod';
import { failPod, injectPod, killPod, restorePod, slowPod } from './pods';
import { setReadiness } from './readiness';
import { scaleService } from './scale';
import { failService, loadStart, loadStop, markWindow, setUsers } from './service';
import { startWalk } from '../mesh/walk';
import { setOutboundPolicy } from './meshConfig';
import { guessMystery, injectMystery } from './mystery';
import { cutSidecar, uncutSidecar } from './sidecarCut';
import { sendRequests, setTracing, setTrafficRate } from './traffic';

/** Dispatches a command to its fault handler. */
export function applyMeshCommand(sim: MeshSim, c: MeshCommand): void {
  sim.emit({ t: sim.now, type: 'command', command: c });
  runMeshCommand(sim, c);
}

/** Runs a command's effects (without its `command` entry: scene 13's mystery uses it directly). */
function runMeshCommand(sim: MeshSim, c: MeshCommand): void {
  switch (c.kind) {
    case 'istiod.kill':
      return killIstiod(sim);
    case 'istiod.restore':
      return restoreIstiod(sim);
    case 'pod.kill':
      return killPod(sim, c.pod);
    case 'pod.restore':
      return restorePod(sim, c.pod);
    case 'pod.slow':
      return slowPod(sim, c.pod, c.extraMs);
    case 'pod.fail':
      return failPod(sim, c.pod, c.share);
    case 'sidecar.cut':
      return cutSidecar(sim, c.pod);
    case 'sidecar.uncut':
      return uncutSidecar(sim, c.pod);
    case 'ca.stop':
      return setCaStopped(sim, true);
    case 'ca.start':
      return setCaStopped(sim, false);
    case 'ca.rotateRoot':
      return rotateRoot(sim, c.sameKey ?? false);
    case 'ca.dropOldRoots':
      return dropOldRoots(sim);
    case 'config.apply':
      return applyYaml(sim, c.yaml);
    case 'canary.weights':
      return setCanary(sim, c.v1, c.v2);
    case 'config.pushBad':
      return pushBad(sim, c.pod);
    case 'config.revertBad':
      return revertBad(sim);
    case 'traffic.rate':
      return setTrafficRate(sim, c.perEdgeRps);
    case 'tracing.set':
      return setTracing(sim, c.forwardHeaders, c.samplingPercent);
    case 'pod.readiness':
      return setReadiness(sim, c.pod, c.ready);
    case 'pod.inject':
      return injectPod(sim, c.pod, c.injected);
    case 'service.scale':
      return scaleService(sim, c.service, c.replicas);
    case 'traffic.send':
      return sendRequests(sim, c.from, c.service, c.count);
    case 'service.fail':
      return failService(sim, c.service, c.share);
    case 'traffic.users':
      return setUsers(sim, c.rps);
    case 'load.start':
      return loadStart(sim, c.from, c.service, c.connections, c.qps, c.requests);
    case 'load.stop':
      return loadStop(sim);
    case 'traffic.mark':
      return markWindow(sim, c.label);
    case 'request.walk':
      return startWalk(sim, c.from, c.to, c.port, c.detail);
    case 'mesh.outboundTrafficPolicy':
      return setOutboundPolicy(sim, c.mode);
    case 'mystery.inject':
      return injectMystery(sim, (x) => runMeshCommand(sim, x));
    case 'mystery.guess':
      return guessMystery(sim, c.fault);
  }
}
