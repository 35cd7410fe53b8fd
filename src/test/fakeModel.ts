import { Simulation, type ModelDef } from '../engine/core';
import type { EngineOptions, SceneModel } from '../engine/core/sceneModel';
import { ms } from '../engine/core/time';
import { nameRule, parseWithSchema } from '../engine/core/commandSchema';

/**
 * A toy model for the platform's component tests, deliberately unlike the mesh: a server pushes
 * versions to three clients, which ACK (or NACK once broken); the server can be stopped; every
 * client ticks every 5 ms. The platform must drive it with no word of any real scene.
 */
export const CLIENTS = ['alpha', 'beta', 'gamma'] as const;

export type FakeCommand =
  { kind: 'server.stop' } | { kind: 'server.start' } | { kind: 'client.break'; client: string };
export type FakeTrace =
  | { t: number; type: 'push'; version: number }
  | { t: number; type: 'recv'; client: string; version: number }
  | { t: number; type: 'ack'; client: string; version: number }
  | { t: number; type: 'nack'; client: string; version: number }
  | { t: number; type: 'tick'; client: string }
  | { t: number; type: 'server.down' }
  | { t: number; type: 'server.up' }
  | { t: number; type: 'command'; command: FakeCommand };

export interface FakeState {
  up: boolean;
  version: number;
  broken: string | null;
  acked: Record<string, number>;
  ticks: number;
  log: { t: number; text: string; kind: string }[];
}
type Ev = { type: 'push' } | { type: 'arrive'; client: string; version: number } | { type: 'tick' };
export type FakeSim = Simulation<FakeState, Ev, FakeCommand, FakeTrace>;

const model: ModelDef<FakeState, Ev, FakeCommand, FakeTrace> = {
  init(sim) {
    sim.schedule(ms(1), { type: 'push' });
    sim.schedule(ms(5), { type: 'tick' });
    return { up: true, version: 1, broken: null, acked: {}, ticks: 0, log: [] };
  },
  handle(sim, ev) {
    const s = sim.state;
    if (ev.type === 'push') {
      if (!s.up) return;
      sim.emit({ t: sim.now, type: 'push', version: s.version });
      CLIENTS.forEach((client, i) =>
        sim.schedule(ms(2 + i), { type: 'arrive', client, version: s.version }),
      );
    } else if (ev.type === 'arrive') {
      sim.emit({ t: sim.now, type: 'recv', client: ev.client, version: ev.version });
      if (s.broken === ev.client)
        sim.emit({ t: sim.now, type: 'nack', client: ev.client, version: ev.version });
      else {
        s.acked[ev.client] = ev.version;
        sim.emit({ t: sim.now, type: 'ack', client: ev.client, version: ev.version });
      }
      s.log.push({ t: sim.now, text: `${ev.client} got version ${ev.version}`, kind: 'config' });
    } else {
      s.ticks++;
      sim.emit({ t: sim.now, type: 'tick', client: CLIENTS[s.ticks % 3] as string });
      sim.schedule(ms(5), { type: 'tick' });
    }
  },
  applyCommand(sim, c) {
    const s = sim.state;
    sim.emit({ t: sim.now, type: 'command', command: c });
    if (c.kind === 'server.stop') {
      s.up = false;
      sim.emit({ t: sim.now, type: 'server.down' });
    } else if (c.kind === 'server.start') {
      s.up = true;
      s.version++;
      sim.emit({ t: sim.now, type: 'server.up' });
      sim.schedule(ms(1), { type: 'push' });
    } else {
      s.broken = c.client;
      s.version++;
      sim.schedule(ms(100), { type: 'push' });
    }
    s.log.push({ t: sim.now, text: `command ${c.kind}`, kind: 'fault' });
  },
};

export const fakeModel: SceneModel<FakeCommand, FakeTrace, FakeSim, { tickMs?: number }> = {
  name: 'fake',
  create: (o: { tickMs?: number } & EngineOptions<FakeTrace>) =>
    new Simulation(model, {
      seed: o.seed,
      checkpointEvery: o.checkpointEvery,
      traceReducers: o.traceReducers,
    }),
  actorsOf: (e) => ('client' in e ? [e.client] : null),
  actors: () => CLIENTS,
  log: (sim) => sim.state.log,
  describe: (e) => `${e.type}${'client' in e ? ` ${e.client}` : ''}`,
  parseCommand: (v) =>
    parseWithSchema<FakeCommand>(
      { 'server.stop': {}, 'server.start': {}, 'client.break': { client: nameRule } },
      v,
    ),
};
