import { describe, expect, it } from 'vitest';
import { createStepperMachine, stepMeta, stepperSend, stepperStart } from './stepper';
import { anchorTable } from './anchorTable';
import { panelFold } from './panelFold';
import { machineAnchors, reachableAnchors } from './reach';
import { ackMachine } from '../test/testScene';

const steps = ['a', 'b', 'c', 'd'].map((caption) => ({ caption, highlights: { p: caption } }));

describe('stepper machine', () => {
  it('reaches every step with NEXT, PREV undoes NEXT, GOTO jumps', () => {
    const m = createStepperMachine(steps);
    let s = stepperStart(m);
    const seen = [stepMeta(s).caption];
    for (let i = 0; i < 5; i++) {
      s = stepperSend(m, s, { type: 'NEXT' });
      seen.push(stepMeta(s).caption);
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'd', 'd']);
    s = stepperSend(m, s, { type: 'PREV' });
    expect(stepMeta(s)).toMatchObject({ index: 2, caption: 'c', highlights: { p: 'c' } });
    s = stepperSend(m, s, { type: 'GOTO.0' });
    expect(stepMeta(s).index).toBe(0);
    expect(stepMeta(stepperSend(m, s, { type: 'PREV' })).index).toBe(0);
  });
});

describe('panel fold', () => {
  type E = { t: number; type: string; client?: string };
  const fold = panelFold<E>(
    [
      { follows: 'selected', machine: ackMachine },
      { follows: 'all', machine: ackMachine },
    ],
    (e) => (e.client ? [e.client] : null),
  );
  const run = (es: E[]) => es.reduce((acc, e) => fold.reduce(acc, e), fold.initial);
  const anchorsFor = fold.anchors;

  it('keeps each actor’s panel state, sees model-wide entries everywhere, and shares unchanged values', () => {
    const s = run([
      { t: 1, type: 'recv', client: 'a' },
      { t: 2, type: 'ack', client: 'a' },
      { t: 3, type: 'nack', client: 'b' },
    ]);
    expect(anchorsFor(s, 'a')).toEqual(['ack', 'nack']);
    expect(anchorsFor(s, 'b')).toEqual(['nack', 'nack']);
    expect(anchorsFor(s, 'never-named')).toEqual(['wait', 'nack']);
    const wide = fold.reduce(s, { t: 4, type: 'recv' });
    expect(anchorsFor(wide, 'a')).toEqual(['recv', 'recv']);
    expect(anchorsFor(wide, 'never-named')).toEqual(['recv', 'recv']);
    expect(fold.reduce(s, { t: 5, type: 'unrelated', client: 'a' })).toBe(s);
    expect(fold.reduce(s, { t: 6, type: 'nack', client: 'b' })).toBe(s);
  });
});

describe('anchor tables', () => {
  it('compile to machines whose every anchor is reachable, with guards and local transitions', () => {
    type E = { type: string; ok?: boolean };
    const m = anchorTable<E>({
      id: 't',
      initial: null,
      on: {
        go: 'run',
        check: [{ to: 'good', when: (e) => e.ok === true }, 'bad'],
        stop: 'stopped',
      },
      dark: ['stopped'],
      from: { stopped: { start: 'idle' } },
    });
    expect([...reachableAnchors(m)].sort()).toEqual(['bad', 'good', 'run']);
    expect([...machineAnchors(m)].sort()).toEqual(['bad', 'good', 'run']);
    const f = panelFold<E & { t: number }>([{ follows: 'all', machine: m }], () => null);
    const seq = (es: E[]) =>
      f.anchors(
        es.reduce((a, e) => f.reduce(a, { t: 0, ...e }), f.initial),
        'x',
      )[0];
    expect(seq([])).toBeNull();
    expect(seq([{ type: 'check', ok: true }])).toBe('good');
    expect(seq([{ type: 'check', ok: false }])).toBe('bad');
    expect(seq([{ type: 'go' }, { type: 'stop' }])).toBeNull();
  });
});
