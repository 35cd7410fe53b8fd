import { useEffect, useId, useRef, useState } from 'react';
import type { InputLogEntry } from '../../engine/core/simulation';
import { formatTime } from '../../engine/core/time';
import { jsonKey, usePlayerSelect, useRuntime } from '../../runtime/context';
import type { AnyPlayer } from '../../runtime/player';
import { headlessRun, replayTo } from '../../runtime/runs';
import { CompareTable } from './CompareTable';
import { diffSummaries, type DiffSection } from './diff';

const CURRENT = 'current';

interface Pick {
  label: string;
  seed: number;
  log: readonly InputLogEntry<unknown>[];
  end: number;
}

/** The run on screen, or a kept one, as a comparison reads it (null: no longer kept). */
function pick(player: AnyPlayer, which: string): Pick | null {
  if (which === CURRENT)
    return {
      label: 'This run',
      seed: player.seed,
      log: player.sim.inputLog.slice(),
      end: Math.max(player.highWater, player.sim.now),
    };
  const r = player.runs.list.find((x) => String(x.id) === which);
  return r ? { label: `Run ${r.id}`, seed: r.seed, log: r.log, end: r.end } : null;
}

type Result =
  | { kind: 'running'; text: string }
  | { kind: 'error'; text: string }
  | {
      kind: 'done';
      sections: DiffSection[];
      a: string;
      b: string;
      at: string;
      ms: number;
      n: number;
      sig: string;
    };

/**
 * Compare two runs side by side [1]: the run on screen or any kept run, replayed headlessly from
 * its seed and input log to the same simulated time (the earlier of their ends, or a time the
 * learner picks), then summarised by the scene's model — never read off the screen.
 */
export function ComparePanel() {
  const { player, def } = useRuntime();
  const id = useId();
  const runs = usePlayerSelect((p) => p.runs.list.map((r) => r.id), jsonKey);
  // What the comparison depends on: the run on screen (its seed and log) and the kept runs.
  const sig = usePlayerSelect(
    (p) => `${p.seed}:${p.sim.inputLog.length}:${p.runs.version}`,
    String,
  );
  // Re-read the run on screen's end as it plays (whole seconds are enough for the label).
  usePlayerSelect((p) => Math.floor(Math.max(p.highWater, p.sim.now) / 1e6), String);
  const [a, setA] = useState(CURRENT);
  const [b, setB] = useState<string>('');
  const [mode, setMode] = useState<'end' | 'chosen'>('end');
  const [chosen, setChosen] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const alive = useRef(true);
  const count = useRef(0);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const options = [CURRENT, ...runs.map(String)];
  const valA = options.includes(a) ? a : CURRENT;
  const valB = options.includes(b) ? b : (options.find((o) => o !== valA) ?? CURRENT);
  const pa = pick(player, valA);
  const pb = pick(player, valB);
  const earlier = pa && pb ? Math.min(pa.end, pb.end) : 0;
  const summary = def.model.summary;

  const compare = async () => {
    // The runs as they are now (the one on screen may have moved on since the last render).
    const pa = pick(player, valA);
    const pb = pick(player, valB);
    if (!pa || !pb || !summary) return;
    const earlier = Math.min(pa.end, pb.end);
    let t = earlier;
    if (mode === 'chosen') {
      const s = Number(chosen);
      if (chosen.trim() === '' || !Number.isFinite(s) || s < 0 || s * 1e6 > earlier) {
        setResult({
          kind: 'error',
          text: `Pick a time from 0 to ${(earlier / 1e6).toFixed(3)} s (the earlier end of the two runs).`,
        });
        return;
      }
      t = Math.round(s * 1e6);
    }
    const n = ++count.current;
    const at = formatTime(t);
    setResult({
      kind: 'running',
      text: `Replaying ${pa.label.toLowerCase()} and ${pb.label.toLowerCase()} to ${at}…`,
    });
    const started = performance.now();
    const cancelled = () => !alive.current || count.current !== n;
    try {
      const sums = [];
      for (const r of [pa, pb]) {
        const sim = headlessRun(def, r.seed, r.log);
        if (!(await replayTo(sim, t, { cancelled }))) return;
        sums.push(summary(sim));
      }
      const [sa, sb] = sums as [ReturnType<typeof summary>, ReturnType<typeof summary>];
      setResult({
        kind: 'done',
        sections: diffSummaries(sa, sb),
        a: pa.label,
        b: pb.label,
        at,
        ms: performance.now() - started,
        n,
        sig,
      });
    } catch (e) {
      if (!cancelled())
        setResult({
          kind: 'error',
          text: `Could not replay the runs (${e instanceof Error ? e.message.slice(0, 100) : 'error'}).`,
        });
    }
  };

  if (!summary) return null;
  const label = (o: string) => (o === CURRENT ? 'This run (on screen)' : `Run ${o}`);
  return (
    <details className="compare-panel" data-testid="compare-panel">
      <summary>Compare two runs side by side</summary>
      <p className="hint">
        Both runs are replayed from their seed and commands to the same simulated time, then
        counted: requests, config versions, proxy status. Rows that differ are marked ≠.
      </p>
      <div className="compare-controls">
        <label>
          First{' '}
          <select value={valA} onChange={(e) => setA(e.target.value)}>
            {options.map((o) => (
              <option key={o} value={o}>
                {label(o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Second{' '}
          <select value={valB} onChange={(e) => setB(e.target.value)}>
            {options.map((o) => (
              <option key={o} value={o}>
                {label(o)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>At</legend>
          <label>
            <input
              type="radio"
              name={`${id}-at`}
              checked={mode === 'end'}
              onChange={() => setMode('end')}
            />{' '}
            the earlier end ({formatTime(earlier)})
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-at`}
              checked={mode === 'chosen'}
              onChange={() => setMode('chosen')}
            />{' '}
            a time I pick:
          </label>{' '}
          <input
            type="number"
            min={0}
            max={earlier / 1e6}
            step={0.001}
            inputMode="decimal"
            aria-label="Time to compare at, in seconds"
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
              setMode('chosen');
            }}
            className="compare-time"
          />{' '}
          s
        </fieldset>
        <button
          type="button"
          className="btn primary"
          disabled={valA === valB}
          onClick={() => void compare()}
        >
          Compare
        </button>
        {valA === valB && <span className="hint">Pick two different runs.</span>}
      </div>
      <div role="status" className="compare-status">
        {result?.kind === 'running' && result.text}
        {result?.kind === 'error' && <span className="runfile-error">⚠ {result.text}</span>}
        {result?.kind === 'done' &&
          (result.sig === sig
            ? `Replayed both runs to ${result.at} in ${Math.round(result.ms)} ms.`
            : 'The runs have changed since this comparison: compare again.')}
      </div>
      {result?.kind === 'done' && result.sig === sig && (
        <CompareTable
          key={result.n}
          sections={result.sections}
          labelA={result.a}
          labelB={result.b}
          at={result.at}
        />
      )}
    </details>
  );
}

// [1] Learn Git Branching shows branches side by side as a tree; here two branches of a run are
//     compared by what they did: counters, config versions and proxy status at one moment.
