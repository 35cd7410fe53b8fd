/**
 * Memoisation of view selectors: a selector's result is cached per simulation object (a WeakMap,
 * so a dropped simulation frees its cache) and per `sim.revision` (bumped whenever the state may
 * have changed, including seeks). Within one revision a selector returns the same object, so a
 * UI can compare results by identity (useSyncExternalStore) and re-render only on change.
 * Results are fresh objects (copies of the state's parts): the state is mutated in place.
 */
import type { SimTime } from '../../core/time';
import type { MeshState } from '../types';

/**
 * What selectors read of a mesh simulation: a `MeshSim` satisfies it, and so does any
 * `Simulation` over a `MeshState` whatever its event type.
 */
export interface MeshSource {
  readonly now: SimTime;
  readonly revision: number;
  readonly state: MeshState;
}

/** Caches `compute(sim)` per simulation and revision. */
export function memoBySim<R>(compute: (sim: MeshSource) => R): (sim: MeshSource) => R {
  const cache = new WeakMap<MeshSource, { rev: number; value: R }>();
  return (sim) => {
    const hit = cache.get(sim);
    if (hit && hit.rev === sim.revision) return hit.value;
    const value = compute(sim);
    cache.set(sim, { rev: sim.revision, value });
    return value;
  };
}

/**
 * Caches `compute(sim, ...args)` per simulation, revision and argument key (a parameterised
 * selector such as `routeTable(sim, pod)`); a new revision drops the previous revision's entries.
 */
export function memoBySimWith<A extends readonly unknown[], R>(
  key: (...args: A) => string,
  compute: (sim: MeshSource, ...args: A) => R,
): (sim: MeshSource, ...args: A) => R {
  const cache = new WeakMap<MeshSource, { rev: number; values: Map<string, R> }>();
  return (sim, ...args) => {
    let c = cache.get(sim);
    if (!c || c.rev !== sim.revision) {
      c = { rev: sim.revision, values: new Map() };
      cache.set(sim, c);
    }
    const k = key(...args);
    if (c.values.has(k)) return c.values.get(k) as R;
    const value = compute(sim, ...args);
    c.values.set(k, value);
    return value;
  };
}
