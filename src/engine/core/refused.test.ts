import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  demoModel,
  type DemoCommand,
  type DemoEvent,
  type DemoState,
  type DemoTrace,
} from '../demo/queueingModel';
import { CommandRefused, Simulation, type ModelDef } from './simulation';
import { ms } from './time';

/**
 * The demo model, except that `heal` of server 99 throws half-way: after it has changed the state,
 * drawn from the RNG, scheduled and cancelled events and emitted a trace entry (the worst case).
 */
const BAD: DemoCommand = { kind: 'heal', server: 99 };
const model: ModelDef<DemoState, DemoEvent, DemoCommand, DemoTrace> = {
  ...demoModel,
  applyCommand(sim, c) {
    if (c.kind === 'heal' && c.server === 99) {
      sim.state.ok += 1000;
      (sim.state.servers[0] as { down: boolean }).down = true;
      sim.rng.u32();
      sim.schedule(ms(1), { type: 'client.send', client: 0 });
      const x = sim.schedule(ms(2), { type: 'client.send', client: 1 });
      sim.cancel(x);
      sim.emit({ t: sim.now, type: 'input.command', command: c });
      throw new Error('handler failed half-way');
    }
    demoModel.applyCommand(sim, c);
  },
};
const make = (seed: number, checkpointEvery = ms(50)) =>
  new Simulation(model, { seed, checkpointEvery });

function fingerprint(sim: Simulation<DemoState, DemoEvent, DemoCommand, DemoTrace>) {
  return {
    state: sim.stateHash(),
    trace: sim.trace.digest(),
    count: sim.trace.count,
    log: JSON.stringify(sim.inputLog),
    position: sim.logPosition,
    now: sim.now,
    processed: sim.processed,
  };
}

describe('a command is checked before it is recorded', () => {
  it('a command whose handler throws leaves the state and the input log unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: ms(400) }),
        fc.integer({ min: 0, max: ms(400) }),
        fc.constantFrom(0, ms(50), ms(7)),
        (seed, crashAt, badAt, every) => {
          const sim = make(seed, every);
          const [first, second] = crashAt <= badAt ? [crashAt, badAt] : [badAt, crashAt];
          sim.advanceTo(first);
          if (first === crashAt) sim.command({ kind: 'crash', server: 1 });
          sim.advanceTo(second);
          if (second === crashAt && first !== crashAt) sim.command({ kind: 'crash', server: 1 });
          const before = fingerprint(sim);
          expect(() => sim.command(BAD)).toThrow(CommandRefused);
          expect(fingerprint(sim)).toEqual(before);
          // The run goes on exactly as one that never saw the refused command.
          sim.advanceTo(ms(600));
          const clean = make(seed, every);
          clean.loadInputLog(sim.inputLog);
          clean.advanceTo(ms(600));
          expect(sim.stateHash()).toBe(clean.stateHash());
          expect(sim.trace.digest()).toBe(clean.trace.digest());
          // Seeks across the refused point keep working (checkpoints on).
          if (every > 0) {
            sim.seek(Math.floor(badAt / 2));
            sim.advanceTo(ms(600));
            expect(sim.stateHash()).toBe(clean.stateHash());
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports the failure as a CommandRefused carrying the command and the reason', () => {
    const sim = make(3);
    sim.advanceTo(ms(30));
    try {
      sim.command(BAD);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CommandRefused);
      expect((e as CommandRefused).command).toEqual(BAD);
      expect((e as CommandRefused).reason).toBe('handler failed half-way');
    }
    expect(sim.inputLog).toEqual([]);
  });

  it('after a seek back, a refused command keeps the recorded future (no new timeline)', () => {
    const sim = make(5);
    sim.advanceTo(ms(100));
    sim.command({ kind: 'crash', server: 0 });
    sim.advanceTo(ms(200));
    sim.command({ kind: 'heal', server: 0 });
    sim.advanceTo(ms(300));
    const end = sim.stateHash();
    sim.seek(ms(150));
    const before = fingerprint(sim);
    expect(() => sim.command(BAD)).toThrow(CommandRefused);
    expect(fingerprint(sim)).toEqual(before);
    expect(sim.inputLog).toHaveLength(2);
    sim.advanceTo(ms(300));
    expect(sim.stateHash()).toBe(end);
  });

  it('a refused command at the same point as recorded ones keeps their order', () => {
    const sim = make(8);
    sim.advanceTo(ms(40));
    sim.command({ kind: 'crash', server: 0 });
    sim.command({ kind: 'crash', server: 2 });
    const before = fingerprint(sim);
    expect(() => sim.command(BAD)).toThrow(CommandRefused);
    expect(fingerprint(sim)).toEqual(before);
    sim.command({ kind: 'heal', server: 0 });
    expect(sim.inputLog.map((e) => e.command)).toEqual([
      { kind: 'crash', server: 0 },
      { kind: 'crash', server: 2 },
      { kind: 'heal', server: 0 },
    ]);
  });

  it('does not tell trace subscribers twice about the entries it replays', () => {
    const sim = make(9);
    const seen: string[] = [];
    sim.trace.subscribe((e) => seen.push(`${e.t}:${e.type}`));
    sim.advanceTo(ms(120));
    const n = seen.length;
    expect(() => sim.command(BAD)).toThrow(CommandRefused);
    expect(seen).toHaveLength(n);
    expect(seen).toHaveLength(sim.trace.count);
    sim.command({ kind: 'crash', server: 1 }); // an accepted command's entries are heard
    sim.advanceTo(ms(130));
    expect(seen).toHaveLength(sim.trace.count);
    expect(seen).toContain(`${ms(120)}:input.command`);
  });
});
