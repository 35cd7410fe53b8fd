/**
 * YAML text → typed Istio objects. Malformed YAML yields the YAML error with its line and column;
 * unknown apiVersion/kind, wrong field types and unknown fields yield errors naming the field path.
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { ConfigError, IstioKind, IstioObject, SourceInfo } from './istio';
import type { DecodeContext } from './schema';
import { KINDS, UNMODELLED_KINDS } from './specs';

/** Options for {@link parseMeshYaml}. */
export interface ParseOptions {
  /** Namespace for documents without `metadata.namespace` (kubectl's current namespace). Default `shop`. */
  namespace?: string;
}

/** Result of {@link parseMeshYaml}: the documents that decoded, and every error found. */
export interface ParseResult {
  docs: IstioObject[];
  errors: ConfigError[];
}

/** Records the 1-based line of every field path under `node`. */
function collectLines(
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Decodes one YAML document's JS value into an Istio object (or records why it cannot). */
function decodeDoc(
  value: unknown,
  source: SourceInfo,
  namespace: string,
  errors: ConfigError[],
): IstioObject | null {
  const at = (path: string, message: string): void => {
    const line = source.lines[path] ?? source.line;
    errors.push({ path, message, doc: source.doc, line });
  };
  if (!isRecord(value)) {
    at('', 'document is not a YAML mapping (expected apiVersion, kind, metadata, spec)');
    return null;
  }
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    at('apiVersion', 'apiVersion is required (e.g. networking.istio.io/v1)');
    return null;
  }
  if (typeof kind !== 'string' || kind === '') {
    at('kind', 'kind is required (e.g. VirtualService)');
    return null;
  }
  const [group = '', version = ''] = apiVersion.split('/');
  const known = (KINDS as Record<string, (typeof KINDS)[IstioKind] | undefined>)[kind];
  if (!known) {
    const unmodelled = UNMODELLED_KINDS[kind];
    at(
      'kind',
      unmodelled
        ? `${kind} (${unmodelled}) is a real Istio kind that this simulator does not model; supported kinds: ${Object.keys(KINDS).join(', ')}`
        : `unknown kind "${kind}" for apiVersion ${apiVersion}; supported kinds: ${Object.keys(KINDS).join(', ')}`,
    );
    return null;
  }
  if (group !== known.group || !known.versions.includes(version)) {
    at(
      'apiVersion',
      `unknown apiVersion "${apiVersion}" for kind ${kind}; use ${known.versions.map((v) => `${known.group}/${v}`).join(', ')}`,
    );
    return null;
  }
  const stray = Object.keys(value).filter(
    (k) => !['apiVersion', 'kind', 'metadata', 'spec', 'status'].includes(k),
  );
  for (const k of stray)
    at(k, `unknown field "${k}" (a document has apiVersion, kind, metadata and spec)`);
  if (stray.length > 0) return null;
  const meta = isRecord(value.metadata) ? value.metadata : {};
  const name = meta.name;
  if (typeof name !== 'string' || name === '') {
    at('metadata.name', 'metadata.name is required');
    return null;
  }
  const ns =
    typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : namespace;
  const labels = isRecord(meta.labels) ? (meta.labels as Record<string, string>) : undefined;
  const ctx: DecodeContext = { errors: [], lines: source.lines, doc: source.doc };
  const spec = known.spec(value.spec ?? {}, 'spec', ctx);
  for (const e of ctx.errors) errors.push({ ...e, object: `${kind}/${ns}/${name}` });
  if (spec === undefined || ctx.errors.length > 0) return null;
  const withDefaults =
    kind === 'VirtualService'
      ? { hosts: [], ...(spec as object) }
      : kind === 'DestinationRule'
        ? { host: '', ...(spec as object) }
        : spec;
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: ns, ...(labels ? { labels } : {}) },
    spec: withDefaults,
    source,
  } as IstioObject;
}

/**
 * Parses a (multi-document) YAML text into Istio objects.
 * A document with any error is left out of `docs`; empty documents are skipped.
 */
export function parseMeshYaml(text: string, options: ParseOptions = {}): ParseResult {
  const namespace = options.namespace ?? 'shop';
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true });
  const docs: IstioObject[] = [];
  const errors: ConfigError[] = [];
  if (!Array.isArray(parsed)) return { docs, errors }; // empty stream
  parsed.forEach((d, index) => {
    if (d.errors.length > 0) {
      for (const e of d.errors) {
        const pos = e.linePos?.[0];
        const firstLine = (e.message.split('\n')[0] ?? e.message)
          .replace(/:$/, '')
          .replace(/ at line \d+, column \d+$/, '');
        errors.push({
          path: '',
          message: `YAML error: ${firstLine}`,
          doc: index,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        });
      }
      return;
    }
    if (d.contents === null || d.toJS() == null) return; // an empty document (`---` alone)
    const lines: Record<string, number> = {};
    collectLines(d.contents, '', lineCounter, lines);
    const start = d.contents.range?.[0] ?? 0;
    const source: SourceInfo = { doc: index, line: lineCounter.linePos(start).line, lines };
    const obj = decodeDoc(d.toJS(), source, namespace, errors);
    if (obj) docs.push(obj);
  });
  return { docs, errors };
}
