import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorTable } from '../../src/machines/anchorTable';

/** ControlPlane.validate: the API server's and the webhook's answer to each apply [1]. */
export const validateMachine = anchorTable<MeshTrace>({
  id: 'controlPlaneValidate',
  initial: null,
  on: {
    command: {
      to: 'apply',
      when: (e) => e.type === 'command' && e.command.kind === 'config.apply',
    },
    'config.rejected': [
      {
        to: 'webhook_down',
        when: (e) => e.type === 'config.rejected' && e.webhook === 'validation.istio.io',
      },
      { to: 'reject', when: (e) => e.type === 'config.rejected' && e.webhook === undefined },
    ],
    'config.accepted': 'accept',
    'push.debounced': { to: 'push', when: (e) => e.type === 'push.debounced' && e.full },
  },
});

/** compileRoutes: a full push compiles; the selected sidecar's RDS response carries the result. */
export const compileMachine = anchorTable<MeshTrace>({
  id: 'compileRoutes',
  initial: null,
  on: {
    'push.debounced': { to: 'start', when: (e) => e.type === 'push.debounced' && e.full },
    'xds.response': { to: 'send', when: (e) => e.type === 'xds.response' && e.xds === 'RDS' },
  },
});

// [1] Every `config.apply` is a `command` entry; the webhook's verdict follows at once.
