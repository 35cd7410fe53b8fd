import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene10 } from './scene';
import { View } from './View';

/** Scene 10, loaded lazily (its own chunk; the editor loads as a chunk of its own). */
const mod: SceneModule = { def: eraseScene(scene10), View };
export default mod;
