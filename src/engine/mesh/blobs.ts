/**
 * Content-addressed store of xDS resources (like git objects): the state refers to a resource by
 * its content hash, the resource itself (compact form + real Envoy JSON) lives here, immutable
 * and never evicted. This keeps the state small (checkpoints clone it every simulated second)
 * while staying exact: a hash always names the same content. Simplified: a state serialised to
 * another process needs the resources regenerated there (the config is in the state).
 */
import type { XdsType } from './contract';
import type { ResourceBodies, XdsResource } from './envoy';
import type { SidecarState } from './types';

const store = new Map<string, XdsResource>();

/** Stores a resource (idempotent); returns its hash. */
export function putResource(r: XdsResource): string {
  if (!store.has(r.hash)) store.set(r.hash, r);
  return r.hash;
}

/** The resource with this hash, if stored. */
export function getResource<T extends XdsType>(
  hash: string | undefined,
): XdsResource<T> | undefined {
  return hash === undefined ? undefined : (store.get(hash) as XdsResource<T> | undefined);
}

/** A stored resource by hash (throws if unknown: a programming error). */
export function mustResource<T extends XdsType>(hash: string): XdsResource<T> {
  const r = store.get(hash);
  if (!r) throw new Error(`unknown resource ${hash}`);
  return r as XdsResource<T>;
}

/** The compact body of an active resource of a sidecar. */
export function active<T extends XdsType>(
  sc: SidecarState,
  t: T,
  name: string,
): ResourceBodies[T] | undefined {
  const h = sc.active[t][name];
  return h === undefined ? undefined : (store.get(h)?.body as ResourceBodies[T] | undefined);
}
