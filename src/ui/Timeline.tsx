import { formatTime, MILLISECOND } from '../engine/core/time';
import { useRuntime } from '../runtime/context';
import { useCoarse } from './useCoarse';

/** The scrubber: every position is exact (the engine restores a checkpoint and replays). */
export function Timeline() {
  const { idPrefix, player } = useRuntime();
  const now = useCoarse((p) => p.sim.now);
  const highWater = useCoarse((p) => p.highWater);
  const max = Math.max(highWater, now, MILLISECOND);
  const step = MILLISECOND;
  return (
    <label className="timeline" htmlFor={`${idPrefix}-timeline`}>
      <span className="sr-only">Timeline</span>
      <input
        id={`${idPrefix}-timeline`}
        type="range"
        min={0}
        max={Math.ceil(max / step) * step}
        step={step}
        value={Math.floor(now / step) * step}
        aria-valuetext={formatTime(now)}
        onChange={(e) => player.seek(Number(e.target.value))}
      />
    </label>
  );
}
