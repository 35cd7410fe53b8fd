/**
 * Content-addressed store of xDS resources (like git objects): the state refers to a resource by
 * its content hash, the resource itself (compact form + real Envoy JSON) lives here, immutable.
 * This keeps the state small (checkpoints clone it every few simulated seconds) while staying
 * exact: a hash always names the same content. Simplified: a state serialised to another process
 * needs the resources regenerated there (the config is in the state).
 *
 * Collected like git's objects [1]: once the store has grown by half since the last sweep, `sweepBlobsIfDue`
 * (the engine's between-events upkeep) keeps what some live simulation refers to — its state, its
 * pending events, its checkpoints' states and events — and drops the rest; caches that hand out
 * resources (resources.ts) are emptied at the same time, so what is built again is stored again.
 * Dropping only what nothing refers to cannot change a run.
 */
import type { XdsType } from './contract';
import type { ResourceBodies, XdsResource } from './envoy';
import type { SidecarState } from './types';

const store = new Map<string, XdsResource>();

/** What keeps resources alive: a simulation's states (see `Simulation.retained`). */
export interface BlobHolder {
  retained(): Iterable<unknown>;
}

/** Simulations that may refer to stored resources, held weakly (a dropped run holds nothing). */
const holders = new Set<WeakRef<BlobHolder>>();
const onSweep: (() => void)[] = [];
/** No sweep below this many resources (about 2 MB; the cast's steady state holds about 35). */
const MIN_SWEEP = 256;
/** A sweep once the store has grown by half since the last one (what is dropped is rebuilt, if ever). */
const GROWTH = 1.5;
let sweepAt = MIN_SWEEP;

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

/** Registers a simulation whose states may refer to stored resources. */
export function trackBlobHolder(holder: BlobHolder): void {
  holders.add(new WeakRef(holder));
}

/** Registers a cache to empty whenever resources are dropped (it may hold dropped ones). */
export function onBlobSweep(clear: () => void): void {
  onSweep.push(clear);
}

/**
 * For memory measurements only (bench/): empties the store and the caches over it, so that the
 * heap they held can be measured. A simulation that runs on afterwards fails.
 */
export function forgetAllBlobsForBench(): void {
  store.clear();
  for (const clear of onSweep) clear();
}

/** Resources stored now. */
export function blobCount(): number {
  return store.size;
}

/** Sweeps when the store has grown by half since the last sweep. Call only between events. */
export function sweepBlobsIfDue(): void {
  if (store.size >= sweepAt) sweepBlobs();
}

/** Drops every resource no tracked simulation refers to; returns how many were dropped. */
export function sweepBlobs(): number {
  const live = new Set<string>();
  for (const ref of holders) {
    const holder = ref.deref();
    if (holder) mark(holder.retained(), live);
    else holders.delete(ref);
  }
  let dropped = 0;
  for (const hash of store.keys())
    if (!live.has(hash)) {
      store.delete(hash);
      dropped++;
    }
  for (const clear of onSweep) clear();
  sweepAt = Math.max(MIN_SWEEP, Math.ceil(GROWTH * store.size));
  return dropped;
}

/** Adds to `live` every stored hash found as a string value or key anywhere under `roots`. */
function mark(roots: Iterable<unknown>, live: Set<string>): void {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (store.has(v)) live.add(v);
    } else if (typeof v === 'object' && v !== null && !seen.has(v) && !ArrayBuffer.isView(v)) {
      seen.add(v);
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else
        for (const [k, x] of Object.entries(v)) {
          if (store.has(k)) live.add(k);
          stack.push(x);
        }
    }
  }
}

// [1] Resources used to be kept forever: every distinct config added about 8.4 KB, so 4,000
//     canary weights held 33 MB. Marking by value is generic: a hash is 16 hex digits and any
//     string equal to a stored hash keeps it (a false match only keeps a resource longer).
