import './listeners.css';
import type { FilterChain } from '../../engine/config';
import {
  listenerDump,
  listenerNames,
  walkView,
  type ListenerDump,
  type MeshSource,
} from '../../engine/mesh/views';
import { jsonKey, useRuntime, useSimSelect } from '../../runtime/context';
import { useUi } from '../../store/uiStore';

interface Lit {
  listener: string;
  chain: number | null;
  filter: string | null;
  stage: string;
}

/** What the walk's current hop lights in `pod` (null: the walk is elsewhere, or none). */
function litIn(sim: MeshSource, pod: string): Lit | null {
  const v = walkView(sim);
  if (!v) return null;
  // The latest hop in this pod that names a listener, and the filter of the current hop.
  const here = v.shown.filter(
    (h) => h.pod === pod && (h.side === 'outbound' || h.side === 'inbound'),
  );
  const withListener = [...here].reverse().find((h) => h.listener);
  if (!withListener?.listener) return null;
  const cur = v.current?.pod === pod ? v.current : null;
  const chainHop = [...here].reverse().find((h) => h.chain);
  return {
    listener: withListener.listener,
    chain: chainHop?.listener === withListener.listener ? (chainHop.chain?.index ?? null) : null,
    filter: cur?.filter ?? null,
    stage: cur?.stage ?? '',
  };
}

const matchText = (fc: FilterChain): string => {
  const m = fc.filter_chain_match;
  const parts = [
    m?.destination_port !== undefined ? `destination_port ${m.destination_port}` : '',
    m?.transport_protocol ? `transport_protocol ${m.transport_protocol}` : '',
    m?.application_protocols ? `ALPN ${m.application_protocols.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'matches anything';
};

const filtersOf = (fc: FilterChain): { network: string; http: string[] }[] =>
  fc.filters.map((f) => ({
    network: f.name,
    http: ((f.typed_config['http_filters'] as { name: string }[] | undefined) ?? []).map(
      (h) => h.name,
    ),
  }));

/** The listener as config_dump prints it, with the filter chains other than the lit one elided. */
function elided(d: ListenerDump, chain: number | null): unknown {
  const l = d.active_state.listener as { filter_chains?: FilterChain[] };
  const chains = l.filter_chains ?? [];
  const shown = chains.map((fc, i) => (i === chain ? fc : `… ${fc.name ?? `chain ${i}`} (elided)`));
  return { ...d, active_state: { ...d.active_state, listener: { ...l, filter_chains: shown } } };
}

/**
 * The selected sidecar's listeners (LDS) as a tree — listener → filter chains with their match →
 * network filters → HTTP filters — with the stage the followed request is in lit, and the JSON of
 * the lit listener as `/config_dump` prints it.
 */
export function ListenerInspector() {
  const { ui } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const v = useSimSelect((sim: MeshSource) => {
    const lit = litIn(sim, pod);
    const names = listenerNames(sim, pod);
    const open = lit?.listener ?? names.find((n) => n === 'virtualOutbound') ?? names[0] ?? null;
    return { lit, names, open, dump: open ? listenerDump(sim, pod, open) : null };
  }, jsonKey);
  if (v.names.length === 0)
    return (
      <section aria-label="Listeners" data-testid="listener-tree">
        <h3>{pod}’s listeners</h3>
        <p>No listeners: this pod has no sidecar, or its Envoy has not received LDS yet.</p>
      </section>
    );
  const chains =
    (v.dump?.active_state.listener['filter_chains'] as FilterChain[] | undefined) ?? [];
  return (
    <section aria-label={`${pod}’s listeners`} data-testid="listener-tree">
      <h3>{pod}’s listeners (LDS)</h3>
      <ul className="listener-tree">
        {v.names.map((n) => (
          <li key={n} className={n === v.lit?.listener ? 'lit' : undefined}>
            <code>{n}</code>
            {n === v.open && (
              <ul>
                {chains.map((fc, i) => (
                  <li key={i} className={i === v.lit?.chain ? 'lit' : undefined}>
                    chain <code>{fc.name ?? i}</code>{' '}
                    <span className="muted">({matchText(fc)})</span>
                    <ul>
                      {filtersOf(fc).map((f) => (
                        <li key={f.network}>
                          <code>{f.network}</code>
                          {f.http.length > 0 && (
                            <ol className="http-filters">
                              {f.http.map((h) => (
                                <li
                                  key={h}
                                  className={
                                    i === v.lit?.chain && h === v.lit?.filter ? 'lit' : undefined
                                  }
                                >
                                  <code>{h}</code>
                                </li>
                              ))}
                            </ol>
                          )}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {v.dump && (
        <details className="config-dump" open>
          <summary>
            <code>/config_dump</code> — dynamic_listeners: {v.dump.name}
            {v.lit?.chain !== null && v.lit?.chain !== undefined
              ? ' (the matched chain; others elided)'
              : ' (chains elided)'}
          </summary>
          <pre tabIndex={0} aria-label="config_dump JSON of the listener">
            {JSON.stringify(elided(v.dump, v.lit?.chain ?? null), null, 2)}
          </pre>
        </details>
      )}
    </section>
  );
}
