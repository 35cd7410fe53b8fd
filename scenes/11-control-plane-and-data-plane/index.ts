import type { SceneModule } from '../types';
import { meshModule } from '../../src/engine/mesh';
import { scene11 } from './scene';
import { View } from './View';

/** Scene 11, loaded lazily (its own chunk), wired to the mesh model. */
const mod: SceneModule = { def: scene11, engine: meshModule, View };
export default mod;
