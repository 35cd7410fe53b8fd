/**
 * Which line of callPayments.py (checkout-1's client, the `CheckoutApp.callPayments` panel) each
 * trace entry lights. Entries about other callers, and model-wide ones, light nothing here.
 */
import type { DirectTrace } from './types';

/** The anchors in callPayments.py, in the order of the code. */
export const CALL_PAYMENTS_ANCHORS = [
  'start',
  'resolve',
  'connect',
  'tls',
  'send',
  'ok',
  'failed',
  'retry',
  'giveup',
] as const;
export type CallPaymentsAnchor = (typeof CALL_PAYMENTS_ANCHORS)[number];

/** The anchor an entry moves the panel to, or null. */
export function callPaymentsAnchor(e: DirectTrace): CallPaymentsAnchor | null {
  if (!('caller' in e) || e.caller !== 'checkout-1') return null;
  switch (e.type) {
    case 'call.start':
      return 'start';
    case 'call.resolve':
      return 'resolve';
    case 'call.connect':
      return 'connect';
    case 'call.tls':
      return 'tls';
    case 'call.send':
      return 'send';
    case 'call.attemptFailed':
      return 'failed';
    case 'call.retry':
      return 'retry';
    case 'call.done':
      return e.ok ? 'ok' : 'giveup';
    default:
      return null;
  }
}
