import { Fragment, useEffect } from 'react';
import { ANALOGIES, MESH, type Analogy } from './analogies';

/** `#/analogies`: control plane and data plane across other systems, each beside the mesh. */
export function AnalogiesPage({ known }: { known: readonly number[] }) {
  useEffect(() => {
    document.title = 'Control plane and data plane elsewhere — Mesh Scenes';
  }, []);
  const scene = (n: number, text: string) =>
    known.includes(n) ? <a href={`#/scene/${n}`}>{text}</a> : text;
  return (
    <article className="analogies" aria-labelledby="analogies-title">
      <h2 id="analogies-title">The same split elsewhere: control plane and data plane</h2>
      <p className="page-intro">
        A mesh splits into a part that decides (Istiod) and a part that does the work on every
        request (the sidecars). Many systems are built the same way, and one question tells you a
        lot about each of them:{' '}
        <strong>what still works when the part that decides is gone?</strong>{' '}
        {scene(11, 'Scene 11')} asks it of the mesh by killing Istiod; {scene(12, 'scene 12')} shows
        where the answer runs out.
      </p>
      <Card a={MESH} reference />
      <div className="analogy-grid">
        {ANALOGIES.map((a) => (
          <Card key={a.id} a={a} />
        ))}
      </div>
    </article>
  );
}

function Card({ a, reference = false }: { a: Analogy; reference?: boolean }) {
  const rows: [string, string][] = [
    ['Decides (control plane)', a.decides],
    ['Does the work (data plane)', a.forwards],
    ['How decisions travel', a.channel],
    ['When the control plane is gone', a.whenDown],
    ...(reference
      ? []
      : ([
          ['In the mesh', a.mesh],
          ['Where the comparison ends', a.differs],
        ] as [string, string][])),
  ];
  return (
    <section
      className={reference ? 'analogy reference' : 'analogy'}
      aria-labelledby={`analogy-${a.id}`}
      data-testid={`analogy-${a.id}`}
    >
      <h3 id={`analogy-${a.id}`}>{a.system}</h3>
      <dl>
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="analogy-sources">
        Sources:{' '}
        {a.sources.map((s, k) => (
          <Fragment key={s.url}>
            {k > 0 && ' · '}
            <a href={s.url}>{s.label}</a>
          </Fragment>
        ))}
      </p>
    </section>
  );
}
