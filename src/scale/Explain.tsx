import { throttleFor } from './constants';

/**
 * How to read the view: debounce, full vs EDS-only pushes and their scope, the push throttle and
 * stream admission — each as docs/fidelity.md §2 and §6 state it.
 */
export function Explain({ cores, embed }: { cores: number; embed: boolean }) {
  const limit = throttleFor(cores);
  const body = (
    <ul className="scale-explain-list">
      <li>
        <strong>Debounce.</strong> Istiod merges config events and pushes once 100 ms pass with no
        new one (<code>PILOT_DEBOUNCE_AFTER</code>); under continuous churn it pushes 10 s after the
        first (<code>PILOT_DEBOUNCE_MAX</code>). Only one push runs at a time. Endpoint events are
        debounced too. Try the five quick edits: one push.
      </li>
      <li>
        <strong>Full or EDS-only.</strong> A VirtualService edit is a full push (up to Istio 1.31
        every config change is): a new PushContext, a new version, and CDS, LDS and RDS again — not
        EDS. It goes to every proxy whose scope imports the VirtualService’s namespace: with no
        Sidecar resource, all 1,000. The meshConfig change re-sends all four types to everyone. A
        failed readiness probe is an endpoint event: an EDS-only push for that one service, with the
        same version (the chart stays flat; the grid still moves).
      </li>
      <li>
        <strong>Push throttle.</strong> At most min(15 + 5 × CPUs, 100) proxies are pushed at once (
        <code>PILOT_PUSH_THROTTLE</code>, automatic since Istio 1.21): {limit} with {cores}{' '}
        {cores === 1 ? 'CPU' : 'CPUs'}. Each proxy has at most one pending push; a new request for
        it merges into the pending one. “Queued” in the grid is that wait: istioctl still shows
        those proxies as SYNCED, since they ACKed everything sent so far.
      </li>
      <li>
        <strong>Stream admission.</strong> Istiod admits min(15 + 5 × CPUs, 100) new xDS streams a
        second (<code>PILOT_MAX_REQUESTS_PER_SECOND</code>); a stream that would wait more than 1 s
        is refused with <code>RESOURCE_EXHAUSTED</code> and the proxy retries with backoff. Kill and
        restore Istiod: with {limit} a second, 1,000 proxies need about {Math.round(1000 / limit)} s
        to get back (play at 1× or faster). Meanwhile every Envoy serves its cached config.
      </li>
    </ul>
  );
  return embed ? (
    <details className="scale-explain">
      <summary>How to read it</summary>
      {body}
    </details>
  ) : (
    <section className="scale-explain" aria-labelledby="scale-explain-title">
      <h3 id="scale-explain-title">How to read it</h3>
      {body}
    </section>
  );
}

/** What this view leaves out or models with fixed costs. */
export function Simplified() {
  return (
    <section className="scale-explain" aria-labelledby="scale-simplified-title">
      <h3 id="scale-simplified-title">Simplified</h3>
      <ul className="scale-explain-list">
        <li>
          Istiod’s work has modelled costs: a PushContext takes 1 ms + 20 µs per service to build, a
          push holds its slot 150 µs + 2 µs per resource; an xDS message takes 1–3 ms plus 10 µs per
          KB.
        </li>
        <li>One Istiod replica, no Sidecar resources, no requests between the pods.</li>
        <li>
          Changing the CPU count starts a new run (in a cluster a new Istiod pod rolls out and the
          proxies reconnect to it); the start-up is simulated as fast as this computer can.
        </li>
        <li>
          Each cell’s version is the <code>version_info</code> of the last LDS update its Envoy
          accepted.
        </li>
      </ul>
    </section>
  );
}
