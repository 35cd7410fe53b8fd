import type { SceneEntry } from '../scene/types';

/**
 * Hooks for end-to-end tests and curious engineers: run the engine self-test, or a whole scene
 * headlessly, inside the page and compare with Node. The code is loaded only when asked for.
 */
export interface MeshScenesDebug {
  engineSelfTest(
    seed: number,
  ): Promise<{ traceHash: string; stateHash: string; processed: number }>;
  /** Plays every step of scene `n` headlessly: the hashes the curriculum test pins in Node. */
  sceneHashes(n: number, seed?: number): Promise<{ traceHash: string; stateHash: string } | null>;
}

declare global {
  interface Window {
    meshScenesDebug?: MeshScenesDebug;
  }
}

export function installDebugHooks(scenes: readonly SceneEntry[]): void {
  window.meshScenesDebug = {
    async engineSelfTest(seed) {
      const { runDemo } = await import('../engine/demo/queueingModel');
      return runDemo(seed);
    },
    async sceneHashes(n, seed) {
      const entry = scenes.find((s) => s.meta.number === n);
      if (!entry) return null;
      const [{ default: mod }, { runScene }] = await Promise.all([
        entry.load(),
        import('../scene/headless'),
      ]);
      const run = runScene(mod.def, seed);
      return { traceHash: run.traceHash, stateHash: run.stateHash };
    },
  };
}
