import { useEffect, useState } from 'react';
import { scenes } from '../../scenes';
import { ScenePage } from './ScenePage';
import { parseRoute, type Route } from './urlState';

const known = scenes.map((s) => s.number);
const readRoute = (): Route => parseRoute(location.hash, known);

/** The app shell: the scene list, or one scene (`#/scene/11?...`); `embed=1` drops the chrome. */
export function App() {
  const [route, setRoute] = useState<Route>(readRoute);
  useEffect(() => {
    const on = () => setRoute(readRoute());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  if (route.kind === 'scene') {
    const entry = scenes.find((s) => s.number === route.number);
    if (entry) {
      const embed = route.query.get('embed') === '1';
      const page = <ScenePage key={`${entry.number}?${route.query.toString()}`} entry={entry} query={route.query} />;
      return embed ? <main className="embed-root">{page}</main> : <Chrome>{page}</Chrome>;
    }
  }
  return (
    <Chrome>
      {route.kind === 'home' && route.notice && (
        <p className="notice" role="status" data-testid="notice">
          {route.notice}
        </p>
      )}
      <SceneList />
    </Chrome>
  );
}

function Chrome({ children }: { children: React.ReactNode }) {
  return (
    <div className="shell">
      <header className="site-header">
        <h1>Build a Service Mesh (Envoy / Istio style)</h1>
        <p className="tagline">
          An explorable model of Istiod, eight Envoy sidecars, xDS streams, a certificate authority
          and the requests between services — in{' '}
          {scenes.length === 0 ? 'scenes' : `${scenes.length} ${scenes.length === 1 ? 'scene' : 'scenes'}`}.{' '}
          <a href="#/">All scenes</a>
        </p>
      </header>
      <main>{children}</main>
    </div>
  );
}

function SceneList() {
  return (
    <>
      <h2 id="scene-list-title">Scenes</h2>
      {scenes.length === 0 ? (
        <p>No scenes are registered yet.</p>
      ) : (
        <ol aria-labelledby="scene-list-title" className="scene-list">
          {scenes.map((s) => (
            <li key={s.slug} value={s.number}>
              <a href={`#/scene/${s.number}`}>
                <span className="scene-title">{s.title}</span>
                <span className="scene-caption">{s.caption}</span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
