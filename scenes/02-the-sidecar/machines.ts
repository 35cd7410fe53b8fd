import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

type Hop = Extract<MeshTrace, { type: 'walk.hop' }>;
const hop = (e: MeshTrace): Hop | null => (e.type === 'walk.hop' ? e : null);

/** The nat table panel: the rule that decided the latest iptables hop in the selected pod [1]. */
export const rulesMachine = anchorTable<MeshTrace>({
  id: 'natRules',
  initial: null,
  dark: ['empty'],
  on: {
    'walk.hop': [
      { to: 'redirect_15001', when: (e) => hop(e)?.rule === 'ISTIO_REDIRECT 1' },
      { to: 'redirect_15006', when: (e) => hop(e)?.rule === 'ISTIO_IN_REDIRECT 1' },
      { to: 'envoy_to_app', when: (e) => hop(e)?.rule === 'ISTIO_OUTPUT 1' },
      { to: 'uid_1337', when: (e) => hop(e)?.rule === 'ISTIO_OUTPUT 4' },
      // An iptables hop with no deciding rule: the pod has no istio-init rules at all.
      { to: 'empty', when: (e) => hop(e)?.stage === 'iptables' && hop(e)?.rule === undefined },
    ],
  },
});

const out = (stage: Hop['stage']) => (e: MeshTrace) =>
  hop(e)?.stage === stage && hop(e)?.side === 'outbound';

/** Sidecar.onOutbound: the caller's Envoy, stage by stage. */
export const outboundMachine = anchorTable<MeshTrace>({
  id: 'sidecarOnOutbound',
  initial: null,
  on: {
    'walk.hop': [
      { to: 'accept', when: out('listener.accept') },
      { to: 'handoff', when: out('listener.handoff') },
      { to: 'passthrough', when: out('tcp.proxy') },
      { to: 'route', when: out('router.route') },
      { to: 'pick', when: out('upstream.connect') },
      {
        to: 'connect',
        when: (e) => hop(e)?.socket === 'envoy' && hop(e)?.rule === 'ISTIO_OUTPUT 4',
      },
      { to: 'reply', when: (e) => hop(e)?.stage === 'done' },
    ],
  },
});

// [1] Each iptables hop names the rule that matched last (`ISTIO_OUTPUT 4`): the one that
//     decided where the connection goes.
