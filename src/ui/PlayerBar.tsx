import { runAction } from '../runtime/actions';
import { formatTime } from '../engine/core/time';
import { jsonKey, usePlayerSelect, useRuntime } from '../runtime/context';
import { formatSpeed, SPEEDS } from '../runtime/speed';
import { setSlowMotion, setSpeed, useUi } from '../store/uiStore';
import { Timeline } from './Timeline';
import { useCoarse } from './useCoarse';

/** Play/pause, narrative and single-event stepping, reset, speed, and the timeline scrubber. */
export function PlayerBar() {
  const rt = useRuntime();
  const player = usePlayerSelect(
    (p) => ({
      playing: p.playing,
      stepIndex: p.stepIndex,
      atStart: p.sim.processed === 0,
      waiting: p.waiting,
      slowed: p.playing && p.slowed,
    }),
    jsonKey,
  );
  const speed = useUi(rt.ui, (s) => s.speed);
  const slowMotion = useUi(rt.ui, (s) => s.slowMotion);
  const hasSlowMotion = rt.def.model.slowMotion !== undefined;
  const { def, idPrefix } = rt;
  const scale = def.setup.timeScale;
  const last = def.steps.length - 1;
  const act = (a: Parameters<typeof runAction>[1]) => () => runAction(rt, a);
  return (
    <div className="player-bar" role="group" aria-label="Player controls">
      <button
        type="button"
        className="btn primary"
        onClick={act('toggle')}
        aria-keyshortcuts="Space"
      >
        {player.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={act('prev')}
        disabled={player.stepIndex === 0}
        aria-keyshortcuts="ArrowLeft"
      >
        ◀ Step
      </button>
      <span className="step-count" aria-label="Narrative step">
        {player.stepIndex + 1} / {last + 1}
      </span>
      <button
        type="button"
        className="btn"
        onClick={act('next')}
        disabled={player.stepIndex === last}
        aria-keyshortcuts="ArrowRight"
      >
        Step ▶
      </button>
      <button
        type="button"
        className="btn"
        onClick={act('eventBack')}
        disabled={player.atStart}
        aria-label="One engine event back"
        aria-keyshortcuts=","
      >
        ‹ event
      </button>
      <button
        type="button"
        className="btn"
        onClick={act('eventFwd')}
        aria-label="One engine event forward"
        aria-keyshortcuts="."
      >
        event ›
      </button>
      <button type="button" className="btn" onClick={act('reset')} aria-keyshortcuts="r">
        ↺ Reset
      </button>
      <label className="speed" htmlFor={`${idPrefix}-speed`}>
        Speed
        <select
          id={`${idPrefix}-speed`}
          value={speed}
          onChange={(e) => setSpeed(rt.ui, Number(e.target.value))}
        >
          {SPEEDS[scale].map((s) => (
            <option key={s} value={s}>
              {formatSpeed(scale, s)}
            </option>
          ))}
        </select>
      </label>
      {hasSlowMotion && (
        <button
          type="button"
          className="btn"
          aria-pressed={slowMotion}
          onClick={() => setSlowMotion(rt.ui, !slowMotion)}
          title="Slow time down while config messages travel, so each is seen moving"
        >
          Slow motion
        </button>
      )}
      <Timeline />
      <SimClock />
      {player.slowed && slowMotion && (
        <span className="slowed" role="status" data-testid="slow-motion">
          slow motion: config messages in flight
        </span>
      )}
      {player.waiting && <span className="waiting">running to the step’s event…</span>}
    </div>
  );
}

/** The simulated time (coarse while playing, so most frames change no DOM outside the diagram). */
function SimClock() {
  const now = useCoarse((p) => p.sim.now);
  return (
    <span className="sim-time" aria-label="Simulated time">
      t = {formatTime(now)}
    </span>
  );
}
