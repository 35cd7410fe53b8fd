/**
 * Scene 1's cast: the same names, IPs, namespace and port as the mesh cast
 * (src/engine/config/cast.ts; a test checks they agree), and the three client libraries.
 * Sources for every default are in README.md.
 */
import { ms, SECOND } from '../core/time';
import type { CallerName, Discovery, PaymentsPod } from './types';

export const NAMESPACE = 'shop';
export const PORT = 8080;

/** The payments Service's ClusterIP (kube-proxy DNATs it to a ready pod). */
export const PAYMENTS_CLUSTER_IP = '10.96.0.15';
/** The Service name checkout-1 uses (search path: payments.shop.svc.cluster.local). */
export const PAYMENTS_SERVICE = 'payments';
/**
 * A second, headless Service (`clusterIP: None`) over the same pods: its DNS name returns one A
 * record per ready pod. cart-1 uses it (the `payments` name itself resolves to the ClusterIP).
 */
export const PAYMENTS_HEADLESS = `payments-headless.${NAMESPACE}.svc.cluster.local`;

export const CALLER_IPS: Record<CallerName, string> = {
  'web-1': '10.244.1.11',
  'cart-1': '10.244.1.13',
  'checkout-1': '10.244.1.14',
};

export interface PodSpec {
  name: PaymentsPod;
  ip: string;
  version: string;
  /** Mean service time per request (the model draws 1 ms + an exponential around the rest). */
  serviceMs: number;
}

export const POD_SPECS: readonly PodSpec[] = [
  { name: 'payments-v1-a', ip: '10.244.2.21', version: 'v1', serviceMs: 4 },
  { name: 'payments-v1-b', ip: '10.244.3.22', version: 'v1', serviceMs: 4 },
  { name: 'payments-v2-a', ip: '10.244.3.23', version: 'v2', serviceMs: 5 },
];

/** TLS as each app does it. */
export type TlsMode = 'none' | 'app-truststore' | 'app-hand-verify';

/** One caller's client library: everything that differs between the three apps. */
export interface ClientProfile {
  caller: CallerName;
  language: string;
  /** The library, as a person would name it. */
  library: string;
  /** The URL as written in the app's code or config. */
  url: string;
  /** The host name the app resolves (or the literal IP). */
  host: string;
  discovery: Discovery;
  /** How it finds payments, in words. */
  discoveryText: string;
  retries: number;
  /** Backoff before retry n (index n-1), in ms. */
  backoffMs: readonly number[];
  retryText: string;
  /** Connect timeout (µs). */
  connectTimeout: number;
  /** Time allowed from connected to the response (µs); null = wait forever. */
  responseTimeout: number | null;
  /** The failure reason when `responseTimeout` fires. */
  responseTimeoutReason: 'read timeout' | 'headers timeout';
  timeoutText: string;
  tls: TlsMode;
  tlsText: string;
  /** DNS cache TTL for positive answers (µs), for `dns-cache`. */
  dnsTtl: number;
  /** DNS cache TTL for "no such host" (µs), for `dns-cache`. */
  dnsNegativeTtl: number;
}

export const PROFILES: Record<CallerName, ClientProfile> = {
  'web-1': {
    caller: 'web-1',
    language: 'Node.js',
    library: 'fetch() in Node.js (undici), default options',
    url: `http://10.244.2.21:${PORT}/charge`,
    host: '10.244.2.21',
    discovery: 'hard-coded',
    discoveryText: "payments-v1-a's pod IP, hard-coded in the config",
    retries: 0,
    backoffMs: [],
    retryText: 'no retries',
    connectTimeout: 10 * SECOND,
    responseTimeout: 300 * SECOND,
    responseTimeoutReason: 'headers timeout',
    timeoutText: "undici's defaults: 10 s to connect, 300 s for the response headers",
    tls: 'none',
    tlsText: 'none: plaintext HTTP',
    dnsTtl: 0,
    dnsNegativeTtl: 0,
  },
  'cart-1': {
    caller: 'cart-1',
    language: 'Java',
    library: "java.net.http.HttpClient in the team's PaymentsClient (Spring Retry)",
    url: `https://${PAYMENTS_HEADLESS}:${PORT}/charge`,
    host: PAYMENTS_HEADLESS,
    discovery: 'dns-cache',
    discoveryText:
      'a headless Service name: one A record per ready pod, cached by the JVM for 30 s, round-robin',
    retries: 3,
    backoffMs: [100, 200, 400],
    retryText: '3 retries, exponential backoff 100 ms, 200 ms, 400 ms (next address each time)',
    connectTimeout: ms(1000),
    responseTimeout: null,
    responseTimeoutReason: 'read timeout',
    timeoutText: 'connectTimeout 1 s; no request timeout (HttpClient waits forever by default)',
    tls: 'app-truststore',
    tlsText: 'in the app: its own truststore with the payments CA, baked into the image',
    dnsTtl: 30 * SECOND,
    dnsNegativeTtl: 10 * SECOND,
  },
  'checkout-1': {
    caller: 'checkout-1',
    language: 'Python',
    library: 'a hand-written client on socket + ssl',
    url: `https://${PAYMENTS_SERVICE}:${PORT}/charge`,
    host: PAYMENTS_SERVICE,
    discovery: 'cluster-ip',
    discoveryText:
      'the Service name: ClusterIP 10.96.0.15, kube-proxy picks a ready pod per connection',
    retries: 2,
    backoffMs: [0, 0],
    retryText: '2 retries, no backoff',
    connectTimeout: 2 * SECOND,
    responseTimeout: 2 * SECOND,
    responseTimeoutReason: 'read timeout',
    timeoutText: 'timeout=2 s on the socket (connect, then reads)',
    tls: 'app-hand-verify',
    tlsText: 'in the app: CA file /app/certs/payments-ca.pem and a hand-written peer check',
    dnsTtl: 0,
    dnsNegativeTtl: 0,
  },
};

/** `ip:port`. */
export function hostPort(ip: string): string {
  return `${ip}:${PORT}`;
}

/** The pod that owns an IP, if any. */
export function podOfIp(ip: string | null): PodSpec | undefined {
  return ip === null ? undefined : POD_SPECS.find((p) => p.ip === ip);
}

/** Linux SYN retransmission times after the first SYN (initial RTO 1 s, doubling; 6 retries). */
export const SYN_RETRANSMITS: readonly number[] = [1, 3, 7, 15, 31, 63].map((s) => s * SECOND);
/** Linux gives up connecting after tcp_syn_retries = 6: about 127 s. */
export const OS_CONNECT_LIMIT = 127 * SECOND;
