/**
 * The embed message format, version 1 (docs/embedding.md): what a host page may send a framed
 * scene, what the scene sends back, and the rule for the origins an embedder may name. Pure
 * functions over plain data: the app (src/app/embed.ts) and the web component
 * (src/embed/mesh-scene.ts) both validate with them, and neither ever trusts a message before
 * they have.
 */

export const PROTOCOL_VERSION = 1;
export const COMMAND_TYPE = 'mesh-scenes:command';
/** At most this many origins in `host=` (a docs site, its staging copy, a local preview...). */
export const MAX_HOSTS = 8;

export type ThemeValue = 'light' | 'dark' | 'system';
const THEMES: readonly string[] = ['light', 'dark', 'system'];

/** A command, once validated against the scene it is sent to. Steps are 1-based, as in URLs. */
export type EmbedCommand =
  | { command: 'step'; value: number }
  | { command: 'speed'; value: number }
  | { command: 'theme'; value: ThemeValue }
  | { command: 'play' | 'pause' | 'next' | 'prev' | 'state' };

const BARE = ['play', 'pause', 'next', 'prev', 'state'] as const;
const COMMAND_KEYS = new Set(['type', 'v', 'command', 'value']);

/** What a scene reports about itself: enough to draw a host's own controls. */
export interface StateSummary {
  scene: number;
  /** The narrative step, 1-based, and how many the scene has. */
  step: number;
  steps: number;
  playing: boolean;
  /** Simulated time in seconds (millisecond precision). */
  time: number;
  /** The speed setting (a multiple of real time, or simulated hours per second). */
  speed: number;
  theme: ThemeValue;
}

export type EmbedEvent =
  | ({ type: 'mesh-scenes:ready'; v: 1; title: string; speeds: number[] } & StateSummary)
  | { type: 'mesh-scenes:step'; v: 1; scene: number; step: number; steps: number; caption: string }
  | ({ type: 'mesh-scenes:state'; v: 1; ignored: number } & StateSummary)
  | { type: 'mesh-scenes:height'; v: 1; scene: number; height: number }
  | { type: 'mesh-scenes:error'; v: 1; scene: number; reason: string };

export type EventKind = 'ready' | 'step' | 'state' | 'height' | 'error';

/** What a scene accepts: its step count and its speeds. */
export interface CommandLimits {
  steps: number;
  speeds: readonly number[];
}

export type Parsed =
  | { ok: true; cmd: EmbedCommand }
  /** A message that is ours but wrong (the reason is sent back to an allowed host). */
  | { ok: false; reason: string }
  /** Not a command at all (another library's message, a non-object...). */
  | null;

/**
 * True for a plain data object: not null, not an array, not a class instance. Structured clone
 * gives a received object the receiving realm's Object.prototype.
 */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** An own property only (never one inherited, so a polluted prototype changes nothing). */
const own = (o: Record<string, unknown>, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

/**
 * Validates a received message against the scene's limits. It never throws and never writes to
 * the message: fields are read as own properties, unknown fields (`__proto__`, `constructor`...)
 * refuse the whole message, numbers must be exact (an integer step in range, a speed from the
 * scene's list).
 */
export function parseCommand(data: unknown, limits: CommandLimits): Parsed {
  if (!isPlainObject(data) || own(data, 'type') !== COMMAND_TYPE) return null;
  const keys = Object.keys(data);
  if (keys.length > COMMAND_KEYS.size || keys.some((k) => !COMMAND_KEYS.has(k)))
    return { ok: false, reason: 'unknown field (allowed: type, v, command, value)' };
  if (own(data, 'v') !== PROTOCOL_VERSION) return { ok: false, reason: 'v must be 1' };
  const command = own(data, 'command');
  const value = own(data, 'value');
  if (command === 'step') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= limits.steps)
      return { ok: true, cmd: { command, value } };
    return { ok: false, reason: `step needs an integer value from 1 to ${limits.steps}` };
  }
  if (command === 'speed') {
    if (typeof value === 'number' && limits.speeds.includes(value))
      return { ok: true, cmd: { command, value } };
    return { ok: false, reason: `speed needs one of ${limits.speeds.join(', ')}` };
  }
  if (command === 'theme') {
    if (typeof value === 'string' && THEMES.includes(value))
      return { ok: true, cmd: { command, value: value as ThemeValue } };
    return { ok: false, reason: 'theme needs "light", "dark" or "system"' };
  }
  const bare = BARE.find((b) => b === command);
  if (bare) {
    if (value !== undefined) return { ok: false, reason: `${bare} takes no value` };
    return { ok: true, cmd: { command: bare } };
  }
  return {
    ok: false,
    reason: 'unknown command (step, next, prev, play, pause, speed, theme, state)',
  };
}

/** Builds a command message (what a host posts). */
export function commandMessage(cmd: EmbedCommand): Record<string, unknown> {
  return { type: COMMAND_TYPE, v: PROTOCOL_VERSION, ...cmd };
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PORT = '(?::(?:[1-9][0-9]{0,4}))?';
/** `https://` any DNS name or IPv4 address; `http://` only this machine's own names. */
const ORIGIN = new RegExp(
  `^(?:https://${LABEL}(?:\\.${LABEL})*|http://(?:localhost|127\\.0\\.0\\.1))${PORT}$`,
);

/**
 * The origin rule: a value is accepted when it is exactly an origin as a browser serialises it
 * (`location.origin`): `https://` and a host name or IPv4 address, or `http://localhost` /
 * `http://127.0.0.1`, with an optional non-default port; lower case; no path (not even `/`), no
 * query, no user name, no wildcard. Returns the origin, or null.
 */
export function parseOrigin(s: string): string | null {
  if (s.length > 270 || !ORIGIN.test(s)) return null;
  try {
    const u = new URL(s);
    return u.origin === s ? s : null;
  } catch {
    return null;
  }
}

/**
 * Reads a `host=` value: origins separated by commas (at most MAX_HOSTS). Returns the accepted
 * origins (without duplicates) and the rejected values, so the page can say what it ignored.
 */
export function parseHosts(param: string): { hosts: string[]; rejected: string[] } {
  const hosts: string[] = [];
  const rejected: string[] = [];
  const parts = param.split(',').map((p) => p.trim());
  for (const [i, part] of parts.entries()) {
    const o = i < MAX_HOSTS ? parseOrigin(part) : null;
    if (o === null) rejected.push(part);
    else if (!hosts.includes(o)) hosts.push(o);
  }
  return { hosts, rejected };
}

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const EVENT_KEYS: Record<EventKind, readonly string[]> = {
  ready: ['scene', 'step', 'steps', 'time', 'speed'],
  step: ['scene', 'step', 'steps'],
  state: ['scene', 'step', 'steps', 'time', 'speed', 'ignored'],
  height: ['scene', 'height'],
  error: ['scene'],
};

/**
 * Validates an event a framed scene sent (what the web component accepts): its kind and the
 * numeric fields its kind needs. Returns the kind, or null.
 */
export function parseEvent(data: unknown): { kind: EventKind; event: EmbedEvent } | null {
  if (!isPlainObject(data)) return null;
  const type = own(data, 'type');
  if (typeof type !== 'string' || !type.startsWith('mesh-scenes:')) return null;
  // A frame with no allowed host posts its height alone, without `v` (the format before v1).
  if (own(data, 'v') !== PROTOCOL_VERSION && type !== 'mesh-scenes:height') return null;
  const kind = type.slice('mesh-scenes:'.length) as EventKind;
  const need = Object.prototype.hasOwnProperty.call(EVENT_KEYS, kind) ? EVENT_KEYS[kind] : null;
  if (!need || !need.every((k) => num(own(data, k)))) return null;
  if ((kind === 'state' || kind === 'ready') && typeof own(data, 'playing') !== 'boolean')
    return null;
  return { kind, event: data as unknown as EmbedEvent };
}
