import { useEffect, useId, useState } from 'react';
import type { SceneEntry, SceneModule } from '../scene/types';
import type { SceneRuntime } from '../runtime/context';
import { createRuntime } from './createRuntime';
import { SceneShell } from './SceneShell';
import { readSceneParams } from './urlState';

type Loaded =
  | { mod: SceneModule; rt: SceneRuntime; embed: boolean; hosts: string[] }
  | { error: string }
  | null;

/** Loads a scene's chunk, then builds the runtime the URL describes. */
export function ScenePage({ entry, query }: { entry: SceneEntry; query: URLSearchParams }) {
  const rawId = useId();
  const idPrefix = `s${entry.meta.number}-${rawId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [loaded, setLoaded] = useState<Loaded>(null);
  const q = query.toString();
  useEffect(() => {
    let alive = true;
    entry
      .load()
      .then(({ default: mod }) => {
        if (!alive) return;
        const { params, notices } = readSceneParams(new URLSearchParams(q), mod.def);
        const rt = createRuntime(mod.def, params, notices, idPrefix);
        // A bare scene link starts playing; a link to a step, or an embed, shows it paused;
        // `autoplay=1`/`0` says so outright. Reduced motion never starts on its own.
        const still =
          typeof matchMedia === 'function' &&
          matchMedia('(prefers-reduced-motion: reduce)').matches;
        const play = params.autoplay ?? (!params.embed && !new URLSearchParams(q).has('step'));
        if (play && !still) rt.player.play();
        setLoaded({ mod, rt, embed: params.embed, hosts: params.hosts });
      })
      .catch(
        (e: unknown) => alive && setLoaded({ error: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      alive = false;
    };
    // A new hash reloads the scene; q changes only through navigation.
  }, [entry, q, idPrefix]);
  if (!loaded) return <p className="loading">Loading scene {entry.meta.number}…</p>;
  if ('error' in loaded)
    return (
      <p className="notice" role="alert">
        Scene {entry.meta.number} could not be loaded: {loaded.error}
      </p>
    );
  return <SceneShell rt={loaded.rt} mod={loaded.mod} embed={loaded.embed} hosts={loaded.hosts} />;
}
