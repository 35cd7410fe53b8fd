import type { DirectTrace } from '../../src/engine/direct';
import { anchorTable } from '../../src/machines/anchorTable';

/** Entries about checkout-1's own calls (the panel shows checkout's client code only). */
const mine = (e: DirectTrace) => 'caller' in e && e.caller === 'checkout-1';
const to = (anchor: string) => ({ to: anchor, when: mine });

/**
 * CheckoutApp.callPayments — checkout-1's client, line by line [1]. The other callers' entries
 * leave it where it is: their code is different code.
 */
export const callPaymentsMachine = anchorTable<DirectTrace>({
  id: 'callPayments',
  initial: null,
  on: {
    'call.start': to('start'),
    'call.resolve': to('resolve'),
    'call.connect': to('connect'),
    'call.tls': to('tls'),
    'call.send': to('send'),
    'call.attemptFailed': to('failed'),
    'call.retry': to('retry'),
    'call.done': [
      { to: 'ok', when: (e) => mine(e) && e.type === 'call.done' && e.ok },
      { to: 'giveup', when: (e) => mine(e) && e.type === 'call.done' && !e.ok },
    ],
  },
});

// [1] checkout-1 starts about four calls a second; a call that waits out its 2 s connect timeout
//     overlaps the next ones, so the line follows the newest step of any of its calls.
