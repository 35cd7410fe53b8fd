import { describe, expect, it } from 'vitest';
import { readSceneParams, sceneHash } from './urlState';
import { decodeRunLog, encodeRunLog } from './runLink';
import { createRuntime } from './createRuntime';
import { testDef } from '../test/testScene';

const parse = testDef.model.parseCommand;
const b64 = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('a run in a link', () => {
  it('round-trips the input log, and reopens the same state at the same time', () => {
    const { params } = readSceneParams(new URLSearchParams('step=1'), testDef);
    const a = createRuntime(testDef, params, [], 'a');
    a.player.play();
    a.player.advance(12_000);
    a.player.command({ kind: 'client.break', client: 'beta' });
    a.player.advance(9_000);
    a.player.pause();
    const hash = sceneHash(testDef, {
      step: 0,
      seed: 7,
      speed: 1,
      select: 'alpha',
      toggles: {},
      sliders: {},
      embed: false,
      t: a.player.sim.now,
      log: encodeRunLog(a.player.sim.inputLog),
    });
    const q = new URLSearchParams(hash.split('?')[1]);
    const read = readSceneParams(q, testDef);
    expect(read.notices).toEqual([]);
    const b = createRuntime(testDef, read.params, [], 'b');
    expect(b.player.sim.now).toBe(a.player.sim.now);
    expect(b.player.sim.stateHash()).toBe(a.player.sim.stateHash());
  });

  it('refuses tampered logs with a reason, and the page falls back to the step', () => {
    const bad = (v: string) => decodeRunLog(v, parse);
    expect(bad('%%%')).toEqual({ error: 'not base64url text' });
    expect(bad(b64('[[0,0,{"kind":"rm -rf"}]]'))).toEqual({
      error: 'an entry is not a command of this scene',
    });
    expect(bad(b64('[[5,2,{"kind":"server.stop"}],[1,1,{"kind":"server.stop"}]]'))).toEqual({
      error: 'entries out of order',
    });
    expect(bad(b64('{"__proto__":1}'))).toEqual({ error: 'not a list of commands' });
    expect(bad(b64('[[0,0,{"kind":"client.break","client":"beta","extra":1}]]'))).toEqual({
      error: 'an entry is not a command of this scene',
    });
    const { params, notices } = readSceneParams(
      new URLSearchParams('step=2&log=zzz!&t=-4'),
      testDef,
    );
    expect(params.log).toBeNull();
    expect(params.t).toBeNull();
    expect(notices.join(' ')).toMatch(/Ignored log=.*not base64url/);
    expect(notices.join(' ')).toMatch(/Ignored t="-4"/);
  });
});
