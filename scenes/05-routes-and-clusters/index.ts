import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene5 } from './scene';
import { View } from './View';

/** Scene 5, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene5), View };
export default mod;
