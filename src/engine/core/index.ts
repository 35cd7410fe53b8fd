export * from './time';
export * from './rng';
export * from './hash';
export * from './queue';
export * from './trace';
export * from './checkpoints';
export * from './simulation';
export * from './sceneModel';
