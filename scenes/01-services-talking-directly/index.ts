import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene1 } from './scene';
import { View } from './View';

/** Scene 1, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene1), View };
export default mod;
