import { useEffect, useRef, useState } from 'react';
import type { SceneMeta } from '../scene/types';
import { groupByPart } from './parts';
import { summarize, summaryText, type Progress } from './progress';
import { courseProgress } from './progressStore';
import { useCourseProgress } from './useProgress';

/**
 * The landing page: the registered scenes in order, grouped into parts, each with its caption,
 * what it teaches and the learner's progress; "Continue where you left off"; reset.
 */
export function CourseMap({ scenes }: { scenes: readonly SceneMeta[] }) {
  const progress = useCourseProgress();
  useEffect(() => {
    document.title = 'Course map — Mesh Scenes';
  }, []);
  return (
    <div className="course-map">
      <ProgressBar scenes={scenes} progress={progress} />
      <h2 id="scene-list-title">Scenes</h2>
      {scenes.length === 0 ? (
        <p>No scenes are registered yet.</p>
      ) : (
        groupByPart(scenes).map((part, k) => (
          <section key={part.title} className="course-part" aria-labelledby={`part-${k}`}>
            <h3 id={`part-${k}`}>{part.title}</h3>
            <ol className="course-scenes scene-list">
              {part.scenes.map((s) => (
                <SceneCard key={s.number} meta={s} progress={progress} />
              ))}
            </ol>
          </section>
        ))
      )}
      <section className="course-more" aria-labelledby="course-more-title">
        <h2 id="course-more-title">More to read</h2>
        <ul>
          <li>
            <a href="#/glossary">Glossary</a> — xDS, ADS, nonce, version_info, SPIFFE, mTLS and the
            other words the scenes use, each with a public source.
          </li>
          <li>
            <a href="#/analogies">The same split elsewhere</a> — control plane and data plane in
            Kubernetes, routers, SDN and eBPF, load balancers and storage, next to the mesh.
          </li>
          <li>
            <a href="#/scale">The whole mesh at 1,000 sidecars</a> — one config change fanning out
            through Istiod's debounce, push throttle and stream admission, proxy by proxy.
          </li>
        </ul>
      </section>
    </div>
  );
}

function SceneCard({ meta: s, progress }: { meta: SceneMeta; progress: Progress }) {
  const sum = summarize(progress.scenes[s.number]);
  const text = summaryText(sum);
  const complete = sum !== null && sum.done >= sum.total;
  return (
    <li
      className={complete ? 'scene-card complete' : 'scene-card'}
      data-testid={`map-scene-${s.number}`}
    >
      <span className="scene-num" aria-hidden="true">
        {s.number}
      </span>
      <div className="scene-card-body">
        <a href={`#/scene/${s.number}`} className="scene-card-title">
          Scene {s.number} · {s.title} — {s.subtitle}
        </a>
        <p className="scene-card-teaches">{s.teaches}</p>
        <p className="scene-card-caption">{s.caption}</p>
        <p className="scene-card-progress" data-testid={`progress-${s.number}`}>
          {text === null ? 'Not started' : `${complete ? '✓ ' : ''}${text}`}
        </p>
        {sum && (
          <span className="progress-track" aria-hidden="true">
            <span style={{ width: `${Math.round((100 * sum.done) / sum.total)}%` }} />
          </span>
        )}
      </div>
    </li>
  );
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Totals, "Continue where you left off" and "Reset progress" (with a confirmation). */
function ProgressBar({ scenes, progress }: { scenes: readonly SceneMeta[]; progress: Progress }) {
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const known = new Map(scenes.map((s) => [s.number, s]));
  const started = Object.keys(progress.scenes)
    .map(Number)
    .filter((n) => known.has(n));
  const sums = started.map((n) => summarize(progress.scenes[n])!);
  const total = (f: (s: NonNullable<ReturnType<typeof summarize>>) => number) =>
    sums.reduce((a, s) => a + f(s), 0);
  const last = progress.last && known.get(progress.last.scene);
  const first = scenes[0];
  const done = (text: string) => {
    setConfirming(false);
    setSaid(text);
    // Back to the reset button, or (once progress is gone) to the first link of this section.
    requestAnimationFrame(() =>
      (resetRef.current ?? sectionRef.current?.querySelector<HTMLElement>('a'))?.focus(),
    );
  };
  return (
    <section ref={sectionRef} className="course-progress" aria-labelledby="course-progress-title">
      <h2 id="course-progress-title" className="sr-only">
        Your progress
      </h2>
      {last && progress.last ? (
        <a
          className="btn primary continue"
          href={`#/scene/${last.number}?step=${progress.last.step + 1}`}
          data-testid="continue"
        >
          Continue where you left off: Scene {last.number} · {last.title}, step{' '}
          {progress.last.step + 1}
        </a>
      ) : (
        first && (
          <a className="btn primary continue" href={`#/scene/${first.number}`}>
            Start with scene {first.number} · {first.title}
          </a>
        )
      )}
      <p className="course-totals" data-testid="course-totals">
        {started.length === 0
          ? 'Your progress is kept in this browser only, and nothing is recorded yet.'
          : `${started.length} of ${scenes.length} scenes started · ${count(
              total((s) => s.done),
              'step',
            )} completed · ${count(
              total((s) => s.tries),
              'try',
              'tries',
            )} · ${count(
              total((s) => s.predictions),
              'prediction',
            )} · kept in this browser only`}
      </p>
      {started.length > 0 &&
        (confirming ? (
          <div className="reset-confirm" role="group" aria-labelledby="reset-q">
            <span id="reset-q">Forget all progress kept in this browser?</span>
            <button
              type="button"
              className="btn danger"
              onClick={() => {
                courseProgress().reset();
                done('Progress reset.');
              }}
            >
              Reset progress
            </button>
            <button
              ref={cancelRef}
              type="button"
              className="btn"
              onClick={() => done('Progress kept.')}
            >
              Cancel
            </button>
          </div>
        ) : (
          <button
            ref={resetRef}
            type="button"
            className="btn"
            onClick={() => {
              setSaid('');
              setConfirming(true);
            }}
          >
            Reset progress…
          </button>
        ))}
      <p className="sr-only" role="status">
        {said}
      </p>
    </section>
  );
}
