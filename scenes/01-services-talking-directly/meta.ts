import type { SceneMeta } from '../../src/scene/types';

/** Scene 1's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 1,
  slug: 'services-talking-directly',
  title: 'Services talking directly',
  subtitle: 'why a mesh',
  caption:
    'No proxies yet: every app carries its own client library — its own way to find payments, its own retries, timeouts and TLS — and when a payments pod dies, each caller fails in its own way.',
  teaches:
    'Without a mesh, every app hard-codes its own addresses, retry loops and TLS setup — each one differently.',
  previously: null,
};
