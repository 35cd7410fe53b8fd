/**
 * Limits on YAML input (file size, nesting, alias expansion) and walks over the yaml package's
 * node tree used by `parseMeshYaml`.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/**
 * A file larger than this is refused: 256 KB, the most `kubectl apply` takes for one object (it
 * keeps the whole object in its last-applied-configuration annotation, and Kubernetes caps an
 * object's annotations at 256 KB: TotalAnnotationSizeLimitB in apimachinery's objectmeta.go).
 * No Istio config comes close; the yaml parser needs up to ~2 s for 1 MB of hostile text.
 */
export const MAX_FILE_BYTES = 256 * 1024;
/** Documents read from one file; past this the rest is reported as not read. */
export const MAX_DOCUMENTS = 500;
/** Documents nested deeper than this are refused (before anything recurses into them). */
export const MAX_DEPTH = 64;
export const DEEP = `too deeply nested (more than ${MAX_DEPTH} levels)`;
/** At most this many alias expansions per document (YAML "billion laughs" protection). */
export const MAX_ALIAS_COUNT = 100;

/** The nesting depth of a YAML node tree, walked without recursion; stops past `limit`. */
export function depthOf(root: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop() as [unknown, number];
    if (!isMap(node) && !isSeq(node)) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const item of node.items as unknown[]) {
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        stack.push([pair.key, d + 1], [pair.value, d + 1]);
      } else stack.push([item, d + 1]);
    }
  }
  return max;
}

/** Records the 1-based line of every field path under `node`. */
export function collectLines(
  node: unknown,
  path: string,
  lc: LineCounter,
  out: Record<string, number>,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const p = path === '' ? key : `${path}.${key}`;
      const start = (pair.key as Node | null)?.range?.[0];
      if (start !== undefined) out[p] = lc.linePos(start).line;
      collectLines(pair.value, p, lc, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const p = `${path}[${i}]`;
      const start = (item as Node | null)?.range?.[0];
      if (start !== undefined) out[p] = lc.linePos(start).line;
      collectLines(item, p, lc, out);
    });
  }
}
