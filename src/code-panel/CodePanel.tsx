import { memo, useMemo } from 'react';
import type { PanelDef } from '../scene/types';
import { parseSnippet, splitComment } from '../scene/snippet';

export interface CodePanelProps {
  panel: PanelDef;
  /** The anchor the panel's machine is on (the executing line). */
  active: string | null;
  /** An anchor pinned by clicking a message in the diagram. */
  pinned?: string | null;
  /** What the panel follows, shown under the subtitle (e.g. the selected sidecar). */
  following?: string;
  idPrefix: string;
}

/** One "Implementation" panel: `Actor.method`, a subtitle, numbered lines, one highlighted. */
export const CodePanel = memo(function CodePanel({
  panel,
  active,
  pinned = null,
  following,
  idPrefix,
}: CodePanelProps) {
  const snippet = useMemo(() => parseSnippet(panel.source), [panel.source]);
  const activeLine = active ? (snippet.anchors.get(active) ?? null) : null;
  const pinnedLine = pinned ? (snippet.anchors.get(pinned) ?? null) : null;
  const titleId = `${idPrefix}-panel-${panel.id}`;
  return (
    <figure className="code-panel" aria-labelledby={titleId} data-panel={panel.id}>
      <figcaption>
        <h4 id={titleId}>
          <code>{panel.title}</code>
        </h4>
        <p className="subtitle">{panel.subtitle}</p>
        {following && <p className="following">following {following}</p>}
        {pinnedLine !== null && (
          <p className="marks-key" data-testid="marks-key">
            <span className="m-active" aria-hidden="true">
              ▶
            </span>{' '}
            runs now ·{' '}
            <span className="m-pin" aria-hidden="true">
              ◆
            </span>{' '}
            sent the message you picked (line {pinnedLine}
            {pinnedLine === activeLine ? ', the line running now too' : ''})
          </p>
        )}
      </figcaption>
      <pre tabIndex={0} aria-label={`${panel.title} code`}>
        <code>
          {snippet.lines.map((line, i) => {
            const n = i + 1;
            const isActive = n === activeLine;
            const isPinned = n === pinnedLine;
            const [code, comment] = splitComment(line);
            const cls = ['line', isActive && 'active', isPinned && 'pinned']
              .filter(Boolean)
              .join(' ');
            return (
              <span
                key={n}
                className={cls}
                data-line={n}
                aria-current={isActive ? 'true' : undefined}
              >
                <span className="ln" aria-hidden="true">
                  {n}
                </span>
                {/* Two marks side by side [1]: a pinned line never hides behind the active one. */}
                <span className="mark" aria-hidden="true">
                  <span className="m-active">{isActive ? '▶' : ' '}</span>
                  <span className="m-pin">{isPinned ? '◆' : ' '}</span>
                </span>
                {code}
                {comment && <span className="comment">{comment}</span>}
                {isActive && <span className="sr-only"> (executing)</span>}
                {isPinned && <span className="sr-only"> (sent the selected message)</span>}
                {'\n'}
              </span>
            );
          })}
        </code>
      </pre>
    </figure>
  );
});

// [1] With one mark per line, ▶ (running) was drawn instead of ◆ (pinned) when both fell on one
//     line: clicking an ACK while its sidecar had just sent it seemed to pin nothing.
