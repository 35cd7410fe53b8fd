/**
 * Structural schemas of the PeerAuthentication and AuthorizationPolicy specs: every field of
 * istio/api `security/v1beta1/peer_authentication.proto` and `authorization_policy.proto`.
 */
import { AUTHZ_ACTIONS, MTLS_MODES } from './istioSecurity';
import { arr, enumOf, obj, str, uint32Map, type Decoder } from './schema';
import { selector } from './specsDestinationRule';

const SEC = 'istio.security.v1beta1';
const strings = arr(str);

const mutualTLS = obj(
  { mode: enumOf(MTLS_MODES, `${SEC}.PeerAuthentication.MutualTLS.Mode`) },
  `${SEC}.PeerAuthentication.MutualTLS`,
);

export const peerAuthentication: Decoder = obj(
  { selector, mtls: mutualTLS, portLevelMtls: uint32Map(mutualTLS) },
  `${SEC}.PeerAuthentication`,
);

const source = obj(
  {
    principals: strings,
    notPrincipals: strings,
    requestPrincipals: strings,
    notRequestPrincipals: strings,
    namespaces: strings,
    notNamespaces: strings,
    serviceAccounts: strings,
    notServiceAccounts: strings,
    ipBlocks: strings,
    notIpBlocks: strings,
    remoteIpBlocks: strings,
    notRemoteIpBlocks: strings,
    trustDomains: strings,
    notTrustDomains: strings,
  },
  `${SEC}.Source`,
);

const operation = obj(
  {
    hosts: strings,
    notHosts: strings,
    ports: strings,
    notPorts: strings,
    methods: strings,
    notMethods: strings,
    paths: strings,
    notPaths: strings,
  },
  `${SEC}.Operation`,
);

const targetRef = obj(
  { group: str, kind: str, name: str, namespace: str },
  'istio.type.v1beta1.PolicyTargetReference',
);

export const authorizationPolicy: Decoder = obj(
  {
    selector,
    targetRef,
    targetRefs: arr(targetRef),
    action: enumOf(AUTHZ_ACTIONS, `${SEC}.AuthorizationPolicy.Action`),
    provider: obj({ name: str }, `${SEC}.AuthorizationPolicy.ExtensionProvider`),
    rules: arr(
      obj(
        {
          from: arr(obj({ source }, `${SEC}.Rule.From`)),
          to: arr(obj({ operation }, `${SEC}.Rule.To`)),
          when: arr(obj({ key: str, values: strings, notValues: strings }, `${SEC}.Condition`)),
        },
        `${SEC}.Rule`,
      ),
    ),
  },
  `${SEC}.AuthorizationPolicy`,
);
