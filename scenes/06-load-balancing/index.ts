import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene6 } from './scene';
import { View } from './View';

/** Scene 6, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene6), View };
export default mod;
