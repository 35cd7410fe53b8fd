/**
 * AuthorizationPolicy rules of Istio's `ValidateAuthorizationPolicy` (pkg/config/validation,
 * value checks from pkg/config/security): selector or targetRef(s), CUSTOM provider, DENY without
 * rules, and each rule's `from`, `to` and `when`. Errors carry Istio's prefix
 * `invalid policy <name>.<namespace>:`.
 */
import { Reporter } from './checks';
import { checkWorkloadSelector, isCIDR, isIPAddress } from './checksNet';
import {
  checkConditions,
  checkServiceAccounts,
  checkTrustDomains,
  checkPathTemplates,
} from './checksAuthz';
import type { AuthorizationPolicy, AuthorizationSource, PolicyTargetReference } from './istio';

const MEANINGLESS =
  'action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request';

/** Kinds a targetRef may name (`allowedTargetRefs`), by canonical group. */
const TARGET_KINDS = new Set([
  'core/Service',
  'networking.istio.io/ServiceEntry',
  'gateway.networking.k8s.io/Gateway',
  'gateway.networking.k8s.io/GatewayClass',
]);

/** `validatePolicyTargetReference`. */
function checkTargetRef(r: Reporter, p: string, t: PolicyTargetReference): void {
  if ((t.name ?? '') === '') r.add(p, 'targetRef name must be set');
  if ((t.namespace ?? '') !== '')
    r.add(p, 'targetRef namespace must not be set; cross namespace referencing is not supported');
  const group = t.group === undefined || t.group === '' ? 'core' : t.group;
  if (!TARGET_KINDS.has(`${group}/${t.kind ?? ''}`))
    r.add(
      p,
      `targetRef must be to one of [/v1/Service networking.istio.io/v1/ServiceEntry gateway.networking.k8s.io/v1/Gateway gateway.networking.k8s.io/v1/GatewayClass] but was ${t.group ?? ''}/${t.kind ?? ''}`,
    );
}

/** `security.CheckEmptyValues`: the first empty entry. */
function emptyValue(
  r: Reporter,
  p: string,
  key: string,
  values: readonly string[] | undefined,
): void {
  const i = (values ?? []).indexOf('');
  if (i >= 0) r.add(`${p}[${i}]`, `empty value not allowed, found in ${key}`);
}

/** `security.ValidateIPs`. */
function checkIPs(r: Reporter, p: string, ips: readonly string[] | undefined): void {
  (ips ?? []).forEach((ip, i) => {
    if (ip.includes('/') ? !isCIDR(ip) : !isIPAddress(ip))
      r.add(
        `${p}[${i}]`,
        ip.includes('/')
          ? `bad CIDR range (${ip}): netip.ParsePrefix(${JSON.stringify(ip)}): invalid prefix`
          : `bad IP address (${ip})`,
      );
  });
}

/** `security.ValidatePorts`: decimal numbers up to 65535. */
function checkPorts(r: Reporter, p: string, ports: readonly string[] | undefined): void {
  (ports ?? []).forEach((port, i) => {
    if (!/^\d+$/.test(port) || Number(port) > 65535)
      r.add(
        `${p}[${i}]`,
        `bad port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: invalid syntax`,
      );
  });
}

const SOURCE_KEYS: readonly (keyof AuthorizationSource)[] = [
  'principals',
  'requestPrincipals',
  'namespaces',
  'ipBlocks',
  'remoteIpBlocks',
  'notPrincipals',
  'notRequestPrincipals',
  'notNamespaces',
  'notIpBlocks',
  'notRemoteIpBlocks',
  'serviceAccounts',
  'notServiceAccounts',
  'trustDomains',
  'notTrustDomains',
];

const CUSTOM_UNSUPPORTED: readonly [keyof AuthorizationSource, string][] = [
  ['namespaces', 'From.Namespaces'],
  ['notNamespaces', 'From.NotNamespaces'],
  ['serviceAccounts', 'From.ServiceAccounts'],
  ['notServiceAccounts', 'From.NotServiceAccounts'],
  ['trustDomains', 'From.TrustDomains'],
  ['notTrustDomains', 'From.NotTrustDomains'],
  ['principals', 'From.Principals'],
  ['notPrincipals', 'From.NotPrincipals'],
  ['requestPrincipals', 'From.RequestPrincipals'],
  ['notRequestPrincipals', 'From.NotRequestPrincipals'],
];

const len = (a: readonly unknown[] | undefined): number => a?.length ?? 0;

/** All rule violations (and warnings) of one AuthorizationPolicy. */
export function validateAuthorizationPolicy(ap: AuthorizationPolicy): Reporter {
  const r = new Reporter(ap);
  r.prefix = `invalid policy ${ap.metadata.name}.${ap.metadata.namespace}: `;
  const { spec } = ap;
  const kinds = [spec.selector, spec.targetRef, len(spec.targetRefs) > 0 ? 1 : undefined];
  if (kinds.filter((k) => k !== undefined).length > 1)
    r.add('spec', 'only one of targetRefs or workloadSelector can be set');
  checkWorkloadSelector(r, 'spec.selector', spec.selector);
  if (spec.targetRef) checkTargetRef(r, 'spec.targetRef', spec.targetRef);
  (spec.targetRefs ?? []).forEach((t, i) => checkTargetRef(r, `spec.targetRefs[${i}]`, t));
  if (spec.action === 'CUSTOM') {
    if (spec.rules === undefined) r.add('spec.action', `CUSTOM ${MEANINGLESS}`);
    else if ((spec.provider?.name ?? '') === '')
      r.add('spec.provider', '`provider.name` must not be empty');
    (spec.rules ?? []).forEach((rule, i) => {
      for (const from of rule.from ?? [])
        for (const [k, name] of CUSTOM_UNSUPPORTED)
          if (len(from.source?.[k]) > 0)
            r.add(`spec.rules[${i}].from`, `${name} is currently not supported with CUSTOM action`);
      for (const when of rule.when ?? []) {
        const key = when.key ?? '';
        if (
          [
            'source.namespace',
            'source.serviceAccount',
            'source.trustDomain',
            'source.principal',
          ].includes(key) ||
          key.startsWith('request.auth.')
        )
          r.add(`spec.rules[${i}].when`, `${key} is currently not supported with CUSTOM action`);
      }
    });
  }
  if (spec.provider && spec.action !== 'CUSTOM')
    r.add(
      'spec.provider',
      `\`provider\` must not be with non CUSTOM action, found ${spec.action ?? 'ALLOW'}`,
    );
  if (spec.action === 'DENY' && spec.rules === undefined)
    r.add('spec.rules', `DENY ${MEANINGLESS}`);
  (spec.rules ?? []).forEach((rule, i) => {
    const rp = `spec.rules[${i}]`;
    if (rule.from !== undefined && rule.from.length === 0)
      r.add(`${rp}.from`, `\`from\` must not be empty, found at rule ${i}`);
    let tcpFrom = false;
    let tcpTo = false;
    let fromExists = false;
    let toExists = false;
    (rule.from ?? []).forEach((from, j) => {
      const p = `${rp}.from[${j}].source`;
      const src = from.source as AuthorizationSource | undefined;
      if (!src) {
        r.add(p, `\`from.source\` must not be nil, found at rule ${i}`);
        return;
      }
      fromExists = true;
      if (
        len(src.principals) +
          len(src.notPrincipals) +
          len(src.namespaces) +
          len(src.notNamespaces) >
          0 &&
        len(src.serviceAccounts) + len(src.notServiceAccounts) > 0
      )
        r.add(p, `cannot set serviceAccounts with namespaces or principals, found at rule ${i}`);
      if (SOURCE_KEYS.every((k) => len(src[k]) === 0))
        r.add(p, `\`from.source\` must not be empty, found at rule ${i}`);
      for (const k of ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'] as const)
        checkIPs(r, `${p}.${k}`, src[k]);
      emptyValue(r, `${p}.principals`, 'Principals', src.principals);
      emptyValue(r, `${p}.requestPrincipals`, 'RequestPrincipals', src.requestPrincipals);
      emptyValue(r, `${p}.namespaces`, 'Namespaces', src.namespaces);
      checkServiceAccounts(r, `${p}.serviceAccounts`, 'ServiceAccounts', src.serviceAccounts);
      checkTrustDomains(r, `${p}.trustDomains`, 'TrustDomains', src.trustDomains);
      emptyValue(r, `${p}.ipBlocks`, 'IpBlocks', src.ipBlocks);
      emptyValue(r, `${p}.remoteIpBlocks`, 'RemoteIpBlocks', src.remoteIpBlocks);
      emptyValue(r, `${p}.notPrincipals`, 'NotPrincipals', src.notPrincipals);
      emptyValue(r, `${p}.notRequestPrincipals`, 'NotRequestPrincipals', src.notRequestPrincipals);
      emptyValue(r, `${p}.notNamespaces`, 'NotNamespaces', src.notNamespaces);
      checkServiceAccounts(
        r,
        `${p}.notServiceAccounts`,
        'NotServiceAccounts',
        src.notServiceAccounts,
      );
      checkTrustDomains(r, `${p}.notTrustDomains`, 'NotTrustDomains', src.notTrustDomains);
      emptyValue(r, `${p}.notIpBlocks`, 'NotIpBlocks', src.notIpBlocks);
      emptyValue(r, `${p}.notRemoteIpBlocks`, 'NotRemoteIpBlocks', src.notRemoteIpBlocks);
      const tcpKeys = [
        'principals',
        'notPrincipals',
        'ipBlocks',
        'notIpBlocks',
        'namespaces',
        'notNamespaces',
        'remoteIpBlocks',
        'notRemoteIpBlocks',
        'serviceAccounts',
        'notServiceAccounts',
      ] as const;
      if (tcpKeys.some((k) => src[k] !== undefined)) tcpFrom = true;
    });
    if (rule.to !== undefined && rule.to.length === 0)
      r.add(`${rp}.to`, `\`to\` must not be empty, found at rule ${i}`);
    (rule.to ?? []).forEach((to, j) => {
      const p = `${rp}.to[${j}].operation`;
      const op = to.operation as typeof to.operation | undefined;
      if (!op) {
        r.add(p, `\`to.operation\` must not be nil, found at rule ${i}`);
        return;
      }
      toExists = true;
      const keys = [
        'ports',
        'methods',
        'paths',
        'hosts',
        'notPorts',
        'notMethods',
        'notPaths',
        'notHosts',
      ] as const;
      if (keys.every((k) => len(op[k]) === 0))
        r.add(p, `\`to.operation\` must not be empty, found at rule ${i}`);
      checkPorts(r, `${p}.ports`, op.ports);
      checkPorts(r, `${p}.notPorts`, op.notPorts);
      for (const k of keys) emptyValue(r, `${p}.${k}`, k[0]?.toUpperCase() + k.slice(1), op[k]);
      checkPathTemplates(r, `${p}.paths`, 'Paths', op.paths);
      checkPathTemplates(r, `${p}.notPaths`, 'NotPaths', op.notPaths);
      if (op.ports !== undefined || op.notPorts !== undefined) tcpTo = true;
    });
    checkConditions(r, `${rp}.when`, rule.when ?? []);
    if (((fromExists && !toExists && !tcpFrom) || (toExists && !tcpTo)) && spec.action === 'DENY')
      r.warn(
        rp,
        'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port',
      );
  });
  return r;
}
