import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene11 } from './scene';
import { View } from './View';

/** Scene 11, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene11), View };
export default mod;
