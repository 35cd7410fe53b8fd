import { useEffect, useRef } from 'react';
import { jsonKey, usePlayerSelect, useRuntime } from '../../runtime/context';
import type { Prediction } from '../../scene/types';
import { askFirst, choose, justShow, predictCards, syncAnswer } from './flow';
import './predict.css';

type AnyPrediction = Prediction<unknown>;

const labelOf = (p: AnyPrediction, id: string | null): string =>
  p.choices.find((c) => c.id === id)?.label ?? '';

/**
 * Predict, then observe: before a step with a question runs, the learner picks what they expect
 * (or asks to just be shown); when it has run, the card shows the run's answer, marks the pick and
 * points at where the page proves it. The answer is read from the run, so it follows what the
 * learner changed. A polite live region announces the question and the answer.
 */
export function Predict() {
  const rt = useRuntime();
  const { def, idPrefix } = rt;
  const cards = usePlayerSelect(predictCards, jsonKey);
  const box = useRef<HTMLElement>(null);
  const focusNext = useRef(false);
  useEffect(() => rt.player.subscribe(() => syncAnswer(rt)), [rt]);
  useEffect(() => {
    if (focusNext.current && box.current) box.current.focus();
    focusNext.current = false;
  });
  const ask = cards.ask === null ? null : (def.steps[cards.ask]?.predict as AnyPrediction);
  const cur = cards.current;
  const mine = cur ? (def.steps[cur.step]?.predict as AnyPrediction) : null;
  const announce = ask
    ? `Predict before step ${(cards.ask ?? 0) + 1}: ${ask.question}`
    : cur?.done && mine
      ? `The run’s answer: ${labelOf(mine, cur.answer) || 'not settled yet'}.${cur.picked === null ? '' : cur.picked === cur.answer ? ' Your prediction was right.' : ' Your prediction was not.'}`
      : '';
  const head = `${idPrefix}-predict`;
  return (
    <>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announce}
      </p>
      {(ask || (cur && mine)) && (
        <section
          ref={box}
          tabIndex={-1}
          className="predict"
          aria-labelledby={head}
          data-testid="predict"
        >
          {cur && mine && (
            <Observed p={mine} {...cur} head={head} onAsk={() => askFirst(rt, cur.step)} />
          )}
          {ask && cards.ask !== null && (
            <div className="predict-ask">
              <h3 id={cur ? `${head}-ask` : head}>Predict, then watch · step {cards.ask + 1}</h3>
              <p className="predict-q">{ask.question}</p>
              <ul className="predict-choices" aria-label="Your prediction">
                {ask.choices.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="btn choice"
                      onClick={() => {
                        focusNext.current = true;
                        choose(rt, cards.ask as number, c.id);
                      }}
                    >
                      {c.label}
                    </button>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="btn just-show"
                aria-keyshortcuts="ArrowRight"
                onClick={() => justShow(rt, cards.ask as number)}
              >
                Just show me <kbd aria-hidden="true">→</kbd>
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** The current step's question: the learner's pick while it runs; the run's answer once it has. */
function Observed({
  p,
  picked,
  done,
  answer,
  head,
  onAsk,
}: {
  p: AnyPrediction;
  picked: string | null;
  done: boolean;
  answer: string | null;
  head: string;
  onAsk: () => void;
}) {
  if (!done)
    return (
      <div className="predict-watch">
        <h3 id={head}>Your prediction</h3>
        <p>
          “{labelOf(p, picked)}” — watch the run<span aria-hidden="true">…</span>
        </p>
      </div>
    );
  const right = picked !== null && picked === answer;
  return (
    <div className="predict-answer" data-testid="predict-answer">
      <h3 id={head}>What the run showed</h3>
      <p className="predict-q">{p.question}</p>
      <p className="run-answer">
        <strong>The run:</strong>{' '}
        {answer === null ? 'not settled yet — the step ended first.' : labelOf(p, answer)}
      </p>
      {picked === null ? (
        <p className="verdict">
          You did not predict this step.{' '}
          <button type="button" className="btn link" onClick={onAsk}>
            Ask me first
          </button>
        </p>
      ) : (
        <p className={right ? 'verdict right' : 'verdict wrong'} data-testid="predict-verdict">
          <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
          {right
            ? 'Your prediction was right.'
            : `Not this time: you predicted “${labelOf(p, picked)}”.`}
        </p>
      )}
      <p className="evidence">
        <strong>See it:</strong> {p.evidence}
      </p>
    </div>
  );
}
