declare module 'simjs' {
  export class Entity {
    constructor(sim: Sim, name?: string);
    time(): number;
    setTimer(duration: number): { done(cb: () => void, context?: unknown): unknown };
  }
  export class Sim {
    addEntity<T extends Entity>(klass: new (sim: Sim, name?: string) => T, name?: string): T;
    simulate(endTime: number, maxEvents?: number): boolean;
  }
}
