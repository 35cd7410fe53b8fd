import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { SceneEntry } from '../scene/types';
import { CourseMap } from '../course/CourseMap';
import { GlossaryPage } from '../course/GlossaryPage';
import { SceneNav } from '../course/SceneNav';
import '../course/course.css';
import { ScenePage } from './ScenePage';
import { parseRoute, type Route } from './urlState';

/** The whole mesh at 1,000 sidecars: its own chunk, loaded only on `#/scale`. */
const ScalePage = lazy(() => import('../scale/ScalePage'));
// Text-heavy and visited rarely: its own chunk.
const AnalogiesPage = lazy(() =>
  import('../course/AnalogiesPage').then((m) => ({ default: m.AnalogiesPage })),
);

/**
 * The app shell: the course map (`#/`), one scene (`#/scene/11?...`), the glossary
 * (`#/glossary`) or the control/data-plane analogies (`#/analogies`); `embed=1` drops the chrome.
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
  // A new page starts at its top (a layout effect: the glossary's own effect then scrolls to
  // its entry).
  const page = route.kind === 'scene' ? `scene/${route.number}` : route.kind;
  useLayoutEffect(() => {
    scrollTo(0, 0);
  }, [page]);
  const metas = scenes.map((s) => s.meta);
  const known = metas.map((m) => m.number);
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
        <Chrome count={scenes.length} current="scene">
          <SceneNav scenes={metas} current={entry.meta.number} where="top" />
          {page}
          <SceneNav scenes={metas} current={entry.meta.number} where="bottom" />
        </Chrome>
      );
    }
  }
  if (route.kind === 'scale') {
    const page = (
      <Suspense fallback={<p>Loading the 1,000-sidecar mesh…</p>}>
        <ScalePage key={route.query.toString()} query={route.query} />
      </Suspense>
    );
    return route.query.get('embed') === '1' ? (
      <main className="embed-root">{page}</main>
    ) : (
      <Chrome count={scenes.length} current="scale">
        {page}
      </Chrome>
    );
  }
  if (route.kind === 'glossary')
    return (
      <Chrome count={scenes.length} current="glossary">
        <GlossaryPage term={route.term} known={known} />
      </Chrome>
    );
  if (route.kind === 'analogies')
    return (
      <Chrome count={scenes.length} current="analogies">
        <Suspense fallback={<p>Loading…</p>}>
          <AnalogiesPage known={known} />
        </Suspense>
      </Chrome>
    );
  return (
    <Chrome count={scenes.length} current="map">
      {route.kind === 'home' && route.notice && (
        <p className="notice" role="status" data-testid="notice">
          {route.notice}
        </p>
      )}
      <CourseMap scenes={metas} />
    </Chrome>
  );
}

type Here = 'map' | 'scene' | 'glossary' | 'analogies' | 'scale';

function Chrome({
  children,
  count,
  current,
}: {
  children: React.ReactNode;
  count: number;
  current: Here;
}) {
  const link = (href: string, here: Here, text: string) => (
    <a href={href} aria-current={current === here ? 'page' : undefined}>
      {text}
    </a>
  );
  return (
    <div className="shell">
      <header className="site-header">
        <h1>Build a Service Mesh (Envoy / Istio style)</h1>
        <p className="tagline">
          An explorable model of Istiod, eight Envoy sidecars, xDS streams, a certificate authority
          and the requests between services — in{' '}
          {count === 0 ? 'scenes' : `${count} ${count === 1 ? 'scene' : 'scenes'}`}.
        </p>
        <nav className="site-nav" aria-label="Course">
          {link('#/', 'map', 'Course map')}
          {link('#/glossary', 'glossary', 'Glossary')}
          {link('#/analogies', 'analogies', 'The same split elsewhere')}
        </nav>
      </header>
      <main>{children}</main>
    </div>
  );
}
