import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene12 } from './scene';
import { View } from './View';

/** Scene 12, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene12), View };
export default mod;
