import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene9 } from './scene';
import { View } from './View';

/** Scene 9, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene9), View };
export default mod;
