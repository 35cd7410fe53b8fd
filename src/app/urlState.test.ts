import { describe, expect, it } from 'vitest';
import { testDef } from '../test/testScene';
import { parseRoute, readSceneParams, sceneHash } from './urlState';

describe('URL state', () => {
  it('routes known scenes and falls back to the list with a notice otherwise', () => {
    expect(parseRoute('', [11])).toEqual({ kind: 'home' });
    const r = parseRoute('#/scene/11?step=3', [11]);
    expect(r.kind === 'scene' && r.number === 11 && r.query.get('step')).toBe('3');
    expect(parseRoute('#/scene/12', [11])).toMatchObject({
      kind: 'home',
      notice: expect.stringContaining('no scene'),
    });
    expect(parseRoute('#/scene/<script>', [11])).toMatchObject({ kind: 'home' });
    expect(parseRoute('#garbage', [11])).toMatchObject({
      kind: 'home',
      notice: expect.any(String),
    });
  });

  it('reads valid parameters exactly', () => {
    const { params, notices } = readSceneParams(
      new URLSearchParams(
        'step=2&seed=42&speed=2&server=down&client=beta&embed=1&theme=dark&slowmo=0&autoplay=1',
      ),
      testDef,
    );
    expect(notices).toEqual([]);
    expect(params).toEqual({
      step: 1,
      seed: 42,
      speed: 2,
      toggles: { server: true },
      sliders: {},
      select: 'beta',
      theme: 'dark',
      embed: true,
      hosts: [],
      slowMotion: false,
      autoplay: true,
      t: null,
      log: null,
    });
  });

  it('replaces every invalid parameter by its default, with one notice each', () => {
    const q =
      'step=0&seed=1e3&speed=Infinity&server=&client=../x&embed=yes&theme=pink&__proto__=1&istiod=down&autoplay=yes';
    const { params, notices } = readSceneParams(new URLSearchParams(q), testDef);
    expect(params).toEqual({
      step: 0,
      seed: 7,
      speed: 1,
      toggles: {},
      sliders: {},
      select: null,
      theme: null,
      embed: false,
      hosts: [],
      slowMotion: null,
      autoplay: null,
      t: null,
      log: null,
    });
    expect(notices).toHaveLength(10);
    expect(notices.join(' ')).toContain('Unknown parameter "istiod"');
  });

  it('writes a hash that reads back to the same view', () => {
    const hash = sceneHash(testDef, {
      step: 2,
      seed: 9,
      speed: 5,
      toggles: { server: true },
      sliders: {},
      select: 'beta',
      embed: false,
      theme: 'dark',
    });
    const r = parseRoute(hash, [99]);
    if (r.kind !== 'scene') throw new Error('not a scene route');
    expect(readSceneParams(r.query, testDef).params).toMatchObject({
      step: 2,
      seed: 9,
      speed: 5,
      toggles: { server: true },
      select: 'beta',
      theme: 'dark',
    });
  });
});

describe('URL state keeps a link’s autoplay', () => {
  it('writes autoplay back, so a reloaded embed plays as the teacher asked', () => {
    const hash = sceneHash(testDef, {
      step: 0,
      seed: 7,
      speed: 1,
      select: 'alpha',
      toggles: {},
      sliders: {},
      embed: true,
      autoplay: true,
    });
    const r = parseRoute(hash, [99]);
    if (r.kind !== 'scene') throw new Error('not a scene route');
    expect(readSceneParams(r.query, testDef).params).toMatchObject({ embed: true, autoplay: true });
  });
});
