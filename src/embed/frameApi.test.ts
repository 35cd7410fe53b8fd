import { describe, expect, it } from 'vitest';
import { createRuntime } from '../app/createRuntime';
import { readSceneParams } from '../app/urlState';
import { testDef } from '../test/testScene';
import { eventTargets, startEmbedApi } from './frameApi';

const HOST = 'https://docs.example.org';

/** A framed page as the API sees it: its parent, its origin hints and its message listener. */
function framed(opts: { ancestor?: string; referrer?: string } = {}) {
  const posted: { data: Record<string, unknown>; target: string }[] = [];
  const parent = {
    postMessage: (data: Record<string, unknown>, target: string) => posted.push({ data, target }),
  };
  let listener: ((e: MessageEvent) => void) | null = null;
  const win = {
    parent,
    location: { ancestorOrigins: opts.ancestor ? [opts.ancestor] : [] },
    document: {
      referrer: opts.referrer ?? '',
      documentElement: { getBoundingClientRect: () => ({ height: 812.4 }) },
    },
    addEventListener: (_t: string, l: (e: MessageEvent) => void) => (listener = l),
    removeEventListener: () => (listener = null),
  };
  const send = (data: unknown, from: { source?: unknown; origin?: string } = {}) =>
    listener?.({
      data,
      source: 'source' in from ? from.source : parent,
      origin: from.origin ?? HOST,
    } as MessageEvent);
  const types = () => posted.map((p) => p.data['type']);
  return { win: win as unknown as Window, posted, send, types, hasListener: () => !!listener };
}

const runtime = () => {
  const { params, notices } = readSceneParams(new URLSearchParams('embed=1'), testDef);
  return createRuntime(testDef, params, notices, 't');
};
const command = (command: string, value?: unknown) => ({
  type: 'mesh-scenes:command',
  v: 1,
  command,
  ...(value === undefined ? {} : { value }),
});
/** What a host could observe or change: the step, playing, speed, theme, time. */
const observable = (rt: ReturnType<typeof runtime>) => ({
  step: rt.player.stepIndex,
  playing: rt.player.playing,
  now: rt.player.sim.now,
  speed: rt.ui.getState().speed,
  theme: rt.ui.getState().theme,
});

describe('the framed scene’s postMessage API', () => {
  it('with no host named, posts only its height, to any parent, and listens to nothing', () => {
    const f = framed({ ancestor: HOST });
    startEmbedApi(runtime(), [], f.win);
    expect(f.posted).toEqual([
      { data: { type: 'mesh-scenes:height', scene: 99, height: 813 }, target: '*' },
    ]);
    expect(f.hasListener()).toBe(false);
  });

  it('says ready to the allowed parent alone, then obeys its commands', () => {
    const rt = runtime();
    const f = framed({ ancestor: HOST });
    const api = startEmbedApi(rt, ['https://other.example', HOST], f.win);
    expect(f.types()).toEqual(['mesh-scenes:ready', 'mesh-scenes:height']);
    expect(f.posted.every((p) => p.target === HOST)).toBe(true);
    expect(f.posted[0]?.data).toMatchObject({ v: 1, scene: 99, step: 1, steps: 3, playing: false });

    f.send(command('step', 3));
    expect(rt.player.stepIndex).toBe(2);
    expect(f.posted.find((p) => p.data['type'] === 'mesh-scenes:step')?.data).toMatchObject({
      step: 3,
      steps: 3,
      caption: 'A NACK.',
    });
    f.send(command('speed', 10));
    expect(rt.ui.getState().speed).toBe(10);
    f.send(command('play'));
    expect(rt.player.playing).toBe(true);
    f.send(command('pause'));
    expect(rt.player.playing).toBe(false);
    f.send(command('prev'));
    expect(rt.player.stepIndex).toBe(1);
    f.send(command('theme', 'dark'));
    expect(rt.ui.getState().theme).toBe('dark');
    const states = f.posted.filter((p) => p.data['type'] === 'mesh-scenes:state');
    expect(states.at(-1)?.data).toMatchObject({
      step: 2,
      playing: false,
      speed: 10,
      theme: 'dark',
    });
    expect(api.ignored()).toBe(0);
    api.stop();
    expect(f.hasListener()).toBe(false);
  });

  it('ignores other windows, other origins and malformed or hostile messages, changing nothing', () => {
    const rt = runtime();
    const f = framed({ ancestor: HOST });
    const api = startEmbedApi(rt, [HOST], f.win);
    const before = observable(rt);
    const sent = f.posted.length;
    f.send(command('step', 2), { source: {} }); // a sibling frame, even from the allowed origin
    f.send(command('step', 2), { source: null });
    f.send(command('step', 2), { origin: 'https://evil.example' });
    f.send(command('step', 2), { origin: 'null' });
    expect(f.posted.length).toBe(sent); // nothing is said to them
    for (const d of [
      command('step', 0),
      command('step', 4),
      command('step', '2'),
      command('speed', 3),
      command('speed', Infinity),
      command('theme', 'pink'),
      command('play', true),
      command('explode'),
      { ...command('play'), v: 2 },
      JSON.parse('{"type":"mesh-scenes:command","v":1,"command":"play","__proto__":{"x":1}}'),
      { ...command('play'), pad: 'x'.repeat(1_000_000) },
      'play',
      null,
      [command('play')],
    ])
      f.send(d);
    expect(observable(rt)).toEqual(before);
    expect(api.ignored()).toBe(18);
    // The allowed host hears why its own malformed commands were refused.
    const errors = f.posted.filter((p) => p.data['type'] === 'mesh-scenes:error');
    expect(errors).toHaveLength(11);
    expect(errors.every((e) => e.target === HOST && typeof e.data['reason'] === 'string')).toBe(
      true,
    );
    api.stop();
  });

  it('a parent that is not allowed hears nothing and drives nothing', () => {
    const rt = runtime();
    const f = framed({ ancestor: 'https://evil.example' });
    startEmbedApi(rt, [HOST], f.win);
    f.send(command('step', 3), { origin: 'https://evil.example' });
    expect(rt.player.stepIndex).toBe(0);
    expect(f.posted).toEqual([]);
  });

  it('targets the parent when the browser names it, else every allowed origin', () => {
    expect(eventTargets([HOST, 'http://localhost:3000'], HOST)).toEqual([HOST]);
    expect(eventTargets([HOST], 'https://evil.example')).toEqual([]);
    expect(eventTargets([HOST, 'http://localhost:3000'], null)).toEqual([
      HOST,
      'http://localhost:3000',
    ]);
    const f = framed({ referrer: 'http://localhost:3000/docs/page.html' });
    startEmbedApi(runtime(), [HOST, 'http://localhost:3000'], f.win);
    expect(new Set(f.posted.map((p) => p.target))).toEqual(new Set(['http://localhost:3000']));
  });
});
