import type { InputLogEntry } from '../engine/core/simulation';

/**
 * A run in a link: its input log as `[at, after, command]` triples, JSON, base64url [1]. Reading
 * one back checks every part: the shape, the order, each command against the model's schema.
 */
export const MAX_LOG_PARAM = 16_000;

const toBase64Url = (s: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(bin, (c) => c.charCodeAt(0)),
    );
  } catch {
    return null;
  }
}

/** The `log=` value for a run, or null when it would make the link too long. */
export function encodeRunLog<C>(log: readonly InputLogEntry<C>[]): string | null {
  const s = toBase64Url(JSON.stringify(log.map((e) => [e.at, e.after, e.command])));
  return s.length <= MAX_LOG_PARAM ? s : null;
}

/** Reads a `log=` value back: the entries, or why they were refused. */
export function decodeRunLog<C>(
  value: string,
  parse: ((v: unknown) => C | null) | undefined,
): { log: InputLogEntry<C>[] } | { error: string } {
  if (!parse) return { error: 'this scene takes no commands from links' };
  if (value.length > MAX_LOG_PARAM) return { error: 'too long' };
  const json = fromBase64Url(value);
  if (json === null) return { error: 'not base64url text' };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { error: 'not JSON' };
  }
  if (!Array.isArray(raw) || raw.length > 500) return { error: 'not a list of commands' };
  const log: InputLogEntry<C>[] = [];
  for (const item of raw as unknown[]) {
    if (!Array.isArray(item) || item.length !== 3)
      return { error: 'an entry is not [time, position, command]' };
    const [at, after, cmd] = item as [unknown, unknown, unknown];
    if (
      !Number.isSafeInteger(at) ||
      !Number.isSafeInteger(after) ||
      (at as number) < 0 ||
      (after as number) < 0
    )
      return { error: 'an entry has a bad time or position' };
    const command = parse(cmd);
    if (command === null) return { error: 'an entry is not a command of this scene' };
    const prev = log[log.length - 1];
    if (prev && ((after as number) < prev.after || (at as number) < prev.at))
      return { error: 'entries out of order' };
    log.push({ at: at as number, after: after as number, command });
  }
  return { log };
}

// [1] Python Tutor's links carry the step they show; ours carry the whole run (seed + input log
//     + time), so a copied link reopens the exact moment, the learner's changes included.
