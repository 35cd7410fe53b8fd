import { m } from 'motion/react';
import { memo } from 'react';
import type { MeshView } from '../../engine/mesh/contract';
import type { Box } from '../layout/castLayout';
import { shortVersion } from '../../ui/mesh/statusText';

/** Istiod: up (solid) or down (dashed, crossed out). Never on the request path. */
function IstiodNodeView({
  b,
  istiod,
  rejects,
  proxies,
}: {
  b: Box;
  istiod: MeshView['istiod'];
  rejects: number;
  proxies: number;
}) {
  const label = istiod.up
    ? `Istiod up: ${istiod.connectedProxies} of ${proxies} proxies connected`
    : 'Istiod down: no config pushes, sidecars keep their last config';
  return (
    <g
      role="img"
      aria-label={label}
      data-testid="istiod"
      data-up={istiod.up}
      data-version={istiod.lastVersion ?? ''}
    >
      <m.rect
        x={b.x}
        y={b.y}
        width={b.w}
        height={b.h}
        rx={10}
        className={istiod.up ? 'node istiod' : 'node istiod down'}
        animate={{ opacity: istiod.up ? 1 : 0.55 }}
        transition={{ duration: 0.3 }}
      />
      <text x={b.x + 14} y={b.y + 26} className="node-title">
        Istiod
      </text>
      <text x={b.x + 14} y={b.y + 46} className="node-sub">
        {istiod.up
          ? `xDS on :15012 · ${istiod.connectedProxies}/${proxies} streams · version ${shortVersion(istiod.lastVersion)}`
          : 'DOWN — no pushes, no new certs'}
      </text>
      {rejects > 0 && (
        <text x={b.x + b.w - 14} y={b.y + 26} textAnchor="end" className="node-sub rejects">
          pilot_total_xds_rejects {rejects}
        </text>
      )}
      {!istiod.up && (
        <g className="cross" aria-hidden="true">
          <line x1={b.x + b.w - 40} y1={b.y + 14} x2={b.x + b.w - 16} y2={b.y + 38} />
          <line x1={b.x + b.w - 16} y1={b.y + 14} x2={b.x + b.w - 40} y2={b.y + 38} />
        </g>
      )}
    </g>
  );
}

export const IstiodNode = memo(
  IstiodNodeView,
  (a, b) =>
    a.b === b.b &&
    a.proxies === b.proxies &&
    a.rejects === b.rejects &&
    a.istiod.up === b.istiod.up &&
    a.istiod.connectedProxies === b.istiod.connectedProxies &&
    a.istiod.lastVersion === b.istiod.lastVersion,
);
