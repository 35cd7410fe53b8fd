/**
 * `validateIstio`: Istiod's admission-webhook checks (pkg/config/validation) on decoded objects.
 * Decoding errors (YAML, unknown kind, wrong types, unknown fields) come from `parseMeshYaml`;
 * this runs the semantic rules. What Envoy would still reject is `envoyRejects`' job.
 */
import { quote, type Reporter } from './checks';
import type { ConfigError, IstioObject } from './istio';
import { validateDestinationRule } from './validateDestinationRule';
import { validateAuthorizationPolicy, validatePeerAuthentication } from './validateSecurity';
import { validateVirtualService } from './validateVirtualService';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function metadataErrors(o: IstioObject): ConfigError[] {
  const out: ConfigError[] = [];
  const at = (path: string, message: string): void => {
    const line = o.source?.lines[path] ?? o.source?.line;
    out.push({
      path,
      message,
      object: `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`,
      ...(o.source ? { doc: o.source.doc } : {}),
      ...(line === undefined ? {} : { line }),
    });
  };
  const { name, namespace } = o.metadata;
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
    at(
      'metadata.name',
      `invalid name ${quote(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    );
  if (namespace.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace))
    at(
      'metadata.namespace',
      `invalid namespace ${quote(namespace)}: must be a lowercase RFC 1123 label`,
    );
  return out;
}

function check(o: IstioObject): Reporter {
  switch (o.kind) {
    case 'VirtualService':
      return validateVirtualService(o);
    case 'DestinationRule':
      return validateDestinationRule(o);
    case 'PeerAuthentication':
      return validatePeerAuthentication(o);
    case 'AuthorizationPolicy':
      return validateAuthorizationPolicy(o);
  }
}

/** Every rule violation in `docs`, in document order. An empty list means Istiod accepts them. */
export function validateIstio(docs: readonly IstioObject[]): ConfigError[] {
  return docs.flatMap((o) => [...metadataErrors(o), ...check(o).allErrors()]);
}

/**
 * Istio's validation warnings for `docs` (`istioctl validate` prints them; the webhook still
 * accepts): unreachable or shadowed HTTP rules, an abort without a status, an empty selector.
 */
export function istioWarnings(docs: readonly IstioObject[]): ConfigError[] {
  return docs.flatMap((o) => check(o).warnings);
}

/** `path: message` (with `line N` when known), the form the CLI and the scene print. */
export function formatError(e: ConfigError): string {
  const col = e.column === undefined ? '' : `, column ${e.column}`;
  const where = e.line === undefined ? '' : `line ${e.line}${col}: `;
  return `${where}${e.path === '' ? '' : `${e.path}: `}${e.message}`;
}
