/**
 * Structural schemas of the Istio kinds the simulator reads, per kind in specsVirtualService.ts,
 * specsDestinationRule.ts and specsSecurity.ts (names as in istio/api), used by `parseMeshYaml`.
 */
import type { IstioKind } from './istio';
import type { Decoder } from './schema';
import { destinationRule } from './specsDestinationRule';
import { authorizationPolicy, peerAuthentication } from './specsSecurity';
import { virtualService } from './specsVirtualService';

/** API group and accepted versions per kind (served versions of the Istio CRDs). */
export const KINDS: Record<
  IstioKind,
  { group: string; versions: readonly string[]; spec: Decoder }
> = {
  VirtualService: {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    spec: virtualService,
  },
  DestinationRule: {
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    spec: destinationRule,
  },
  PeerAuthentication: {
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
    spec: peerAuthentication,
  },
  AuthorizationPolicy: {
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
    spec: authorizationPolicy,
  },
};

/** Real Istio kinds this simulator does not model (so the message can say so). */
export const UNMODELLED_KINDS: Record<string, string> = {
  Gateway: 'networking.istio.io',
  ServiceEntry: 'networking.istio.io',
  Sidecar: 'networking.istio.io',
  WorkloadEntry: 'networking.istio.io',
  WorkloadGroup: 'networking.istio.io',
  EnvoyFilter: 'networking.istio.io',
  ProxyConfig: 'networking.istio.io',
  RequestAuthentication: 'security.istio.io',
  Telemetry: 'telemetry.istio.io',
  WasmPlugin: 'extensions.istio.io',
};
