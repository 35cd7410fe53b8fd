import { PRESETS } from '../../src/engine/config/presets';
import type { MeshCommand } from '../../src/engine/mesh/contract';
import type { Knob, KnobSpan } from '../../src/ui/graph/plotRuns';
import type { RunWords } from '../../src/ui/graph/runRows';

/** User requests per second at web-1 (each makes one checkout call, which makes one payments call). */
export const USER_RPS = 30;
export const FAIL_SHARE = 0.3;
export const SLOW_POD = 'payments-v1-b';
export const SLOW_MS = 200;

/** The checkout → payments route (checkout-1's Envoy), as the scene's slider sets it. */
export const PAY_ROUTES = [
  {
    id: 'default',
    text: 'Istio’s default retries',
    retries5xx: 0,
    yaml: PRESETS['payments-all-pods'],
  },
  { id: '5xx', text: 'retry 5xx ×2', retries5xx: 2, yaml: PRESETS['payments-retry-5xx'] },
  {
    id: 'perTry',
    text: 'retry 5xx ×2, per-try timeout 40 ms',
    retries5xx: 2,
    yaml: PRESETS['payments-per-try-timeout'],
  },
  {
    id: 'timeout',
    text: 'route timeout 100 ms',
    retries5xx: 0,
    yaml: PRESETS['payments-route-timeout'],
  },
] as const;
export type PayRoute = (typeof PAY_ROUTES)[number]['id'];

/** The web → checkout route (web-1's Envoy). */
export const CHECKOUT_RETRY = PRESETS['checkout-retry-5xx'];
export const CHECKOUT_DEFAULT = PRESETS['checkout-default'];

const yamlOf = (c: MeshCommand): string | null => (c.kind === 'config.apply' ? c.yaml : null);

/** What each run was measured under [1]. */
export const KNOBS: Knob<MeshCommand>[] = [
  {
    id: 'pay',
    initial: 'default',
    read: (c) => PAY_ROUTES.find((r) => r.yaml === yamlOf(c))?.id ?? null,
  },
  {
    id: 'chk',
    initial: 'default',
    read: (c) => {
      const y = yamlOf(c);
      return y === CHECKOUT_RETRY ? '5xx' : y === CHECKOUT_DEFAULT ? 'default' : null;
    },
  },
  {
    id: 'fail',
    initial: '0',
    read: (c) => (c.kind === 'service.fail' && c.service === 'payments' ? String(c.share) : null),
  },
  {
    id: 'slow',
    initial: '0',
    read: (c) => (c.kind === 'pod.slow' && c.pod === SLOW_POD ? String(c.extraMs) : null),
  },
];

/** A run's settings as numbers (null: changed during the run). */
export interface RunSettings {
  fail: number;
  slowMs: number;
  pay: PayRoute;
  /** Retries on 5xx at checkout → payments and at web → checkout. */
  nPay: number;
  nChk: number;
}

export function settingsOf(s: Record<string, KnobSpan>): RunSettings | null {
  if (Object.values(s).some((k) => k.changed)) return null;
  const pay = PAY_ROUTES.find((r) => r.id === s['pay']?.value) ?? PAY_ROUTES[0];
  return {
    fail: Number(s['fail']?.value ?? 0),
    slowMs: Number(s['slow']?.value ?? 0),
    pay: pay.id,
    nPay: pay.retries5xx,
    nChk: s['chk']?.value === '5xx' ? 2 : 0,
  };
}

/**
 * docs/fidelity.md §4.5: with failures independent at probability p and N retries on 5xx per
 * hop, a payments call is tried (1 − p^(N+1)) / (1 − p) times and fails after all of them with
 * q = p^(N+1); web → checkout tries (1 − q^(M+1)) / (1 − q) times. Users succeed 1 − q^(M+1).
 * Null when timeouts are in force (the formula leaves them out).
 */
export function expected(s: RunSettings | null): { amp: number; success: number } | null {
  if (!s || s.pay === 'perTry' || s.pay === 'timeout') return null;
  const tries = (p: number, n: number) => (p >= 1 ? n + 1 : (1 - p ** (n + 1)) / (1 - p));
  const p = s.fail;
  const q = p ** (s.nPay + 1);
  return { amp: tries(p, s.nPay) * tries(q, s.nChk), success: 1 - q ** (s.nChk + 1) };
}

/** The row's words: where 5xx is retried, then the faults and timeouts in force. */
export function words(spans: Record<string, KnobSpan>): RunWords {
  const pay = PAY_ROUTES.find((r) => r.id === spans['pay']?.value) ?? PAY_ROUTES[0];
  const chk = spans['chk']?.value === '5xx';
  const hops = [pay.retries5xx > 0 && 'checkout→payments', chk && 'web→checkout'].filter(
    (x): x is string => typeof x === 'string',
  );
  const label =
    hops.length === 0
      ? 'no 5xx retries'
      : hops.length === 2
        ? '5xx retried at both hops'
        : `5xx retried at ${hops[0]}`;
  const fail = Number(spans['fail']?.value ?? 0);
  const slow = Number(spans['slow']?.value ?? 0);
  const faults = [
    fail > 0 ? `payments fails ${Math.round(fail * 100)}%` : 'payments healthy',
    slow > 0 ? `v1-b +${slow} ms` : '',
  ].filter((x) => x !== '');
  const note = [faults.join(' · ')];
  if (pay.id === 'perTry' || pay.id === 'timeout') note.push(pay.text);
  if (Object.values(spans).some((k) => k.changed)) note.push('settings changed during this run');
  return { label, note };
}

// [1] Read back from the input log for each statistics window (src/ui/graph/plotRuns.ts).
