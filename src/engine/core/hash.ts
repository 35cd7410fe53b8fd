/**
 * A stable 64-bit hash (two 32-bit FNV-1a lanes with different offsets), fed incrementally.
 * Integer-only, so Node and every browser agree.
 */
export interface HashState {
  a: number;
  b: number;
}

/** A fresh hash state. */
export function newHash(): HashState {
  return { a: 0x811c9dc5, b: 0x01000193 ^ 0x9e3779b9 };
}

/** Feeds a string into the hash state (in place). */
export function hashString(h: HashState, s: string): void {
  let a = h.a;
  let b = h.b;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  h.a = a >>> 0;
  h.b = b >>> 0;
}

/** The hash as 16 hex digits. */
export function hashHex(h: HashState): string {
  return h.a.toString(16).padStart(8, '0') + h.b.toString(16).padStart(8, '0');
}

/** One-shot hash of any JSON-serialisable value. */
export function hashValue(value: unknown): string {
  const h = newHash();
  hashString(h, JSON.stringify(value, typedArrayReplacer));
  return hashHex(h);
}

function typedArrayReplacer(_key: string, v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}
