import type { EpisodeInfo, Snapshot } from './runner';
import { shortVersion, STATE_TEXT } from './constants';
import type { IstiodSummary } from './selectors';
import { stateColorVar } from './Grid';

const n = (x: number): string => x.toLocaleString('en-US');
const msText = (us: number): string => `${(us / 1000).toFixed(us < 10_000 ? 1 : 0)} ms`;
const span = (us: number): string => (us < 2_000_000 ? msText(us) : `${(us / 1e6).toFixed(1)} s`);

/** The grid's legend and text equivalent: proxies in each state now. */
export function StateTable({ counts }: { counts: number[] | null }) {
  return (
    <table className="scale-table" data-testid="scale-states">
      <caption>Proxies per state (each cell of the grid)</caption>
      <thead>
        <tr>
          <th scope="col">state</th>
          <th scope="col">proxies</th>
        </tr>
      </thead>
      <tbody>
        {STATE_TEXT.map((s, k) => (
          <tr key={s.name}>
            <th scope="row">
              <span className="swatch" style={{ background: `var(${stateColorVar(k)})` }} />
              {s.name} <span className="scale-means">— {s.means}</span>
            </th>
            <td data-testid={`scale-count-${k}`}>{n(counts?.[k] ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Istiod's push machinery, in words. */
export function IstiodPanel({ s }: { s: IstiodSummary | null }) {
  if (!s) return null;
  const d = s.debounce;
  return (
    <dl className="scale-istiod" data-testid="scale-istiod">
      <dt>Istiod</dt>
      <dd>
        {s.up ? 'up' : 'down: sidecars serve their cached config'} · {s.cores}{' '}
        {s.cores === 1 ? 'CPU' : 'CPUs'}
      </dd>
      <dt>Debounce</dt>
      <dd>
        {d
          ? `${d.events} ${d.events === 1 ? 'event' : 'events'} merged (${d.full ? 'full' : 'EDS-only'}); last ${msText(d.sinceLast)} ago, first ${msText(d.sinceFirst)} ago`
          : s.building
            ? 'done: building the new PushContext'
            : 'idle'}
      </dd>
      <dt>Push throttle</dt>
      <dd>
        {s.inProgress} of {s.throttle} slots pushing · {n(s.queued)} queued
      </dd>
      <dt>Streams</dt>
      <dd>
        {n(s.connected)} connected · {s.admitting} waiting for admission ({s.throttle} a second) ·{' '}
        {n(s.refused)} refused (RESOURCE_EXHAUSTED) since Istiod started
      </dd>
      <dt>Version</dt>
      <dd>{s.up ? shortVersion(s.version) : '—'}</dd>
    </dl>
  );
}

/** What the last change did, in one or two sentences (announced politely when it settles). */
export function episodeText(ep: EpisodeInfo, snap: Snapshot): string {
  const i = snap.istiod;
  const parts: string[] = [`${ep.label}.`];
  if (ep.rejected > 0)
    parts.push(
      'The API server refused it: Istio’s validating webhook runs in Istiod, which is down. Nothing changes.',
    );
  const startUp = ep.id === 1;
  if (startUp && ep.refused > 0)
    parts.push(
      `Istiod admits ${i.throttle} new streams a second: ${n(ep.refused)} were refused (RESOURCE_EXHAUSTED) and retried with backoff.`,
    );
  if (ep.push && !startUp) {
    const kind = ep.push.full ? 'A full push' : 'An EDS-only push (same version)';
    parts.push(
      `${kind} to ${n(ep.push.proxies)} proxies started ${span(ep.push.at)} after it${ep.pushes > 1 ? ` (${ep.pushes} debounce rounds)` : ''}.`,
    );
  } else if (i.debounce && ep.rejected === 0)
    parts.push(`Debouncing: the push waits for ${msText(100_000)} without a new event.`);
  if (ep.convergedAt !== null) {
    parts.push(
      `Every proxy SYNCED on ${shortVersion(i.version)} ${span(ep.convergedAt)} after the ${startUp ? 'start' : 'change'} (last ACK at ${span(ep.lastAckAt ?? 0)}), at most ${ep.maxInProgress} pushes at once${ep.refused > 0 && !startUp ? `; ${n(ep.refused)} streams refused and retried` : ''}.`,
    );
  } else if (!i.up) parts.push('No proxy is connected; each retries with backoff.');
  return parts.join(' ');
}

/** The engine's own cost (the benchmark reads it): wall ms spent simulating the episode. */
export function EngineCost({ ep }: { ep: EpisodeInfo }) {
  return (
    <p className="scale-cost">
      Simulated in <span data-testid="scale-busy-ms">{Math.round(ep.busyMs)}</span> ms of this
      computer’s time (in a worker).
    </p>
  );
}
