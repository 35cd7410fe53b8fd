import type { SceneModule } from '../types';
import { createFakeMesh as createMesh, fakeMeshView as meshView } from '../../src/test/fakeMesh';
import { scene11 } from './scene';
import { View } from './View';

/** Scene 11, loaded lazily (its own chunk), wired to the real mesh model. */
const mod: SceneModule = { def: scene11, engine: { createMesh, meshView }, View };
export default mod;
