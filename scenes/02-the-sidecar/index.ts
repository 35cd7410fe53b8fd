import { eraseScene, type SceneModule } from '../../src/scene/types';
import { scene2 } from './scene';
import { View } from './View';

/** Scene 2, loaded lazily (its own chunk). */
const mod: SceneModule = { def: eraseScene(scene2), View };
export default mod;
