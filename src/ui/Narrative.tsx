import { usePlayerSelect, useRuntime } from '../runtime/context';
import { CaptionText } from '../course/CaptionText';
import { useUi } from '../store/uiStore';

/** The step caption; a polite live region announces it when the step changes. */
export function Narrative() {
  const { def, idPrefix, player, ui } = useRuntime();
  const embed = useUi(ui, (s) => s.embed);
  const i = usePlayerSelect((p) => p.stepIndex);
  const caption = def.steps[i]?.caption ?? '';
  return (
    <section className="narrative" aria-labelledby={`${idPrefix}-narrative`}>
      <h3 id={`${idPrefix}-narrative`}>
        Step {i + 1} of {def.steps.length}
      </h3>
      <p className="step-caption" aria-live="polite" aria-atomic="true" data-testid="step-caption">
        <CaptionText text={caption} embed={embed} />
      </p>
      <ol className="step-dots" aria-label="Steps">
        {def.steps.map((s, k) => (
          <li key={k}>
            <button
              type="button"
              className={k === i ? 'dot current' : k < i ? 'dot done' : 'dot'}
              aria-current={k === i ? 'step' : undefined}
              aria-label={`Step ${k + 1}: ${s.caption.slice(0, 60)}`}
              onClick={() => player.goToStep(k)}
            >
              {k + 1}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
