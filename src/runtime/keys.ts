import type { AnySceneDef } from '../scene/types';

/** Every keyboard shortcut the platform gives every scene: the handler and the help overlay read it. */
export interface KeyBinding {
  keys: string[];
  label: string;
  action:
    | 'toggle'
    | 'next'
    | 'prev'
    | 'eventFwd'
    | 'eventBack'
    | 'faster'
    | 'slower'
    | 'reset'
    | 'help'
    | 'theme'
    | 'escape';
}

export const KEYS: KeyBinding[] = [
  { keys: [' '], label: 'Play / pause', action: 'toggle' },
  { keys: ['ArrowRight'], label: 'Next narrative step', action: 'next' },
  { keys: ['ArrowLeft'], label: 'Previous narrative step', action: 'prev' },
  { keys: ['.'], label: 'One engine event forward', action: 'eventFwd' },
  { keys: [','], label: 'One engine event back', action: 'eventBack' },
  { keys: ['+', '='], label: 'Faster', action: 'faster' },
  { keys: ['-', '_'], label: 'Slower', action: 'slower' },
  { keys: ['r'], label: 'Reset the scene', action: 'reset' },
  { keys: ['t'], label: 'Switch light / dark theme', action: 'theme' },
  { keys: ['?'], label: 'Show or hide this help', action: 'help' },
  { keys: ['Escape'], label: 'Close help, unpin a code line', action: 'escape' },
];

/** A scene's own shortcut: a "Try this" control with a key. */
export interface SceneKey {
  key: string;
  label: string;
  /** The "Try this" control it presses. */
  tryId: string;
}

/** The shortcuts a scene's controls declare (a key the platform uses is refused by the registry test). */
export function sceneKeys(def: AnySceneDef): SceneKey[] {
  return def.tryThis.flatMap((t) =>
    t.kind !== 'slider' && t.key
      ? [
          {
            key: t.key,
            label: t.kind === 'toggle' ? `${t.offLabel} / ${t.onLabel.toLowerCase()}` : t.label,
            tryId: t.id,
          },
        ]
      : [],
  );
}

export const keyName = (k: string): string =>
  k === ' '
    ? 'Space'
    : k === 'ArrowRight'
      ? '→'
      : k === 'ArrowLeft'
        ? '←'
        : k === 'Escape'
          ? 'Esc'
          : k;

const normal = (e: { key: string }) => (e.key.length === 1 ? e.key.toLowerCase() : e.key);

/** The platform binding for a key press, or null. */
export function bindingFor(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): KeyBinding | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = normal(e);
  return KEYS.find((b) => b.keys.includes(key) || b.keys.includes(e.key)) ?? null;
}

/** The scene's own binding for a key press, or null. */
export function sceneBindingFor(
  def: AnySceneDef,
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
): SceneKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = normal(e);
  return sceneKeys(def).find((k) => k.key === key) ?? null;
}
