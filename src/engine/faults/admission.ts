/**
 * Istio's admission webhooks, served by Istiod (docs/fidelity.md §3, misconception 2). While
 * Istiod is down the API server cannot reach them, and both fail closed:
 *
 * - `validation.istio.io` (ValidatingWebhookConfiguration `istiod-default-validator`, for Istio
 *   config objects: networking, security, telemetry, extensions) ships with `failurePolicy:
 *   Ignore` and Istiod's webhook controller patches it to `Fail` once validation works
 *   (`istio/istio manifests/charts/base/templates/defaultrevision-validatingwebhookconfiguration.yaml`,
 *   `pkg/webhooks/validation/controller/controller.go`), so every Istio object change is refused.
 * - `namespace.sidecar-injector.istio.io` (MutatingWebhookConfiguration `istio-sidecar-injector`,
 *   pod CREATE in namespaces labelled `istio-injection=enabled`, `failurePolicy: Fail`;
 *   `manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml`), so no new
 *   pod can be created in `shop` — unless the pod opts out with the label
 *   `sidecar.istio.io/inject: "false"` (the webhook's objectSelector skips it). Restarting a
 *   container inside an existing pod is no admission request.
 *
 * The message is the API server's (`k8s.io/apiserver` webhook dispatchers: `ErrCallingWebhook`
 * "failed calling webhook %q: %v" with "failed to call webhook: %w", wrapped in an InternalError),
 * as kubectl prints it after `Error from server (InternalError): error when creating "…": `; the
 * Service has no endpoints, so kube-proxy refuses the connection to its ClusterIP.
 */
import type { IstioWebhook } from '../mesh/contract';
import { logLine } from '../mesh/log';
import type { MeshSim } from '../mesh/types';

/** The ClusterIP of Service `istiod` in `istio-system` (port 443 → Istiod's 15017). */
export const ISTIOD_CLUSTER_IP = '10.96.187.42';
/** Istio's validating webhook for config objects. */
export const VALIDATION_WEBHOOK: IstioWebhook = 'validation.istio.io';
/** Istio's sidecar injector for namespaces labelled `istio-injection=enabled`. */
export const INJECTION_WEBHOOK: IstioWebhook = 'namespace.sidecar-injector.istio.io';

/** The API server's message when `webhook` (path `/validate` or `/inject`) cannot be reached. */
export function webhookUnreachable(webhook: IstioWebhook): string {
  const path = webhook === VALIDATION_WEBHOOK ? '/validate' : '/inject';
  return `Internal error occurred: failed calling webhook "${webhook}": failed to call webhook: Post "https://istiod.istio-system.svc:443${path}?timeout=10s": dial tcp ${ISTIOD_CLUSTER_IP}:443: connect: connection refused`;
}

/**
 * When Istiod is down, refuses an Istio config change (nothing is stored): a `config.rejected`
 * entry with the API server's message and a log sentence. Returns true when refused.
 */
export function refusedConfig(sim: MeshSim): boolean {
  if (sim.state.istiod.up) return false;
  sim.emit({
    t: sim.now,
    type: 'config.rejected',
    errors: [webhookUnreachable(VALIDATION_WEBHOOK)],
    webhook: VALIDATION_WEBHOOK,
  });
  logLine(
    sim,
    'config',
    "kubectl apply refused: Istio's validating webhook is unreachable (Istiod is down); nothing was stored",
  );
  return true;
}

/**
 * When Istiod is down, refuses the creation of a pod that needs a sidecar (`what` ends the log
 * sentence: what stays as it was). Returns true when refused.
 */
export function refusedPod(sim: MeshSim, what: string): boolean {
  if (sim.state.istiod.up) return false;
  sim.emit({
    t: sim.now,
    type: 'config.rejected',
    errors: [webhookUnreachable(INJECTION_WEBHOOK)],
    webhook: INJECTION_WEBHOOK,
  });
  logLine(
    sim,
    'fault',
    `Pod creation refused: the sidecar injector webhook is unreachable (Istiod is down); ${what}`,
  );
  return true;
}
