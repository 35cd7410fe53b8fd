import { setup } from 'xstate';
import type { SceneDef, SceneModule } from '../../scenes/types';
import { fakeMesh } from './fakeMesh';

/** A small scene on the fake mesh, for component tests of the player and the code panels. */
export const ackMachine = setup({ types: { events: {} as { type: string } } }).createMachine({
  id: 'ack',
  initial: 'waiting',
  on: { 'xds.response': '.received', 'xds.ack': '.acked', 'xds.nack': '.nacked' },
  states: {
    waiting: { meta: { anchor: 'wait' } },
    received: { meta: { anchor: 'recv' } },
    acked: { meta: { anchor: 'ack' } },
    nacked: { meta: { anchor: 'nack' } },
  },
});

const source = [
  'loop:  # @anchor wait',
  '    resp = stream.recv()  # @anchor recv',
  '    stream.send(ack(resp.nonce))  # @anchor ack',
  '    stream.send(nack(resp.nonce))  # @anchor nack',
].join('\n');

export const testDef: SceneDef = {
  number: 99,
  slug: 'test',
  title: 'Test scene',
  subtitle: 'fake mesh',
  caption: 'A caption.',
  previously: 'Before.',
  setup: { seed: 7, timeScale: 'realtime', speed: 1, select: 'web-1' },
  steps: [
    { caption: 'First ACK.', highlights: { p: 'ack' }, waitFor: { type: 'xds.ack', pod: 'web-1', xds: 'RDS' } },
    { caption: 'Kill Istiod.', highlights: {}, commands: [{ kind: 'istiod.kill' }], runForMs: 50 },
    { caption: 'A NACK.', highlights: { p: 'nack' }, commands: [{ kind: 'istiod.restore' }, { kind: 'config.pushBad', pod: 'cart-1' }], select: 'cart-1', waitFor: { type: 'xds.nack', pod: 'cart-1' } },
  ],
  panels: [{ id: 'p', title: 'Sidecar.loop', subtitle: 'one line', source, followsSidecar: true, machine: ackMachine }],
  tryThis: [
    { kind: 'toggle', id: 'istiod', label: 'Istiod', help: 'Kill it.', key: 'k', onLabel: 'Restore Istiod', offLabel: 'Kill Istiod', isOn: (v) => !v.istiod.up, on: { kind: 'istiod.kill' }, off: { kind: 'istiod.restore' } },
  ],
  senders: { ACK: { panel: 'p', anchor: 'ack' } },
  simplified: ['a fake model.'],
};

export const testModule: SceneModule = { def: testDef, engine: fakeMesh, View: () => null };
