import { describe, expect, it } from 'vitest';
import { createStepperMachine, stepMeta, stepperSend, stepperStart } from './stepper';
import { anchorOf, TraceFollower } from './traceFollower';
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

describe('trace follower', () => {
  const trace = (entries: { t: number; type: string; pod?: string }[]) => ({
    count: entries.length,
    recent: (n = entries.length) => entries.slice(-n),
  });
  const mine = (e: { pod?: string }, pod: string) => e.pod === undefined || e.pod === pod;

  it('feeds new entries incrementally and refolds when the epoch or the pod changes', () => {
    const f = new TraceFollower<{ t: number; type: string; pod?: string }>(ackMachine, mine);
    const es = [{ t: 1, type: 'xds.response', pod: 'a' }];
    expect(anchorOf(f.update(trace(es), 0, 'a'))).toBe('recv');
    es.push({ t: 2, type: 'xds.ack', pod: 'a' }, { t: 3, type: 'xds.nack', pod: 'b' });
    expect(anchorOf(f.update(trace(es), 0, 'a'))).toBe('ack');
    expect(anchorOf(f.update(trace(es), 0, 'b'))).toBe('nack');
    expect(anchorOf(f.update(trace(es.slice(0, 1)), 1, 'a'))).toBe('recv');
  });
});
