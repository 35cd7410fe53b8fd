import { scenes } from '../../scenes';

/** The app shell: title and the list of scenes from the registry. */
export function App() {
  return (
    <div className="shell">
      <header className="site-header">
        <h1>Build a Service Mesh (Envoy / Istio style)</h1>
        <p className="tagline">
          An explorable model of Istiod, eight Envoy sidecars, xDS streams, a certificate authority
          and the requests between services — in{' '}
          {scenes.length === 0 ? 'scenes' : `${scenes.length} scenes`}.
        </p>
      </header>
      <main>
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
      </main>
    </div>
  );
}
