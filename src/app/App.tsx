import { useCallback, useEffect, useState } from 'react';
import type { SceneEntry } from '../scene/types';
import { ScenePage } from './ScenePage';
import { parseRoute, type Route } from './urlState';

/**
 * The app shell: the scene list, or one scene (`#/scene/11?...`); `embed=1` drops the chrome.
 * The ordered registry is handed in by the entry point (src/ never imports scenes/).
 */
export function App({ scenes }: { scenes: readonly SceneEntry[] }) {
  const readRoute = useCallback(
    (): Route =>
      parseRoute(
        location.hash,
        scenes.map((s) => s.meta.number),
      ),
    [scenes],
  );
  const [route, setRoute] = useState<Route>(readRoute);
  useEffect(() => {
    const on = () => setRoute(readRoute());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, [readRoute]);
  if (route.kind === 'scene') {
    const entry = scenes.find((s) => s.meta.number === route.number);
    if (entry) {
      const embed = route.query.get('embed') === '1';
      const page = (
        <ScenePage
          key={`${entry.meta.number}?${route.query.toString()}`}
          entry={entry}
          query={route.query}
        />
      );
      return embed ? (
        <main className="embed-root">{page}</main>
      ) : (
        <Chrome count={scenes.length}>{page}</Chrome>
      );
    }
  }
  return (
    <Chrome count={scenes.length}>
      {route.kind === 'home' && route.notice && (
        <p className="notice" role="status" data-testid="notice">
          {route.notice}
        </p>
      )}
      <SceneList scenes={scenes} />
    </Chrome>
  );
}

function Chrome({ children, count }: { children: React.ReactNode; count: number }) {
  return (
    <div className="shell">
      <header className="site-header">
        <h1>Build a Service Mesh (Envoy / Istio style)</h1>
        <p className="tagline">
          An explorable model of Istiod, eight Envoy sidecars, xDS streams, a certificate authority
          and the requests between services — in{' '}
          {count === 0 ? 'scenes' : `${count} ${count === 1 ? 'scene' : 'scenes'}`}.{' '}
          <a href="#/">All scenes</a>
        </p>
      </header>
      <main>{children}</main>
    </div>
  );
}

function SceneList({ scenes }: { scenes: readonly SceneEntry[] }) {
  return (
    <>
      <h2 id="scene-list-title">Scenes</h2>
      {scenes.length === 0 ? (
        <p>No scenes are registered yet.</p>
      ) : (
        <ol aria-labelledby="scene-list-title" className="scene-list">
          {scenes.map(({ meta: s }) => (
            <li key={s.slug} value={s.number}>
              <a href={`#/scene/${s.number}`}>
                <span className="scene-title">
                  {s.title} — {s.subtitle}
                </span>
                <span className="scene-caption">{s.caption}</span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
