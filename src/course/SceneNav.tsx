import type { SceneMeta } from '../scene/types';

/** Previous and next scene, and the course map, around a scene page (never in an embed). */
export function SceneNav({
  scenes,
  current,
  where,
}: {
  scenes: readonly SceneMeta[];
  current: number;
  where: 'top' | 'bottom';
}) {
  const i = scenes.findIndex((s) => s.number === current);
  if (i < 0) return null;
  const prev = scenes[i - 1];
  const next = scenes[i + 1];
  return (
    <nav
      className={`scene-nav ${where}`}
      aria-label={where === 'top' ? 'Scenes' : 'Scenes (end of page)'}
    >
      {prev ? (
        <a href={`#/scene/${prev.number}`} rel="prev" className="scene-nav-prev">
          <span aria-hidden="true">← </span>Previous: Scene {prev.number} · {prev.title}
        </a>
      ) : (
        <span />
      )}
      {where === 'bottom' && (
        <a href="#/" className="scene-nav-map">
          Course map
        </a>
      )}
      {next ? (
        <a href={`#/scene/${next.number}`} rel="next" className="scene-nav-next">
          Next: Scene {next.number} · {next.title}
          <span aria-hidden="true"> →</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
