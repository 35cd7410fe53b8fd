import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * UI state only (never engine state): speed, theme, the selected actor (the one the code panels follow), overlays, notices and a
 * pinned code line. Actions live outside the store as plain functions (zustand's "no store
 * actions" pattern), so tests can call them without React.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Pinned {
  panel: string;
  anchor: string;
  label: string;
}

export interface UiState {
  speed: number;
  theme: ThemeChoice;
  selected: string;
  helpOpen: boolean;
  /** Visible notices (invalid URL parameters, ignored messages...). */
  notices: string[];
  /** A code line pinned by clicking a message in the diagram. */
  pinned: Pinned | null;
  embed: boolean;
  /** Protocol slow motion: stretch time while config messages travel (on by default). */
  slowMotion: boolean;
  /** The link's `autoplay=` (kept in the address bar), or null. */
  autoplay: boolean | null;
  /** Predictions made in this page's life, by 0-based step: the choice and the run's answer. */
  predictions: Readonly<Record<number, { picked: string; answer: string | null }>>;
  /** Ids of the "Try this" controls the learner used in this page's life. */
  tried: readonly string[];
}

export const initialUi: UiState = {
  speed: 1,
  theme: 'system',
  selected: 'web-1',
  helpOpen: false,
  notices: [],
  pinned: null,
  embed: false,
  slowMotion: true,
  autoplay: null,
  predictions: {},
  tried: [],
};

export type UiStore = ReturnType<typeof createUiStore>;

export const createUiStore = (init: Partial<UiState> = {}) =>
  createStore<UiState>()(() => ({ ...initialUi, ...init }));

export const useUi = <T>(store: UiStore, pick: (s: UiState) => T): T => useStore(store, pick);

export const setSpeed = (s: UiStore, speed: number) => s.setState({ speed });
export const setTheme = (s: UiStore, theme: ThemeChoice) => s.setState({ theme });
export const select = (s: UiStore, selected: string) => s.setState({ selected, pinned: null });
export const setHelp = (s: UiStore, helpOpen: boolean) => s.setState({ helpOpen });
export const pin = (s: UiStore, pinned: Pinned | null) => s.setState({ pinned });
export const addNotice = (s: UiStore, text: string) =>
  s.setState((st) => (st.notices.includes(text) ? st : { notices: [...st.notices, text] }));
export const dismissNotices = (s: UiStore) => s.setState({ notices: [] });
export const setSlowMotion = (s: UiStore, slowMotion: boolean) => s.setState({ slowMotion });
