import { Fragment, useEffect } from 'react';
import { GLOSSARY, glossaryById } from './glossary';
import { glossaryHash } from './terms';

const sorted = [...GLOSSARY].sort((a, b) =>
  a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }),
);

/** `#/glossary`: every term in our own words, with a source; `#/glossary#term-x` opens at x. */
export function GlossaryPage({ term, known }: { term: string | null; known: readonly number[] }) {
  const missing = term !== null && !glossaryById(term);
  useEffect(() => {
    document.title = 'Glossary — Mesh Scenes';
  }, []);
  useEffect(() => {
    if (!term) return;
    const el = document.getElementById(`term-${term}`);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [term]);
  return (
    <article className="glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">Glossary</h2>
      <p className="page-intro">
        The words the scenes use, each in a few sentences that agree with what the simulator models,
        and a public page to read more. A term underlined with dots in a step caption links here.
      </p>
      {missing && (
        <p className="notice" role="status">
          There is no glossary entry “{term}”: showing them all.
        </p>
      )}
      <nav aria-label="Glossary terms" className="glossary-index">
        <ul>
          {sorted.map((g) => (
            <li key={g.id}>
              <a href={glossaryHash(g.id)}>{g.term}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="glossary-entries">
        {sorted.map((g) => {
          const scenes = (g.scenes ?? []).filter((n) => known.includes(n));
          return (
            <section
              key={g.id}
              className={g.id === term ? 'gloss current' : 'gloss'}
              aria-labelledby={`term-${g.id}`}
            >
              <h3 id={`term-${g.id}`} tabIndex={-1}>
                {g.term}
              </h3>
              {g.aka && <p className="gloss-aka">{g.aka}</p>}
              <p>{g.text}</p>
              <p className="gloss-refs">
                {scenes.length > 0 && (
                  <>
                    In the course:{' '}
                    {scenes.map((n, k) => (
                      <Fragment key={n}>
                        {k > 0 && ', '}
                        <a href={`#/scene/${n}`}>scene {n}</a>
                      </Fragment>
                    ))}
                    .{' '}
                  </>
                )}
                {g.see && g.see.length > 0 && (
                  <>
                    See also:{' '}
                    {g.see.map((id, k) => (
                      <Fragment key={id}>
                        {k > 0 && ', '}
                        <a href={glossaryHash(id)}>{glossaryById(id)?.term ?? id}</a>
                      </Fragment>
                    ))}
                    .{' '}
                  </>
                )}
                {g.id === 'control-plane' && (
                  <>
                    <a href="#/analogies">The same split elsewhere</a>.{' '}
                  </>
                )}
                {g.source && (
                  <>
                    Source: <a href={g.source.url}>{g.source.label}</a>.
                  </>
                )}
              </p>
            </section>
          );
        })}
      </div>
    </article>
  );
}
