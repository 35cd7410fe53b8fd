import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/core/simulation';
import type { SceneRuntime } from '../runtime/context';
import { createPlayer, type AnyPlayer } from '../runtime/player';
import { eraseScene, type AnySceneDef } from '../scene/types';
import { createUiStore } from '../store/uiStore';
import { meshTestScene } from '../test/meshScene';
import type { FakeSim } from '../test/fakeModel';
import { testScene } from '../test/testScene';
import { buildRunFile, MAX_RUN_FILE_BYTES, readRunFile, type RunFile } from './runFile';
import { openRunFile, runFileActions } from './runFileOpen';

const toy = eraseScene(testScene);
const mesh = eraseScene(meshTestScene);

function runtime(def: AnySceneDef, step = 0): SceneRuntime {
  const player = createPlayer(def);
  player.goToStep(step);
  const ui = createUiStore({ speed: def.setup.speed, selected: def.setup.select });
  return { def, player, ui, idPrefix: 't' };
}
const fileOf = (rt: SceneRuntime): RunFile =>
  buildRunFile(rt.def, rt.player, rt.ui.getState()).file;
/** What must not change when a file is refused. */
const look = (p: AnyPlayer) =>
  JSON.stringify([p.sim.stateHash(), p.sim.inputLog, p.runs.list.map((r) => r.id), p.seed]);

describe('run file: round trip', () => {
  it('export → import reopens the same state hash (mesh: Istiod killed, one event forward)', async () => {
    const a = runtime(mesh);
    a.player.command({ kind: 'istiod.kill' });
    a.player.sim.advanceTo(a.player.sim.now + 2_000_000);
    a.player.stepEvent();
    const text = runFileActions(a).save().text;
    const b = runtime(mesh);
    const r = await openRunFile(b, text);
    expect(r).toMatchObject({ ok: true, exact: true });
    expect(r.ok && r.message).toMatch(/^Reopened exactly: scene 98 at /);
    expect(b.player.sim.stateHash()).toBe(a.player.sim.stateHash());
    expect(b.player.sim.now).toBe(a.player.sim.now);
    expect(b.player.learnerChanges).toBe(1);
    // The run that was on screen is kept.
    expect(b.player.runs.list).toHaveLength(1);
  });

  it('lands on a run paused in the middle of a microsecond, a command given there included', async () => {
    const a = runtime(toy);
    // At 5 ms a client's tick and an arrival share the microsecond: stop between them.
    while (a.player.sim.now < 5_000) a.player.stepEvent();
    a.player.command({ kind: 'client.break', client: 'beta' });
    const b = runtime(toy);
    const r = await openRunFile(b, JSON.stringify(fileOf(a)));
    expect(r).toMatchObject({ ok: true, exact: true });
    expect(b.player.sim.processed).toBe(a.player.sim.processed);
    expect(b.player.sim.inputLog).toEqual(a.player.sim.inputLog);
  });

  it('lands on a run stepped back one event, and carries the branches', async () => {
    const a = runtime(toy, 1);
    a.player.command({ kind: 'client.break', client: 'gamma' });
    a.player.goToStep(0); // the run with the change is kept: a branch
    a.player.sim.advanceTo(40_000);
    a.player.backEvent();
    const file = fileOf(a);
    expect(file.branches).toHaveLength(1);
    const b = runtime(toy);
    const r = await openRunFile(b, JSON.stringify(file));
    expect(r).toMatchObject({ ok: true, exact: true });
    expect(r.ok && r.message).toContain('with 1 other run from the file');
    expect(b.player.sim.stateHash()).toBe(a.player.sim.stateHash());
    expect(b.player.runs.list.map((x) => x.log)).toContainEqual(a.player.runs.list[0]?.log);
  });

  it('names the file after the scene and the time shown, and restores speed and selection', async () => {
    const a = runtime(toy);
    a.ui.setState({ speed: 2, selected: 'gamma' });
    const { name } = buildRunFile(a.def, a.player, a.ui.getState());
    expect(name).toBe(`scene-99-run-${(a.player.sim.now / 1e6).toFixed(3)}s.json`);
    const b = runtime(toy);
    await openRunFile(b, JSON.stringify(fileOf(a)));
    expect(b.ui.getState()).toMatchObject({ speed: 2, selected: 'gamma' });
  });

  it('an edited file opens, but says its state differs from the one saved', async () => {
    const a = runtime(toy);
    const file = { ...fileOf(a), stateHash: '0123456789abcdef' };
    const b = runtime(toy);
    const r = await openRunFile(b, JSON.stringify(file));
    expect(r).toMatchObject({ ok: true, exact: false });
    expect(r.message).toMatch(/the state differs from the one saved/);
  });
});

describe('run file: every refusal changes nothing', () => {
  const good = (): RunFile => {
    const a = runtime(toy);
    a.player.command({ kind: 'server.stop' });
    a.player.sim.advanceTo(a.player.sim.now + 10_000);
    return fileOf(a);
  };
  const cases: [string, (f: RunFile) => unknown, RegExp][] = [
    ['not JSON', () => '{"format":', /not JSON/],
    ['a list', () => [], /not a saved run/],
    ['another format', (f) => ({ ...f, format: 'other' }), /not a saved run/],
    [
      'another version',
      (f) => ({ ...f, version: 2 }),
      /format version 2; this page reads version 1/,
    ],
    ['no scene', (f) => ({ ...f, scene: null }), /which scene/],
    ['another model', (f) => ({ ...f, model: 'mesh' }), /not for the fake model/],
    ['a negative seed', (f) => ({ ...f, seed: -1 }), /seed/],
    ['a fractional seed', (f) => ({ ...f, seed: 1.5 }), /seed/],
    ['a seed as text', (f) => ({ ...f, seed: '7' }), /seed/],
    ['step 0', (f) => ({ ...f, step: 0 }), /step must be 1 to/],
    ['a step past the last', (f) => ({ ...f, step: 99 }), /step must be 1 to/],
    ['a log that is not a list', (f) => ({ ...f, log: {} }), /not a list of at most/],
    ['a log too long', (f) => ({ ...f, log: Array(2001).fill(f.log[0]) }), /at most 2000/],
    [
      'an entry that is a list',
      (f) => ({ ...f, log: [[0, 0, { kind: 'server.stop' }]] }),
      /entry 1 is not an object/,
    ],
    [
      'an entry at a negative time',
      (f) => ({ ...f, log: [{ at: -1, after: 0, command: { kind: 'server.stop' } }] }),
      /bad time or position/,
    ],
    [
      'an unknown command',
      (f) => ({ ...f, log: [{ at: 0, after: 0, command: { kind: 'rm -rf' } }] }),
      /not a command of this scene/,
    ],
    [
      'a hostile command',
      (f) => ({
        ...f,
        log: [{ at: 0, after: 0, command: { kind: 'client.break', client: 'x'.repeat(10_000) } }],
      }),
      /not a command of this scene/,
    ],
    ['a prototype key', () => '{"__proto__":{"format":"mesh-scenes-run"}}', /not a saved run/],
    [
      'entries out of order',
      (f) => ({
        ...f,
        log: [
          { at: 9, after: 9, command: { kind: 'server.stop' } },
          { at: 1, after: 1, command: { kind: 'server.start' } },
        ],
      }),
      /out of order/,
    ],
    ['a time past its end', (f) => ({ ...f, t: f.end + 1 }), /time is out of range/],
    ['a negative event count', (f) => ({ ...f, processed: -1 }), /event count or log position/],
    [
      'a log position past the log',
      (f) => ({ ...f, logPosition: f.log.length + 1 }),
      /event count or log position/,
    ],
    ['a bad state hash', (f) => ({ ...f, stateHash: 'xyz' }), /16 hex digits/],
    ['branches that are not a list', (f) => ({ ...f, branches: 'all' }), /branches/],
    ['a bad branch', (f) => ({ ...f, branches: [{ ...f, seed: 'x' }] }), /branch 1: the seed/],
  ];
  for (const [what, edit, why] of cases)
    it(`refuses ${what}`, async () => {
      const f = edit(good());
      const text = typeof f === 'string' ? f : JSON.stringify(f);
      const b = runtime(toy);
      b.player.command({ kind: 'client.break', client: 'alpha' });
      const before = look(b.player);
      const r = await openRunFile(b, text);
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(why);
      expect(r.message).toMatch(/^Not opened: .*Your run is unchanged\.$/);
      expect(look(b.player)).toBe(before);
    });

  it('refuses a file too big, unparsed', () => {
    const r = readRunFile(' '.repeat(MAX_RUN_FILE_BYTES + 1), toy);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 512 kB/) });
  });

  it('a file for another scene names it, so the page can offer to open it there', () => {
    const r = readRunFile(JSON.stringify(fileOf(runtime(mesh))), toy);
    expect(r).toMatchObject({
      ok: false,
      error: 'the run is from scene 98 (Mesh test), not scene 99',
      otherScene: { number: 98, title: 'Mesh test' },
    });
  });

  it('a run the model cannot replay is refused before anything changes', async () => {
    // The toy model, except that breaking client "zeta" throws in its handler.
    const boom: AnySceneDef = {
      ...toy,
      model: {
        ...toy.model,
        create(o) {
          const sim = toy.model.create(o) as unknown as FakeSim;
          const def = sim.def;
          return new Simulation(
            {
              ...def,
              applyCommand(s, c) {
                if (c.kind === 'client.break' && c.client === 'zeta') throw new Error('boom');
                def.applyCommand(s, c);
              },
            },
            sim.options,
          ) as unknown as ReturnType<typeof toy.model.create>;
        },
      },
    };
    const file = good();
    file.log = [
      ...file.log,
      { at: file.t, after: file.processed, command: { kind: 'client.break', client: 'zeta' } },
    ];
    file.logPosition = file.log.length;
    const b = runtime(boom);
    const before = look(b.player);
    const r = await openRunFile(b, JSON.stringify(file));
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be replayed \(boom\)/),
    });
    expect(look(b.player)).toBe(before);
  });

  it('speed and selection that do not fit the scene are ignored, not fatal', () => {
    const r = readRunFile(JSON.stringify({ ...good(), speed: 3, selected: '<b>' }), toy);
    expect(r).toMatchObject({ ok: true, run: { speed: null, selected: null } });
  });
});
