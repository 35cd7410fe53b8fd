import { memo } from 'react';

/** A label placed in the diagram's coordinates (the scene says what each region is). */
export interface RegionLabel {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'end' | 'middle';
  small?: boolean;
}

/** The region labels of a scene's diagram, as the reference page labels its regions. */
export const RegionLabels = memo(function RegionLabels({
  labels,
}: {
  labels: readonly RegionLabel[];
}) {
  return (
    <g className="region-labels">
      {labels.map((r) => (
        <text
          key={`${r.x},${r.y},${r.text}`}
          x={r.x}
          y={r.y}
          className={r.small ? 'region small' : 'region'}
          textAnchor={r.anchor ?? 'start'}
        >
          {r.text}
        </text>
      ))}
    </g>
  );
});
