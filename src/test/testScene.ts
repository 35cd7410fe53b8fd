import { anchorTable } from '../machines/anchorTable';
import { defineScene, eraseScene, type SceneModule } from '../scene/types';
import { fakeModel, type FakeTrace } from './fakeModel';

/** A small scene on the toy model, for component tests of the player, the panels and the URL. */
export const ackMachine = anchorTable<FakeTrace>({
  id: 'ack',
  initial: 'wait',
  on: { recv: 'recv', ack: 'ack', nack: 'nack' },
});

const source = [
  'loop:  # @anchor wait',
  '    resp = stream.recv()  # @anchor recv',
  '    stream.send(ack(resp.nonce))  # @anchor ack',
  '    stream.send(nack(resp.nonce))  # @anchor nack',
].join('\n');

export const testScene = defineScene(fakeModel)({
  meta: {
    number: 99,
    slug: 'test',
    title: 'Test scene',
    subtitle: 'toy model',
    caption: 'A caption.',
    teaches: 'What a test scene teaches.',
    previously: 'Before.',
  },
  setup: {
    seed: 7,
    options: {},
    checkpointEvery: 50_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'alpha',
    selection: { param: 'client', noun: 'client' },
  },
  cast: { controlPlane: true, rows: [['alpha', 'beta', 'gamma']] },
  steps: [
    {
      caption: 'First ACK.',
      highlights: { p: 'ack' },
      waitFor: { type: 'ack', where: (e) => e.type === 'ack' && e.client === 'gamma' },
    },
    {
      caption: 'Stop the server.',
      highlights: {},
      commands: [{ kind: 'server.stop' }],
      runForMs: 50,
    },
    {
      caption: 'A NACK.',
      highlights: { p: 'nack' },
      commands: [{ kind: 'server.start' }, { kind: 'client.break', client: 'beta' }],
      select: 'beta',
      waitFor: { type: 'nack', where: (e) => e.type === 'nack' && e.client === 'beta' },
    },
  ],
  panels: [
    {
      id: 'p',
      title: 'Client.loop',
      subtitle: 'one line',
      source,
      follows: 'selected',
      following: (a) => `client ${a}`,
      machine: ackMachine,
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'server',
      label: 'Server',
      help: 'Stop it.',
      key: 'k',
      param: { name: 'server', on: 'down', off: 'up' },
      onLabel: 'Start the server',
      offLabel: 'Stop the server',
      isOn: (sim) => !sim.state.up,
      on: () => ({ kind: 'server.stop' }),
      off: { kind: 'server.start' },
    },
    {
      kind: 'button',
      id: 'break',
      label: 'Break this client',
      help: 'It NACKs.',
      perActor: true,
      command: (client) => ({ kind: 'client.break', client }),
    },
  ],
  simplified: ['a toy model.'],
});

export const testDef = eraseScene(testScene);
export const testModule: SceneModule = { def: testDef, View: () => null };
