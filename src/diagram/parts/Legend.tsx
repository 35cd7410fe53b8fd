import type { ReactNode } from 'react';

/** One legend entry: a 16×16 SVG icon and its meaning. */
export interface LegendItem {
  label: string;
  icon: ReactNode;
}

/** What each mark in a diagram means: shapes differ, so colour is never the only cue. */
export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="legend mesh-diagram" aria-label="Legend">
      {items.map(({ label, icon }) => (
        <li key={label}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            {icon}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
