import { CAST } from '../engine/mesh/contract';
import { meshSceneModel } from '../engine/mesh/sceneModel';
import { istiodView, sidecarViews } from '../engine/mesh/views';
import { anchorTable } from '../machines/anchorTable';
import { defineScene, eraseScene, type SceneModule } from '../scene/types';

/** A small scene on the real mesh model, for component tests of the mesh diagram parts. */
export const meshTestScene = defineScene(meshSceneModel)({
  meta: {
    number: 98,
    slug: 'mesh-test',
    title: 'Mesh test',
    subtitle: 'real model',
    caption: 'A caption.',
    teaches: 'What a test scene teaches.',
    previously: 'Before.',
  },
  setup: {
    seed: 42,
    options: {},
    checkpointEvery: 5_000_000,
    timeScale: 'realtime',
    speed: 1,
    select: 'web-1',
    selection: { param: 'sidecar', noun: 'sidecar' },
  },
  cast: { controlPlane: true, rows: [CAST] },
  steps: [
    {
      caption: 'Synced.',
      highlights: {},
      waitFor: {
        type: 'xds.ack',
        until: (sim) =>
          sidecarViews(sim).every((s) => Object.values(s.status).every((x) => x === 'SYNCED')),
      },
    },
  ],
  panels: [
    {
      id: 'p',
      title: 'Sidecar.ack',
      subtitle: 'one line',
      source: 'ack()  # @anchor ack',
      follows: 'selected',
      following: (a) => a,
      machine: anchorTable({ id: 'p', initial: null, on: { 'xds.ack': 'ack' } }),
    },
  ],
  tryThis: [
    {
      kind: 'toggle',
      id: 'istiod',
      label: 'Istiod',
      help: 'Kill it.',
      onLabel: 'Restore Istiod',
      offLabel: 'Kill Istiod',
      isOn: (sim) => !istiodView(sim).up,
      on: () => ({ kind: 'istiod.kill' }),
      off: { kind: 'istiod.restore' },
    },
  ],
  simplified: [],
});

export const meshTestModule: SceneModule = { def: eraseScene(meshTestScene), View: () => null };
