/** Every keyboard shortcut, in one list: the handler and the help overlay both read it. */
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
    | 'istiod'
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
  { keys: ['k'], label: 'Kill / restore Istiod', action: 'istiod' },
  { keys: ['t'], label: 'Switch light / dark theme', action: 'theme' },
  { keys: ['?'], label: 'Show or hide this help', action: 'help' },
  { keys: ['Escape'], label: 'Close help, unpin a code line', action: 'escape' },
];

export const keyName = (k: string): string =>
  k === ' ' ? 'Space' : k === 'ArrowRight' ? '→' : k === 'ArrowLeft' ? '←' : k === 'Escape' ? 'Esc' : k;

export function bindingFor(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): KeyBinding | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return KEYS.find((b) => b.keys.includes(key) || b.keys.includes(e.key)) ?? null;
}
