import { jsonKey, useRuntime } from '../../runtime/context';
import { trafficCounters, type MeshSource } from '../../engine/mesh/views';
import { useCoarseSim } from '../useCoarse';

/** Request counters with accessible names (the e2e and screen readers find them by name). */
export function Counters() {
  const { idPrefix } = useRuntime();
  const c = useCoarseSim((sim: MeshSource) => trafficCounters(sim), jsonKey);
  const items: [string, string, number][] = [
    ['completed', 'Completed requests', c.completed],
    ['ok', 'Succeeded', c.ok],
    ['failed', 'Failed', c.failed],
  ];
  return (
    <dl className="counters">
      {items.map(([id, label, n]) => (
        <div key={id}>
          <dt id={`${idPrefix}-c-${id}`}>{label}</dt>
          <dd>
            <output
              aria-labelledby={`${idPrefix}-c-${id}`}
              aria-live="off"
              data-testid={`count-${id}`}
            >
              {n}
            </output>
          </dd>
        </div>
      ))}
    </dl>
  );
}
