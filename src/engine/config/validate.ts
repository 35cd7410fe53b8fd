/**
 * `validateIstio`: Istiod's admission-webhook checks (pkg/config/validation) on decoded objects.
 * Decoding errors (YAML, unknown kind, wrong types, unknown fields) come from `parseMeshYaml`;
 * this runs the semantic rules. What Envoy would still reject is `envoyRejects`' job.
 */
import { clip, quote, type Reporter } from './checks';
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
  // The namespace is not judged: istioctl validate does not, and the API reference's delegate
  // example uses `nsA` (the API server would refuse an invalid one when the object is created).
  const { name } = o.metadata;
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
    at(
      'metadata.name',
      `invalid name ${quote(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    );
  const e = annotationError(o);
  if (e) at('metadata.annotations', e);
  return out;
}

const DRY_RUN = 'istio.io/dry-run';
const GO_BOOL = new Set([
  '1',
  't',
  'T',
  'TRUE',
  'true',
  'True',
  '0',
  'f',
  'F',
  'FALSE',
  'false',
  'False',
]);

/** `validateMetadata` (validation.go): the annotations Istio itself reads. */
function annotationError(o: IstioObject): string | null {
  const a = o.metadata.annotations ?? {};
  const { name, namespace } = o.metadata;
  if (Object.hasOwn(a, DRY_RUN)) {
    if (o.kind !== 'AuthorizationPolicy')
      return `${namespace}/${name} has unsupported annotation ${DRY_RUN}, please remove the annotation`;
    const action = o.spec.action ?? 'ALLOW';
    if (action !== 'ALLOW' && action !== 'DENY')
      return `the annotation ${DRY_RUN} currently only supports action ALLOW/DENY, found action ${action} in ${namespace}/${name}`;
    const v = a[DRY_RUN] ?? '';
    if (!GO_BOOL.has(v))
      return `${namespace}/${name} has annotation ${DRY_RUN} with invalid value (${clip(v)}): strconv.ParseBool: parsing ${quote(v)}: invalid syntax`;
  }
  if (Object.hasOwn(a, 'internal.istio.io/webhook-always-reject'))
    return '"internal.istio.io/webhook-always-reject" annotation found, rejecting';
  for (const k of ['internal.istio.io/parent-namespace', 'internal.istio.io/parents'])
    if (Object.hasOwn(a, k))
      return `${JSON.stringify(k)} annotation found, this may not be set by users`;
  return null;
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
