/**
 * Scene 1's run summarised for comparing two runs side by side (the scene model's `summary`):
 * calls per caller, the payments pods as Kubernetes sees them, and the addresses each caller's
 * library would dial. Read from the state through the selectors in views.ts.
 */
import type { RunSummary, SummaryRow } from '../core/sceneModel';
import type { DirectSim } from './types';
import { callers, counters, pods } from './views';

const row = (key: string, label: string, value: string | number): SummaryRow => ({
  key,
  label,
  value: String(value),
});
const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The direct run now, for comparing two runs. */
export function directSummary(sim: DirectSim): RunSummary {
  const c = counters(sim);
  return {
    sections: [
      {
        id: 'calls',
        title: 'Calls to payments',
        note: 'Every caller’s calls, as its own client library counts them.',
        rows: [
          row('calls', 'Calls started', c.total.calls),
          row('ok', 'OK (200)', c.total.ok),
          row('failed', 'Failed (the library gave up)', c.total.failed),
          row('retries', 'Retries', c.total.retries),
          row('timeouts', 'Attempts that timed out', c.total.timeouts),
          row('inflight', 'In flight', c.total.inFlight),
        ],
      },
      {
        id: 'callers',
        title: 'By caller',
        rows: callers(sim).map((v) =>
          row(
            v.name,
            v.name,
            `${v.counters.ok} ok · ${v.counters.failed} failed · ${v.counters.retries} ${v.counters.retries === 1 ? 'retry' : 'retries'} · ${plural(v.counters.timeouts, 'timeout')}`,
          ),
        ),
      },
      {
        id: 'addresses',
        title: 'Where each caller sends its calls',
        note: 'The addresses its library would dial now.',
        rows: callers(sim).map((v) =>
          row(v.name, v.name, v.addresses.length ? v.addresses.join(', ') : 'none yet'),
        ),
      },
      {
        id: 'pods',
        title: 'Payments pods',
        note: 'Running, ready in the EndpointSlice, and in kube-proxy’s rules for the ClusterIP.',
        rows: pods(sim).map((p) =>
          row(
            p.name,
            p.name,
            `${p.up ? 'running' : 'down'} · ${p.ready ? 'ready' : 'not ready'} · ${p.inKubeProxy ? 'in kube-proxy' : 'not in kube-proxy'}`,
          ),
        ),
      },
    ],
  };
}
