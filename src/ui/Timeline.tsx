import { formatTime, MILLISECOND } from '../engine/core/time';
import { useRuntime, usePlayer } from '../runtime/context';

/** The scrubber: every position is exact (the engine restores a checkpoint and replays). */
export function Timeline() {
  const { idPrefix } = useRuntime();
  const player = usePlayer();
  const max = Math.max(player.highWater, player.sim.now, MILLISECOND);
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
        value={Math.floor(player.sim.now / step) * step}
        aria-valuetext={formatTime(player.sim.now)}
        onChange={(e) => player.seek(Number(e.target.value))}
      />
    </label>
  );
}
