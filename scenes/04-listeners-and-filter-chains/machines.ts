import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

type Hop = Extract<MeshTrace, { type: 'walk.hop' }>;
const stage =
  (s: Hop['stage']) =>
  (e: MeshTrace): boolean =>
    e.type === 'walk.hop' && e.stage === s;

/** Listener.accept: the selected sidecar's Envoy, stage by stage [1]. */
export const acceptMachine = anchorTable<MeshTrace>({
  id: 'listenerAccept',
  initial: null,
  on: {
    'walk.hop': [
      { to: 'accept', when: stage('listener.accept') },
      { to: 'handoff', when: stage('listener.handoff') },
      { to: 'inspect', when: stage('listener.filters') },
      { to: 'match', when: stage('filterChain.match') },
      { to: 'tcp', when: stage('tcp.proxy') },
      { to: 'hcm', when: stage('hcm.decode') },
      { to: 'filter', when: stage('http.filter') },
      { to: 'route', when: stage('router.route') },
    ],
  },
});

/** FilterChain.match: the chain chosen, or the listener's default chain. */
export const matchMachine = anchorTable<MeshTrace>({
  id: 'filterChainMatch',
  initial: null,
  on: {
    'walk.hop': [
      {
        to: 'default',
        when: (e) => e.type === 'walk.hop' && e.stage === 'filterChain.match' && !!e.defaultChain,
      },
      { to: 'chosen', when: stage('filterChain.match') },
    ],
  },
});

// [1] Every stage of a `request.walk` with detail "stages" is one `walk.hop` entry; the machine
//     only needs its stage.
