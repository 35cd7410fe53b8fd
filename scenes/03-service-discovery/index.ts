import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene3 } from './scene';
import { View } from './View';

/** Scene 3, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene3), View };
export default mod;
