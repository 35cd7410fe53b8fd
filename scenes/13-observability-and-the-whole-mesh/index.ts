import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene13 } from './scene';
import { View } from './View';

/** Scene 13, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene13), View };
export default mod;
