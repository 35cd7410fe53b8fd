/**
 * Hooks for end-to-end tests and curious engineers: run the engine self-test inside the page and
 * compare it with Node. The engine module is loaded only when asked for.
 */
export interface MeshScenesDebug {
  engineSelfTest(
    seed: number,
  ): Promise<{ traceHash: string; stateHash: string; processed: number }>;
}

declare global {
  interface Window {
    meshScenesDebug?: MeshScenesDebug;
  }
}

export function installDebugHooks(): void {
  window.meshScenesDebug = {
    async engineSelfTest(seed) {
      const { runDemo } = await import('../engine/demo/queueingModel');
      return runDemo(seed);
    },
  };
}
