import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene4 } from './scene';
import { View } from './View';

/** Scene 4, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene4), View };
export default mod;
