import { CHAOS_FAULTS, healAll } from '../../engine/faults/chaos';
import type { MeshSim } from '../../engine/mesh/types';
import { mysteryView } from '../../engine/mesh/views/observeMystery';
import { jsonKey, simOf, useRuntime } from '../../runtime/context';
import { useCoarseSim } from '../useCoarse';

/** Every fault of the earlier scenes as a switch: each sends its real commands (input log). */
export function ChaosPanel() {
  const { idPrefix, player } = useRuntime();
  const on = useCoarseSim((sim: MeshSim) => CHAOS_FAULTS.map((f) => f.active(sim.state)), jsonKey);
  // [1]
  const locked = useCoarseSim((sim: MeshSim) => {
    const m = mysteryView(sim);
    return m !== null && m.guesses.length === 0;
  }, String);
  const id = `${idPrefix}-chaos`;
  const send = (cs: readonly unknown[]) => {
    for (const c of cs) player.command(c);
  };
  return (
    <section className="obs-card" aria-labelledby={id} data-testid="chaos-panel">
      <h3 id={id}>Chaos panel</h3>
      <p className="hint">
        Each switch sends the commands of an earlier scene’s fault; press again to heal it.
      </p>
      {locked && (
        <p className="obs-locked" data-testid="chaos-locked">
          Locked while a mystery is open: its switch would give the fault away. Name the fault in
          “Find the cause” to unlock the panel.
        </p>
      )}
      <ul className="obs-chaos">
        {CHAOS_FAULTS.map((f, i) => (
          <li key={f.id}>
            <button
              type="button"
              aria-pressed={!locked && (on[i] ?? false)}
              disabled={locked}
              data-fault={f.id}
              onClick={() => send(on[i] ? f.heal : f.inject)}
            >
              {f.label}
            </button>{' '}
            <span className="muted">scene {f.scene}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="obs-heal"
        data-testid="heal-all"
        disabled={locked}
        onClick={() => send(healAll(simOf<MeshSim>(player).state))}
      >
        Heal everything
      </button>
    </section>
  );
}

// [1] While a mystery has no answer yet, the switches' pressed state would name the injected
//     fault: the panel shows none and takes no input until the learner has answered.
