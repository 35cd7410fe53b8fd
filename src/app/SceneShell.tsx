import { useEffect, useMemo, useRef } from 'react';
import { Implementation } from '../code-panel/Implementation';
import { CopyEmbed } from '../embed/CopyEmbed';
import { SceneContext, type SceneRuntime } from '../runtime/context';
import { useFrameDriver } from '../runtime/useFrameDriver';
import type { SceneModule } from '../scene/types';
import { HelpOverlay } from '../ui/HelpOverlay';
import { Narrative } from '../ui/Narrative';
import { Notices } from '../ui/Notices';
import { Predict } from '../ui/predict/Predict';
import { PlayerBar } from '../ui/PlayerBar';
import { ThemeToggle } from '../ui/ThemeToggle';
import { TryThisPanel } from '../ui/TryThisPanel';
import { WhatJustHappened } from '../ui/WhatJustHappened';
import { RunsBar } from '../ui/RunsBar';
import { useEmbedApi, useEmbedFit } from './embed';
import { useProgress } from '../course/useProgress';
import { useKeyboard } from './useKeyboard';
import { useDocumentTheme, useResolvedTheme } from './useTheme';
import { useUrlSync } from './useUrlSync';
import { runFileActions } from './runFileOpen';
import '../ui/ui.css';
import '../ui/panels.css';
import '../code-panel/code.css';
import '../diagram/diagram.css';

const NO_HOSTS: readonly string[] = [];

/**
 * A scene page: header, "Previously", the scene's view, narrative, controls and code panels. An
 * embed puts the player bar and the diagram right under the caption (they fit an 800×600 frame)
 * and the rest after them.
 */
export function SceneShell({
  rt,
  mod,
  embed,
  hosts = NO_HOSTS,
}: {
  rt: SceneRuntime;
  mod: SceneModule;
  embed: boolean;
  /** Origins allowed to drive the page through postMessage (`host=`). */
  hosts?: readonly string[];
}) {
  const { def, idPrefix } = rt;
  const meta = def.meta;
  const theme = useResolvedTheme(rt.ui);
  useDocumentTheme(theme);
  useFrameDriver(rt);
  const rootRef = useRef<HTMLElement>(null);
  useKeyboard(rt, rootRef);
  useProgress(rt, embed);
  useUrlSync(rt, embed, hosts);
  useEmbedFit(rootRef, embed);
  const runFiles = useMemo(() => (embed ? undefined : runFileActions(rt)), [rt, embed]);
  useEmbedApi(rt, hosts);
  useEffect(() => {
    const before = document.title;
    document.title = `Scene ${meta.number} · ${meta.title} — Mesh Scenes`;
    return () => {
      document.title = before;
    };
  }, [meta]);
  const View = mod.View;
  const previously = meta.previously && (
    <aside className="previously" aria-labelledby={`${idPrefix}-prev`}>
      <h3 id={`${idPrefix}-prev`}>Previously</h3>
      <p>{meta.previously}</p>
    </aside>
  );
  return (
    <SceneContext.Provider value={rt}>
      <article
        ref={rootRef}
        className={embed ? 'scene embed' : 'scene'}
        data-theme={theme}
        aria-labelledby={`${idPrefix}-title`}
      >
        <header className="scene-header">
          <h2 id={`${idPrefix}-title`}>
            Scene {meta.number} · {meta.title} — {meta.subtitle}
          </h2>
          <p className="caption">{meta.caption}</p>
          <div className="header-tools">
            {!embed && <CopyEmbed />}
            <ThemeToggle />
            <button
              type="button"
              className="btn"
              aria-keyshortcuts="?"
              onClick={() => rt.ui.setState({ helpOpen: true })}
            >
              ? Keys
            </button>
          </div>
        </header>
        <Notices />
        {!embed && previously}
        <PlayerBar />
        {embed ? (
          <>
            {/* The diagram keeps the frame's height; the question comes right under it. */}
            <View />
            <Predict />
            <WhatJustHappened />
            <RunsBar />
            <Narrative />
            {previously}
          </>
        ) : (
          <>
            <WhatJustHappened />
            <RunsBar files={runFiles} />
            <Narrative />
            <Predict />
            <View />
          </>
        )}
        <TryThisPanel />
        <Implementation />
        {def.simplified.length > 0 && (
          <section className="simplified" aria-label="Simplifications">
            <ul>
              {def.simplified.map((s) => (
                <li key={s}>simplified: {s}</li>
              ))}
            </ul>
          </section>
        )}
        <HelpOverlay />
      </article>
    </SceneContext.Provider>
  );
}
