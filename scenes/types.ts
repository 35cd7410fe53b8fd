/**
 * A scene's entry in the ordered registry. The scene itself (steps, panels, view) is loaded lazily
 * through `load`, so each scene is its own chunk.
 */
export interface SceneEntry {
  /** 1..13, unique. */
  number: number;
  /** kebab-case, unique; also the folder name suffix (`NN-slug`). */
  slug: string;
  title: string;
  /** The one-line caption under the header. */
  caption: string;
  /** Loads the scene module (its default export is the scene definition). */
  load: () => Promise<unknown>;
}
