import { domAnimation, LazyMotion, MotionConfig } from 'motion/react';
import { useCallback, useMemo } from 'react';
import type { XdsMessageView } from '../engine/mesh/contract';
import { useMeshView, useRuntime } from '../runtime/context';
import { pin, select, useUi } from '../store/uiStore';
import { StreamLines, streamState, XdsTokens } from './AdsStreams';
import { IstiodNode } from './IstiodNode';
import { meshLayout } from './layout/meshLayout';
import { RegionLabels } from './RegionLabels';
import { SidecarCard } from './SidecarCard';
import { TrafficLayer } from './TrafficLayer';

/**
 * The mesh diagram, drawn from the engine's view every frame: Istiod on top, eight sidecars with
 * their cached config, the ADS streams with their tokens, and request traffic underneath.
 * Motion only eases badges; `reducedMotion="user"` honours prefers-reduced-motion.
 */
export function MeshDiagram() {
  const { ui, def, idPrefix } = useRuntime();
  const view = useMeshView();
  const selected = useUi(ui, (s) => s.selected);
  // The layout depends only on which pods exist: recomputed when that list changes.
  const key = view.sidecars.map((s) => s.pod).join(',');
  const l = useMemo(() => meshLayout(key.split(',')), [key]);
  const onSelect = useCallback((p: string) => select(ui, p), [ui]);
  const onPick = (msg: XdsMessageView) => {
    const sender = def.senders[msg.kind];
    select(ui, msg.pod);
    if (sender) pin(ui, { ...sender, label: `this ${msg.kind} (${msg.xds}, ${msg.pod})` });
  };
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">
        <div className="diagram-stack">
          <svg className="mesh-diagram" viewBox={`0 0 ${l.width} ${l.height}`} role="group" aria-labelledby={`${idPrefix}-diagram-title`}>
            <title id={`${idPrefix}-diagram-title`}>
              Mesh diagram: Istiod, eight sidecars, their ADS streams and the request traffic
            </title>
            <RegionLabels l={l} />
            <StreamLines l={l} up={streamState(view.sidecars)} />
            <IstiodNode l={l} istiod={view.istiod} rejects={(view as { rejects?: number }).rejects ?? 0} />
            {view.sidecars.map((s) => {
              const box = l.sidecars[s.pod];
              return box ? <SidecarCard key={s.pod} s={s} box={box} selected={s.pod === selected} onSelect={onSelect} /> : null;
            })}
          </svg>
          {/* [1] Everything that moves lives in its own composited layer: a frame repaints only it. */}
          <svg className="mesh-diagram moving" viewBox={`0 0 ${l.width} ${l.height}`} role="group" aria-label="xDS messages and requests in motion">
            <TrafficLayer l={l} requests={view.requests} sidecars={view.sidecars} now={view.now} />
            <XdsTokens l={l} messages={view.xdsMessages} recent={(view as { recentXds?: XdsMessageView[] }).recentXds ?? []} now={view.now} selected={selected} onPick={onPick} />
          </svg>
        </div>
      </MotionConfig>
    </LazyMotion>
  );
}

// [1] Two stacked SVGs with the same viewBox: the static one (nodes, cards, labels) changes only
//     when state changes; the moving one is promoted (will-change) and repainted each frame.
