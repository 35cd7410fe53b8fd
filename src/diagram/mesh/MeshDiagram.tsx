import { useCallback, useMemo } from 'react';
import type { XdsMessageView, XdsType } from '../../engine/mesh/contract';
import {
  istiodView,
  requestViews,
  sidecarViews,
  xdsInFlight,
  xdsRecent,
} from '../../engine/mesh/views';
import { usePlayer, useRuntime, useSelect } from '../../runtime/context';
import { select, useUi } from '../../store/uiStore';
import { castLayout, type CastLayout } from '../layout/castLayout';
import { columnLayout } from '../layout/columnLayout';
import { narrowWidth, useElementWidth } from '../layout/useElementWidth';
import { Diagram } from '../parts/Diagram';
import type { RegionLabel } from '../parts/RegionLabels';
import { StreamLines, streamState, XdsTokens } from './AdsStreams';
import { IstiodNode } from './IstiodNode';
import { CONFIG_ROWS, SidecarCard } from './SidecarCard';
import { TrafficLayer } from './TrafficLayer';

export interface MeshDiagramProps {
  /** The diagram's accessible title (what the scene draws). */
  title: string;
  /** The scene's region labels, placed from the layout. */
  labels?: (l: CastLayout) => readonly RegionLabel[];
  /** The config rows each sidecar card shows. */
  rows?: readonly XdsType[];
  /** Draw the ADS streams and their messages (scenes about the data path may leave them out). */
  streams?: boolean;
  /** A click on a message token (the scene pins the line that sent it). */
  onPickMessage?: (msg: XdsMessageView) => void;
}

/**
 * The mesh model drawn from its state every frame: Istiod (when the scene's cast has a control
 * plane), the sidecar cards with their cached config, the ADS streams with their messages, and
 * the request traffic. The scene supplies the words.
 */
export function MeshDiagram({
  title,
  labels,
  rows = CONFIG_ROWS,
  streams = true,
  onPickMessage,
}: MeshDiagramProps) {
  const { ui, def } = useRuntime();
  const istiod = useSelect(istiodView);
  const sidecars = useSelect(sidecarViews);
  const requests = useSelect(requestViews);
  const inFlight = useSelect(xdsInFlight);
  const recent = useSelect(xdsRecent);
  const now = usePlayer().sim.now;
  const selected = useUi(ui, (s) => s.selected);
  // The layout depends only on which pods exist and on the room it has [1].
  const key = sidecars.map((s) => s.pod).join(',');
  const [fitRef, px] = useElementWidth<HTMLDivElement>();
  const narrow = px !== null && px < NARROW_PX ? narrowWidth(px, 304) : 0;
  const cardH = 82 + rows.length * 17;
  const l = useMemo(
    () =>
      narrow
        ? columnLayout(def.cast, key.split(','), { width: narrow, columns: 2, cardH })
        : castLayout(def.cast, key.split(',')),
    [def.cast, key, narrow, cardH],
  );
  const onSelect = useCallback((p: string) => select(ui, p), [ui]);
  const onPick = useCallback(
    (msg: XdsMessageView) => (onPickMessage ? onPickMessage(msg) : select(ui, msg.pod)),
    [onPickMessage, ui],
  );
  const cp = l.controlPlane;
  return (
    <Diagram
      l={l}
      fitRef={fitRef}
      labels={labels}
      title={title}
      movingLabel="Messages and requests in motion"
      still={
        <>
          {streams && cp && <StreamLines l={l} up={streamState(sidecars)} />}
          {cp && (
            <IstiodNode b={cp} istiod={istiod} rejects={istiod.rejects} proxies={sidecars.length} />
          )}
          {sidecars.map((s) => {
            const box = l.nodes[s.pod];
            return box ? (
              <SidecarCard
                key={s.pod}
                s={s}
                box={box}
                rows={rows}
                selected={s.pod === selected}
                onSelect={onSelect}
              />
            ) : null;
          })}
        </>
      }
      moving={
        <>
          <TrafficLayer l={l} requests={requests} sidecars={sidecars} now={now} />
          {streams && cp && (
            <XdsTokens
              l={l}
              messages={inFlight}
              recent={recent}
              now={now}
              selected={selected}
              onPick={onPick}
            />
          )}
        </>
      }
    />
  );
}

/** Below this container width (CSS px) the cards stack in two columns. */
const NARROW_PX = 600;

// [1] Wide: the cast's rows side by side, scaled to the container. Narrow (a phone): two columns
//     in a canvas no wider than keeps the smallest text at 11 CSS px (MIN_TEXT_SCALE), cards as
//     tall as the config rows they show, and the scene's labels refitted (fitLabels).
