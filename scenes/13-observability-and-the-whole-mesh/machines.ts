import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/** Scene 13's panels, as tables "trace entry → line" (both follow the selected sidecar) [1]. */

const done = (e: MeshTrace) => (e.type === 'request.done' ? e : null);

/** Sidecar.recordMetrics — each call this sidecar finished as the source reporter. */
export const recordMachine = anchorTable<MeshTrace>({
  id: 'sidecarRecordMetrics',
  initial: null,
  on: {
    'mystery.injected': 'start',
    'request.done': [
      { to: 'flagged', when: (e) => (done(e)?.flags ?? '-') !== '-' },
      { to: 'error', when: (e) => ((c) => c === 0 || c >= 400)(done(e)?.code ?? 200) },
      'count',
    ],
  },
});

/** App.forwardTraceHeaders — each call this pod's app made (its client span) [2]. */
export const forwardMachine = anchorTable<MeshTrace>({
  id: 'appForwardTraceHeaders',
  initial: null,
  on: {
    span: [
      {
        to: 'forward',
        when: (e) => e.type === 'span' && e.kind === 'client' && e.parentId !== null,
      },
      {
        to: 'newTrace',
        when: (e) => e.type === 'span' && e.kind === 'client' && e.parentId === null,
      },
    ],
  },
});

// [1] `request.done` concerns its caller (`from`), so the panel shows the source reporter's view
//     of the selected sidecar; the destination reporter is the same code in the callee.
// [2] A client span with a parent was made under a forwarded context. web-1's calls have none
//     either way (users enter web-1 directly, without trace headers): follow checkout-1.
