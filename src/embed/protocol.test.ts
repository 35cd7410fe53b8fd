import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, parseEvent, parseHosts, parseOrigin, type CommandLimits } from './protocol';

const limits: CommandLimits = { steps: 5, speeds: [0.5, 1, 2, 10] };
const cmd = (o: Record<string, unknown>) => ({ type: 'mesh-scenes:command', v: 1, ...o });

describe('embed origins (the host= rule)', () => {
  it('accepts exact https origins and this machine over http', () => {
    for (const o of [
      'https://docs.example.org',
      'https://example.org:8443',
      'https://a-b.c.example',
      'https://203.0.113.7',
      'http://localhost',
      'http://localhost:4743',
      'http://127.0.0.1:5173',
      'https://localhost:9000',
    ])
      expect(parseOrigin(o), o).toBe(o);
  });

  it('refuses paths, wildcards, other schemes, default ports, upper case and look-alikes', () => {
    for (const o of [
      'https://docs.example.org/',
      'https://docs.example.org/guide',
      'https://docs.example.org?x=1',
      'https://docs.example.org#x',
      'https://*.example.org',
      '*',
      'https://example.org:443',
      'http://localhost:80',
      'http://docs.example.org',
      'http://localhost.evil.com',
      'http://127.0.0.1.nip.io',
      'http://127.0.0.2',
      'https://user@example.org',
      'https://user:pw@example.org',
      'HTTPS://Example.org',
      'https://example.org.',
      'https://exa mple.org',
      'https://example.org:99999',
      'https://example.org:0',
      'javascript:alert(1)',
      'data:text/html,x',
      'file://',
      'null',
      '',
      'https://' + 'a'.repeat(300) + '.org',
    ])
      expect(parseOrigin(o), o).toBeNull();
  });

  it('reads a comma-separated list, dropping duplicates and keeping what it refused', () => {
    expect(
      parseHosts('https://a.org, http://localhost:3000,https://a.org,https://b.org/x'),
    ).toEqual({
      hosts: ['https://a.org', 'http://localhost:3000'],
      rejected: ['https://b.org/x'],
    });
    const many = Array.from({ length: 10 }, (_, i) => `https://h${i}.org`).join(',');
    const r = parseHosts(many);
    expect(r.hosts).toHaveLength(8);
    expect(r.rejected).toEqual(['https://h8.org', 'https://h9.org']);
  });

  it('never accepts a value the browser would serialise differently (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const o = parseOrigin(s);
        if (o === null) return;
        const u = new URL(o);
        expect(u.origin).toBe(s);
        expect(['https:', 'http:']).toContain(u.protocol);
        if (u.protocol === 'http:') expect(['localhost', '127.0.0.1']).toContain(u.hostname);
      }),
    );
  });
});

describe('embed commands', () => {
  it('accepts each command with a valid value', () => {
    expect(parseCommand(cmd({ command: 'step', value: 3 }), limits)).toEqual({
      ok: true,
      cmd: { command: 'step', value: 3 },
    });
    expect(parseCommand(cmd({ command: 'speed', value: 10 }), limits)).toEqual({
      ok: true,
      cmd: { command: 'speed', value: 10 },
    });
    expect(parseCommand(cmd({ command: 'theme', value: 'dark' }), limits)).toMatchObject({
      ok: true,
    });
    for (const c of ['play', 'pause', 'next', 'prev', 'state'])
      expect(parseCommand(cmd({ command: c }), limits)).toEqual({ ok: true, cmd: { command: c } });
  });

  it('ignores what is not a command at all', () => {
    for (const d of [
      null,
      undefined,
      42,
      'mesh-scenes:command',
      [cmd({ command: 'play' })],
      { type: 'something-else', command: 'play' },
      new Date(),
      new Map([['type', 'mesh-scenes:command']]),
      Object.create({ type: 'mesh-scenes:command', v: 1, command: 'play' }),
    ])
      expect(parseCommand(d, limits)).toBeNull();
  });

  it('refuses out-of-range and wrongly typed values', () => {
    for (const d of [
      cmd({ command: 'step', value: 0 }),
      cmd({ command: 'step', value: 6 }),
      cmd({ command: 'step', value: 2.5 }),
      cmd({ command: 'step', value: '3' }),
      cmd({ command: 'step', value: NaN }),
      cmd({ command: 'step', value: Infinity }),
      cmd({ command: 'step' }),
      cmd({ command: 'speed', value: 3 }),
      cmd({ command: 'speed', value: -1 }),
      cmd({ command: 'speed', value: 1e308 }),
      cmd({ command: 'speed', value: '1' }),
      cmd({ command: 'theme', value: 'pink' }),
      cmd({ command: 'play', value: 1 }),
      cmd({ command: 'PLAY' }),
      cmd({ command: 'toString' }),
      cmd({ command: 'x'.repeat(1_000_000) }),
      cmd({ command: 'step', value: 1, v: 2 }),
      { type: 'mesh-scenes:command', command: 'play' },
      cmd({ command: 'play', extra: 'x'.repeat(100_000) }),
    ])
      expect(parseCommand(d, limits)).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('refuses prototype-pollution keys and pollutes nothing', () => {
    const hostile = [
      JSON.parse(
        '{"type":"mesh-scenes:command","v":1,"command":"play","__proto__":{"polluted":1}}',
      ),
      JSON.parse(
        '{"type":"mesh-scenes:command","v":1,"command":"play","constructor":{"prototype":{"polluted":1}}}',
      ),
      structuredClone(
        JSON.parse(
          '{"type":"mesh-scenes:command","v":1,"command":"step","value":2,"__proto__":{"x":1}}',
        ),
      ),
    ];
    for (const d of hostile)
      expect(parseCommand(d, limits)).toMatchObject({ ok: false, reason: /unknown field/ });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws, whatever arrives (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (d) => {
        const r = parseCommand(d, limits);
        expect(r === null || typeof r.ok === 'boolean').toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          command: fc.constantFrom('step', 'speed', 'theme', 'play', 'next'),
          value: fc.anything(),
        }),
        (o) => {
          const r = parseCommand(cmd(o), limits);
          if (r?.ok && 'value' in r.cmd) {
            if (r.cmd.command === 'step') expect(Number.isInteger(r.cmd.value)).toBe(true);
            if (r.cmd.command === 'speed') expect(limits.speeds).toContain(r.cmd.value);
          }
        },
      ),
    );
  });
});

describe('embed events (what the web component accepts)', () => {
  it('accepts the events a scene posts and refuses malformed ones', () => {
    const state = {
      scene: 5,
      step: 2,
      steps: 5,
      playing: false,
      time: 1.5,
      speed: 1,
      theme: 'system',
    };
    expect(parseEvent({ type: 'mesh-scenes:state', v: 1, ignored: 0, ...state })?.kind).toBe(
      'state',
    );
    expect(parseEvent({ type: 'mesh-scenes:height', v: 1, scene: 5, height: 900 })?.kind).toBe(
      'height',
    );
    // The height a frame with no allowed host posts (no `v`: the format before v1).
    expect(parseEvent({ type: 'mesh-scenes:height', scene: 5, height: 900 })?.kind).toBe('height');
    expect(parseEvent({ type: 'mesh-scenes:state', ignored: 0, ...state })).toBeNull();
    expect(parseEvent({ type: 'mesh-scenes:state', v: 1, ...state })).toBeNull();
    expect(parseEvent({ type: 'mesh-scenes:height', v: 1, scene: 5, height: '900' })).toBeNull();
    expect(parseEvent({ type: 'mesh-scenes:toString', v: 1, scene: 5 })).toBeNull();
    expect(parseEvent({ type: 'mesh-scenes:__proto__', v: 1, scene: 5 })).toBeNull();
    expect(parseEvent('mesh-scenes:ready')).toBeNull();
  });
});
