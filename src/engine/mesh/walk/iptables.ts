/**
 * The nat table istio-init writes into every injected pod's network namespace (docs/fidelity.md
 * §4.1), as `iptables-save` prints it, and the kernel's walk through it for one new connection.
 * Istio's injector runs `istio-iptables -p 15001 -z 15006 -u 1337 -m REDIRECT -i '*' -x "" -b '*'
 * -d 15090,15021,15020`: every outbound TCP connection goes to Envoy's 15001 unless its socket
 * belongs to UID/GID 1337 (Envoy and the istio-agent) or it stays on localhost; every inbound
 * connection goes to 15006 except to the excluded ports (15008 HBONE, 15090 Envoy's Prometheus,
 * 15021 health, 15020 merged metrics). Envoy's own connection to the app (source 127.0.0.6 on
 * `lo`) is returned untouched. Rule texts follow Istio's golden files
 * (`tools/istio-iptables/pkg/capture/testdata/*.golden`) in iptables-save's order and spelling.
 * Simplified: the `raw` table's DNS rules (DNS capture is off by default) and IPv6 are left out.
 */

/** The connection as netfilter sees its first packet. */
export interface Packet {
  /** `OUTPUT`: a socket of this pod sends; `PREROUTING`: a packet arrives from the network. */
  hook: 'OUTPUT' | 'PREROUTING';
  /** Owner of the sending socket (OUTPUT only): the app's user, or 1337 for Envoy/the agent. */
  uid: number;
  src: string;
  dst: string;
  dport: number;
  /** Outgoing interface (OUTPUT): `lo` when the destination is this pod itself. */
  oif: 'lo' | 'eth0';
}

/** One rule of a chain. */
export interface IptRule {
  chain: string;
  /** The rule as `iptables-save` prints it, from `-A`. */
  text: string;
  /** A jump to another chain, or a verdict (`RETURN`, `REDIRECT --to-ports N`). */
  target: string;
  matches: (p: Packet) => boolean;
}

/** One rule the kernel checked, and whether it matched. */
export interface RuleCheck {
  chain: string;
  /** 1-based position in its chain (as `iptables -t nat -L --line-numbers`). */
  rule: number;
  matched: boolean;
}

/** Where the kernel sent the connection. */
export interface IptVerdict {
  checked: RuleCheck[];
  /** `REDIRECT` to a port, or the connection goes on unchanged (`ACCEPT`: no rule redirected it). */
  verdict: { kind: 'REDIRECT'; port: number } | { kind: 'ACCEPT' };
}

/** Envoy's and the istio-agent's user and group (istio-proxy runs as 1337). */
export const PROXY_UID = 1337;
/** Ports istio-init leaves out of inbound capture (15008 always; the injector's `-d` list). */
export const EXCLUDED_INBOUND = [15008, 15090, 15021, 15020] as const;
/** The source address Envoy uses towards the app (`upstream_bind_config`). */
export const INBOUND_PASSTHROUGH_SRC = '127.0.0.6';

const LOCALHOST = '127.0.0.1';
const rule = (
  chain: string,
  spec: string,
  target: string,
  matches: (p: Packet) => boolean,
): IptRule => ({
  chain,
  text: `-A ${chain} ${spec}${spec ? ' ' : ''}-j ${target}`,
  target,
  matches,
});

/** The nat rules of an injected pod, chain by chain in iptables-save order. */
export const ISTIO_NAT_RULES: readonly IptRule[] = [
  rule('PREROUTING', '-p tcp', 'ISTIO_INBOUND', () => true),
  rule('OUTPUT', '-p tcp', 'ISTIO_OUTPUT', () => true),
  ...EXCLUDED_INBOUND.map((port) =>
    rule('ISTIO_INBOUND', `-p tcp -m tcp --dport ${port}`, 'RETURN', (p) => p.dport === port),
  ),
  rule('ISTIO_INBOUND', '-p tcp', 'ISTIO_IN_REDIRECT', () => true),
  rule('ISTIO_IN_REDIRECT', '-p tcp', 'REDIRECT --to-ports 15006', () => true),
  rule(
    'ISTIO_OUTPUT',
    `-s ${INBOUND_PASSTHROUGH_SRC}/32 -o lo`,
    'RETURN',
    (p) => p.oif === 'lo' && p.src === INBOUND_PASSTHROUGH_SRC,
  ),
  rule(
    'ISTIO_OUTPUT',
    `! -d ${LOCALHOST}/32 -o lo -p tcp -m tcp ! --dport 15008 -m owner --uid-owner ${PROXY_UID}`,
    'ISTIO_IN_REDIRECT',
    (p) => p.oif === 'lo' && p.dst !== LOCALHOST && p.dport !== 15008 && p.uid === PROXY_UID,
  ),
  rule(
    'ISTIO_OUTPUT',
    `-o lo -m owner ! --uid-owner ${PROXY_UID}`,
    'RETURN',
    (p) => p.oif === 'lo' && p.uid !== PROXY_UID,
  ),
  rule('ISTIO_OUTPUT', `-m owner --uid-owner ${PROXY_UID}`, 'RETURN', (p) => p.uid === PROXY_UID),
  rule(
    'ISTIO_OUTPUT',
    `! -d ${LOCALHOST}/32 -o lo -p tcp -m tcp ! --dport 15008 -m owner --gid-owner ${PROXY_UID}`,
    'ISTIO_IN_REDIRECT',
    (p) => p.oif === 'lo' && p.dst !== LOCALHOST && p.dport !== 15008 && p.uid === PROXY_UID,
  ),
  rule(
    'ISTIO_OUTPUT',
    `-o lo -m owner ! --gid-owner ${PROXY_UID}`,
    'RETURN',
    (p) => p.oif === 'lo' && p.uid !== PROXY_UID,
  ),
  rule('ISTIO_OUTPUT', `-m owner --gid-owner ${PROXY_UID}`, 'RETURN', (p) => p.uid === PROXY_UID),
  rule('ISTIO_OUTPUT', `-d ${LOCALHOST}/32`, 'RETURN', (p) => p.dst === LOCALHOST),
  rule('ISTIO_OUTPUT', '', 'ISTIO_REDIRECT', () => true),
  rule('ISTIO_REDIRECT', '-p tcp', 'REDIRECT --to-ports 15001', () => true),
];

const BUILTIN = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'] as const;
const ISTIO_CHAINS = ['ISTIO_INBOUND', 'ISTIO_IN_REDIRECT', 'ISTIO_OUTPUT', 'ISTIO_REDIRECT'];

/** The rules of the nat table: Istio's when the pod has a sidecar, none otherwise. */
export function natRules(injected: boolean): readonly IptRule[] {
  return injected ? ISTIO_NAT_RULES : [];
}

/** One line of `iptables-save -t nat` output, with the rule it shows (if it is one). */
export interface SaveLine {
  text: string;
  chain: string | null;
  /** 1-based position in its chain, for rule lines. */
  rule: number | null;
}

/** `iptables-save -t nat` of a pod, line by line. */
export function iptablesSave(injected: boolean): SaveLine[] {
  const rules = natRules(injected);
  const lines: SaveLine[] = [{ text: '*nat', chain: null, rule: null }];
  for (const c of BUILTIN) lines.push({ text: `:${c} ACCEPT [0:0]`, chain: c, rule: null });
  if (injected)
    for (const c of ISTIO_CHAINS) lines.push({ text: `:${c} - [0:0]`, chain: c, rule: null });
  for (const c of [...BUILTIN, ...ISTIO_CHAINS]) {
    let n = 0;
    for (const r of rules) if (r.chain === c) lines.push({ text: r.text, chain: c, rule: ++n });
  }
  lines.push({ text: 'COMMIT', chain: null, rule: null });
  return lines;
}

/**
 * The kernel's walk for a connection's first packet: the built-in chain of its hook, jumping
 * into user chains, until a REDIRECT (or the end of the built-in chain: it goes on unchanged).
 */
export function traverse(injected: boolean, p: Packet): IptVerdict {
  const rules = natRules(injected);
  const checked: RuleCheck[] = [];
  const walk = (chain: string): IptVerdict['verdict'] | 'return' => {
    let n = 0;
    for (const r of rules) {
      if (r.chain !== chain) continue;
      n++;
      const matched = r.matches(p);
      checked.push({ chain, rule: n, matched });
      if (!matched) continue;
      if (r.target === 'RETURN') return 'return';
      const redirect = /^REDIRECT --to-ports (\d+)$/.exec(r.target);
      if (redirect) return { kind: 'REDIRECT', port: Number(redirect[1]) };
      const inner = walk(r.target);
      if (inner !== 'return') return inner;
    }
    return 'return';
  };
  const v = walk(p.hook);
  return { checked, verdict: v === 'return' ? { kind: 'ACCEPT' } : v };
}
