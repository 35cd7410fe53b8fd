import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene7 } from './scene';
import { View } from './View';

/** Scene 7, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene7), View };
export default mod;
