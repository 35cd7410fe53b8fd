import { Simulation, type ModelDef, type SimTime } from '../core';
import { ms } from '../core/time';

/**
 * A small client/server model used to test the engine core (determinism, seek, cancellation) in
 * Node and in the browser. Clients send requests at random intervals; each request arms a timeout
 * that is cancelled when the response arrives first. A `crash` command makes one server drop
 * requests until `heal`.
 */
export interface DemoState {
  servers: { busyUntil: number; down: boolean; served: number }[];
  inflight: Record<string, { timer: number; server: number }>;
  nextId: number;
  ok: number;
  timedOut: number;
}

export type DemoEvent =
  | { type: 'client.send'; client: number }
  | { type: 'server.reply'; id: number; server: number }
  | { type: 'client.timeout'; id: number };

export type DemoCommand = { kind: 'crash'; server: number } | { kind: 'heal'; server: number };

export type DemoTrace =
  | { t: SimTime; type: 'req.sent'; id: number; server: number }
  | { t: SimTime; type: 'req.ok'; id: number }
  | { t: SimTime; type: 'req.timeout'; id: number }
  | { t: SimTime; type: 'input.command'; command: DemoCommand };

type Sim = Simulation<DemoState, DemoEvent, DemoCommand, DemoTrace>;

const CLIENTS = 4;
const SERVERS = 3;
const TIMEOUT = ms(40);

/** The demo model definition. */
export const demoModel: ModelDef<DemoState, DemoEvent, DemoCommand, DemoTrace> = {
  init(sim) {
    for (let c = 0; c < CLIENTS; c++)
      sim.schedule(sim.rng.exp(ms(5)), { type: 'client.send', client: c });
    return {
      servers: Array.from({ length: SERVERS }, () => ({ busyUntil: 0, down: false, served: 0 })),
      inflight: {},
      nextId: 1,
      ok: 0,
      timedOut: 0,
    };
  },
  handle(sim, ev) {
    const s = sim.state;
    if (ev.type === 'client.send') {
      const id = s.nextId++;
      const server = sim.rng.int(SERVERS);
      const srv = s.servers[server];
      const timer = sim.schedule(TIMEOUT, { type: 'client.timeout', id });
      s.inflight[id] = { timer, server };
      sim.emit({ t: sim.now, type: 'req.sent', id, server });
      if (srv && !srv.down) {
        const start = Math.max(sim.now, srv.busyUntil);
        srv.busyUntil = start + sim.rng.exp(ms(3));
        sim.scheduleAt(srv.busyUntil, { type: 'server.reply', id, server });
      }
      sim.schedule(sim.rng.exp(ms(5)), { type: 'client.send', client: ev.client });
    } else if (ev.type === 'server.reply') {
      const req = s.inflight[ev.id];
      if (!req) return;
      sim.cancel(req.timer);
      delete s.inflight[ev.id];
      s.ok++;
      const srv = s.servers[ev.server];
      if (srv) srv.served++;
      sim.emit({ t: sim.now, type: 'req.ok', id: ev.id });
    } else {
      if (!s.inflight[ev.id]) return;
      delete s.inflight[ev.id];
      s.timedOut++;
      sim.emit({ t: sim.now, type: 'req.timeout', id: ev.id });
    }
  },
  applyCommand(sim, command) {
    const srv = sim.state.servers[command.server];
    if (srv) srv.down = command.kind === 'crash';
    sim.emit({ t: sim.now, type: 'input.command', command });
  },
};

/** Creates a demo simulation. */
export function createDemo(seed: number, checkpointEvery: SimTime = ms(100)): Sim {
  return new Simulation(demoModel, { seed, checkpointEvery });
}

/** Runs the demo for `until` with a fixed crash/heal schedule and returns its hashes. */
export function runDemo(seed: number, until: SimTime = ms(2000)) {
  const sim = createDemo(seed);
  sim.advanceTo(Math.floor(until / 3));
  sim.command({ kind: 'crash', server: 1 });
  sim.advanceTo(Math.floor((2 * until) / 3));
  sim.command({ kind: 'heal', server: 1 });
  sim.advanceTo(until);
  return {
    traceHash: sim.trace.digest(),
    stateHash: sim.stateHash(),
    processed: sim.processed,
    ok: sim.state.ok,
    timedOut: sim.state.timedOut,
  };
}
