import type { MeshSource } from '../../engine/mesh/views';
import { istiodView, walkView } from '../../engine/mesh/views';
import type { WalkDetail } from '../../engine/mesh/walk/types';
import { jsonKey, useSelect, useSimSelect, useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { useElementWidth } from '../layout/useElementWidth';
import { hopPoint, hopSides, stageX, walkLayout, type PodBox } from './walkLayout';
import './walk.css';

/** The stage chips along each proxy lane (column → label), per side and detail. */
const CHIPS: Record<WalkDetail, { caller: [number, string][]; callee: [number, string][] }> = {
  hops: {
    caller: [
      [0, ':15001'],
      [2, '0.0.0.0_8080'],
      [4, 'route'],
      [6, 'endpoint'],
    ],
    callee: [
      [0, ':15006'],
      [6, '→ app'],
    ],
  },
  stages: {
    caller: [
      [0, ':15001'],
      [1, '_8080'],
      [2, 'chain'],
      [3, 'HCM'],
      [4, 'filters'],
      [5, 'router'],
      [6, 'cluster'],
    ],
    callee: [
      [0, ':15006'],
      [2, 'chain'],
      [3, 'HCM'],
      [4, 'filters'],
      [5, 'router'],
      [6, '→ app'],
    ],
  },
};

interface PodInfo {
  name: string;
  ip: string;
  injected: boolean;
  up: boolean;
}

const podInfo = (sim: MeshSource, name: string | null): PodInfo | null => {
  const p = name ? sim.state.pods[name] : undefined;
  return p ? { name: p.name, ip: p.ip, injected: p.injected, up: p.up } : null;
};

function Pod({
  box,
  info,
  role,
  chips,
  lit,
}: {
  box: PodBox;
  info: PodInfo | null;
  role: string;
  chips: [number, string][];
  lit: Set<number>;
}) {
  if (!info)
    return (
      <g className="walk-pod empty">
        <rect className="node" x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
        <text className="node-sub" x={box.x + box.w / 2} y={box.y + box.h / 2} textAnchor="middle">
          {role}: follow a request to see where it goes
        </text>
      </g>
    );
  const { app, proxy, kernel } = box;
  // The room between two chips: the lane's columns, closer when every stage has a chip.
  const room = ((proxy.w - 48) / 6) * (chips.length > 4 ? 1 : 2);
  return (
    <g className={`walk-pod${info.injected ? '' : ' bare'}`} data-pod={info.name}>
      <rect className="node" x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
      <text className="walk-pod-title" x={box.x + 12} y={box.y + 18}>
        {role}: {info.name} <tspan className="tiny">{info.ip}</tspan>
      </text>
      <rect className="walk-lane app" x={app.x} y={app.y} width={app.w} height={app.h} rx={6} />
      <text className="walk-lane-label" x={app.x + 8} y={app.y + 16}>
        app container
      </text>
      <text className="tiny" x={app.x + 8} y={app.y + 32}>
        {info.up ? 'listens on :8080, runs as UID 1000' : 'not running'}
      </text>
      <rect
        className="walk-lane proxy"
        x={proxy.x}
        y={proxy.y}
        width={proxy.w}
        height={proxy.h}
        rx={6}
      />
      <text className="walk-lane-label" x={proxy.x + 8} y={proxy.y + 16}>
        {info.injected ? 'istio-proxy: Envoy + istio-agent (UID 1337)' : 'no sidecar'}
      </text>
      {info.injected &&
        chips.map(([col, label]) => (
          <g key={col} className={`walk-chip${lit.has(col) ? ' lit' : ''}`}>
            <rect
              x={stageX(proxy, col) - chipW(label, room) / 2}
              y={proxy.y + 30}
              width={chipW(label, room)}
              height={18}
              rx={4}
            />
            <text x={stageX(proxy, col)} y={proxy.y + 43} textAnchor="middle">
              {label}
            </text>
          </g>
        ))}
      <rect
        className="walk-lane kernel"
        x={kernel.x}
        y={kernel.y}
        width={kernel.w}
        height={kernel.h}
        rx={6}
      />
      <text className="walk-lane-label" x={kernel.x + 8} y={kernel.y + 16}>
        kernel: netfilter nat
      </text>
      <text className="tiny" x={kernel.x + 8} y={kernel.y + 32}>
        {info.injected
          ? 'istio-init’s rules: out → 15001, in → 15006'
          : 'empty (no istio-init): nothing is redirected'}
      </text>
    </g>
  );
}

/** A connection's path through two pods, hop by hop, with the current hop marked. */
export function WalkDiagram({ detail }: { detail: WalkDetail }) {
  const { ui, idPrefix } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const [ref, px] = useElementWidth<HTMLDivElement>();
  const l = walkLayout(px);
  const view = useSelect(walkView);
  const up = useSimSelect((sim: MeshSource) => istiodView(sim).up, String);
  const walk = view?.walk ?? null;
  const calleeName = walk?.hops.find((h) => h.endpoint)?.endpoint ?? null;
  const pods = useSimSelect(
    (sim: MeshSource) => ({
      caller: podInfo(sim, walk?.from ?? selected),
      callee: podInfo(sim, calleeName),
    }),
    jsonKey,
  );
  const shown = view?.shown ?? [];
  const sides = hopSides(walk?.hops ?? []);
  const points = shown.map((h, i) => hopPoint(l, h, sides[i] ?? 'caller', walk?.to ?? '', detail));
  const cur = points[points.length - 1];
  const prev = points[points.length - 2];
  // The answer travelling back is drawn dashed: it retraces the same connections.
  const replied = shown[shown.length - 1]?.stage === 'done' && points.length > 1;
  const litCols = (side: 'caller' | 'callee') =>
    new Set(
      shown.flatMap((h, i) =>
        sides[i] === side && (h.side === 'outbound' || h.side === 'inbound')
          ? [(detail === 'hops' ? HOPS_CHIP : COLS)[h.stage] ?? -1]
          : [],
      ),
    );
  return (
    <div
      ref={ref}
      className={`walk-diagram diagram-fit ${l.mode === 'wide' ? 'rows' : 'columns'}`}
      data-layout={l.mode === 'wide' ? 'rows' : 'columns'}
    >
      <div className="diagram-stack">
        <svg
          className="mesh-diagram"
          viewBox={`0 0 ${l.width} ${l.height}`}
          role="img"
          aria-labelledby={`${idPrefix}-walk-title`}
        >
          <title id={`${idPrefix}-walk-title`}>
            {walk
              ? `The path of one connection from ${walk.from}: ${shown.length} of ${walk.hops.length} hops so far`
              : 'Two pods, each drawn as app, istio-proxy and kernel lanes; no request followed yet'}
          </title>
          <g className={`walk-istiod${up ? '' : ' down'}`}>
            <rect
              className="node istiod"
              x={l.istiod.x}
              y={l.istiod.y}
              width={l.istiod.w}
              height={l.istiod.h}
              rx={8}
            />
            <text
              className="walk-pod-title"
              x={l.istiod.x + l.istiod.w / 2}
              y={l.istiod.y + 17}
              textAnchor="middle"
            >
              Istiod {up ? '' : '(down)'}
            </text>
            <text
              className="tiny"
              x={l.istiod.x + l.istiod.w / 2}
              y={l.istiod.y + 32}
              textAnchor="middle"
            >
              istiod.istio-system:15012 — not on the request path
            </text>
          </g>
          <Pod
            box={l.caller}
            info={pods.caller}
            role="caller"
            chips={CHIPS[detail].caller}
            lit={litCols('caller')}
          />
          <Pod
            box={l.callee}
            info={pods.callee}
            role="callee"
            chips={CHIPS[detail].callee}
            lit={litCols('callee')}
          />
          <text className="tiny" x={l.wire.x} y={l.wire.y + 16} textAnchor="middle">
            pod network
          </text>
          {points.length > 1 && (
            <polyline
              className="walk-path"
              points={points
                .slice(0, replied ? -1 : undefined)
                .map((p) => `${p.x},${p.y}`)
                .join(' ')}
            />
          )}
          {replied && prev && cur && (
            <line className="walk-path reply" x1={prev.x} y1={prev.y} x2={cur.x} y2={cur.y} />
          )}
          {cur && (
            <circle className="walk-dot" cx={cur.x} cy={cur.y} r={7} data-testid="walk-dot" />
          )}
        </svg>
      </div>
    </div>
  );
}

/** A chip wide enough for its label (10 px text). */
const chipW = (label: string, room: number): number =>
  Math.min(room - 3, Math.max(40, label.length * 6 + 12));

/** Scene 2: stage → chip column. */
const HOPS_CHIP: Partial<Record<string, number>> = {
  'listener.accept': 0,
  'listener.handoff': 2,
  'router.route': 4,
  'tcp.proxy': 4,
  'upstream.connect': 6,
};

/** Stage → chip column (the same order as the layout's). */
const COLS: Partial<Record<string, number>> = {
  'listener.accept': 0,
  'listener.handoff': 1,
  'listener.filters': 1,
  'filterChain.match': 2,
  'hcm.decode': 3,
  'http.filter': 4,
  'router.route': 5,
  'tcp.proxy': 5,
  'upstream.connect': 6,
};
