import type { SceneEntry } from './types';

/**
 * The ordered scene registry: the app lists scenes in this order. A scene folder that is not
 * registered here, or two scenes sharing a number or slug, fails the registry test.
 */
export const scenes: SceneEntry[] = [];
