import {
  emptyProgress,
  parseProgress,
  PROGRESS_KEY,
  serializeProgress,
  type Progress,
  type StorageLike,
} from './progress';

/**
 * The progress store: the parsed value in memory, written through to storage on every change and
 * read again when another tab writes it. Reads `getSnapshot` / `subscribe` (useSyncExternalStore).
 */
export interface ProgressStore {
  getSnapshot(): Progress;
  subscribe(listener: () => void): () => void;
  update(f: (p: Progress) => Progress): void;
  reset(): void;
  /** Reads storage again (another tab wrote it). */
  reload(): void;
}

export function createProgressStore(storage: StorageLike | null): ProgressStore {
  const read = (): Progress => {
    try {
      return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null);
    } catch {
      return emptyProgress;
    }
  };
  let value = read();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    getSnapshot: () => value,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    update(f) {
      const next = f(value);
      if (next === value) return;
      value = next;
      try {
        storage?.setItem(PROGRESS_KEY, serializeProgress(value));
      } catch {
        // Storage refused (quota, private mode): progress lives in memory for this page.
      }
      emit();
    },
    reset() {
      value = emptyProgress;
      try {
        storage?.removeItem(PROGRESS_KEY);
      } catch {
        // As above.
      }
      emit();
    },
    reload() {
      value = read();
      emit();
    },
  };
}

/** The page's localStorage, or null where reading it throws (a blocked or sandboxed origin). */
function pageStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let shared: ProgressStore | null = null;

/** The app's one progress store (created on first use; follows writes from other tabs). */
export function courseProgress(): ProgressStore {
  if (shared) return shared;
  const store = createProgressStore(pageStorage());
  if (typeof addEventListener === 'function')
    addEventListener('storage', (e: StorageEvent) => {
      if (e.key === PROGRESS_KEY || e.key === null) store.reload();
    });
  shared = store;
  return store;
}
