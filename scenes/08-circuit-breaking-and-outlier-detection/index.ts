import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene8 } from './scene';
import { View } from './View';

/** Scene 8, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene8), View };
export default mod;
