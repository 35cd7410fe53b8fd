/**
 * YAML text → typed Istio objects. Malformed YAML yields the YAML error with its line and column;
 * unknown apiVersion/kind, wrong field types and unknown fields yield errors naming the field path.
 */
import { Composer, LineCounter, Parser, type YAMLError } from 'yaml';
import type { ConfigError, IstioKind, IstioObject, SourceInfo } from './istio';
import { clip, MAX_ERRORS, MAX_MESSAGE, quote } from './checks';
import type { DecodeContext } from './schema';
import { KINDS, UNMODELLED_KINDS } from './specs';
import {
  collectLines,
  DEEP,
  depthOf,
  MAX_ALIAS_COUNT,
  MAX_DEPTH,
  MAX_DOCUMENTS,
  MAX_FILE_BYTES,
} from './yamlTree';
import { deepPoint } from './yamlDepth';

export { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_DOCUMENTS, MAX_FILE_BYTES } from './yamlTree';

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
    const line =
      (Object.hasOwn(source.lines, path) ? source.lines[path] : undefined) ?? source.line;
    errors.push({
      path: clip(path, 200),
      message: clip(message, MAX_MESSAGE),
      doc: source.doc,
      line,
    });
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
  const known = Object.hasOwn(KINDS, kind)
    ? (KINDS as Record<string, (typeof KINDS)[IstioKind] | undefined>)[kind]
    : undefined;
  if (!known) {
    const unmodelled = Object.hasOwn(UNMODELLED_KINDS, kind) ? UNMODELLED_KINDS[kind] : undefined;
    at(
      'kind',
      unmodelled
        ? `${kind} (${unmodelled}) is a real Istio kind that this simulator does not model; supported kinds: ${Object.keys(KINDS).join(', ')}`
        : `unknown kind ${quote(kind)} for apiVersion ${clip(apiVersion)}; supported kinds: ${Object.keys(KINDS).join(', ')}`,
    );
    return null;
  }
  if (group !== known.group || !known.versions.includes(version)) {
    at(
      'apiVersion',
      `unknown apiVersion ${quote(apiVersion)} for kind ${kind}; use ${known.versions.map((v) => `${known.group}/${v}`).join(', ')}`,
    );
    return null;
  }
  const stray = Object.keys(value).filter(
    (k) => !['apiVersion', 'kind', 'metadata', 'spec', 'status'].includes(k),
  );
  for (const k of stray)
    at(k, `unknown field ${quote(k)} (a document has apiVersion, kind, metadata and spec)`);
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
  const annotations = isRecord(meta.annotations)
    ? Object.fromEntries(
        Object.entries(meta.annotations).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      )
    : undefined;
  if ((kind === 'VirtualService' || kind === 'DestinationRule') && value.spec == null) {
    errors.push({
      path: '',
      message: 'spec: required',
      doc: source.doc,
      line: source.line,
      object: `${kind}/${ns}/${name}`,
    });
    return null;
  }
  const ctx: DecodeContext = { errors: [], lines: source.lines, doc: source.doc };
  const spec = known.spec(value.spec ?? {}, 'spec', ctx);
  const object = `${kind}/${ns}/${name}`;
  for (const e of ctx.errors.slice(0, MAX_ERRORS)) errors.push({ ...e, object });
  if (ctx.errors.length > MAX_ERRORS)
    errors.push({
      path: '',
      message: `… and ${ctx.errors.length - MAX_ERRORS} more errors`,
      doc: source.doc,
      line: source.line,
      object,
    });
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
    metadata: {
      name,
      namespace: ns,
      ...(labels ? { labels } : {}),
      ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec: withDefaults,
    source,
  } as IstioObject;
}

/**
 * Parses a (multi-document) YAML text into Istio objects.
 * A document with any error is left out of `docs`; empty documents are skipped.
 */
export function parseMeshYaml(text: string, options: ParseOptions = {}): ParseResult {
  const docs: IstioObject[] = [];
  const errors: ConfigError[] = [];
  if (text.length > MAX_FILE_BYTES) {
    const kb = Math.ceil(text.length / 1024);
    errors.push({
      path: '',
      message: `file too large (${kb} KB; at most ${MAX_FILE_BYTES / 1024} KB is accepted)`,
      doc: 0,
    });
    return { docs, errors };
  }
  // Old-Mac (CR only) and Windows line endings: YAML would see one long line or a stray \r.
  const normalised = text.replace(/\r\n?/g, '\n');
  // Far too deep for the parsed-tree check to be cheap (the yaml parser is slow there) [1].
  const deep = deepPoint(normalised, MAX_DEPTH + DEPTH_MARGIN);
  if (deep) {
    errors.push({ path: '', message: `YAML error: ${DEEP}`, doc: deep.doc, line: deep.line });
    return { docs, errors };
  }
  try {
    parseDocuments(normalised, options.namespace ?? 'shop', docs, errors);
  } catch (e) {
    // Not expected: the yaml package's own errors are collected per document below.
    const msg = e instanceof Error ? e.message : String(e);
    errors.push({
      path: '',
      message: `YAML error: ${/call stack/i.test(msg) ? DEEP : clip(msg, 200)}`,
      doc: 0,
    });
  }
  return { docs, errors };
}

/** How far the text's depth estimate may pass MAX_DEPTH before parsing is not even tried. */
const DEPTH_MARGIN = 16;

function parseDocuments(
  text: string,
  namespace: string,
  docs: IstioObject[],
  errors: ConfigError[],
): void {
  const lineCounter = new LineCounter();
  // Documents are parsed one at a time, as they are read: past MAX_DOCUMENTS the rest is not.
  // logLevel 'error': no console warning (e.g. for a map used as a key; it becomes an unknown field).
  const composer = new Composer({ logLevel: 'error' });
  let index = -1;
  for (const d of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
    index++;
    if (index === MAX_DOCUMENTS) {
      const line = lineCounter.linePos(d.contents?.range?.[0] ?? d.range[0]).line;
      errors.push({
        path: '',
        message: `more than ${MAX_DOCUMENTS} documents: the rest of the file was not read`,
        doc: index,
        line,
      });
      return;
    }
    const yamlError = (message: string, pos?: { line: number; col: number }): void => {
      const text = /call stack/i.test(message) ? DEEP : message;
      const firstLine = (text.split('\n')[0] ?? text)
        .replace(/:$/, '')
        .replace(/ at line \d+, column \d+$/, '');
      errors.push({
        path: '',
        message: `YAML error: ${clip(firstLine, 200)}`,
        doc: index,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      });
    };
    const posOf = (e: YAMLError) => e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    if (d.errors.length > 0) {
      // A stack overflow inside the yaml parser comes back as one error per open bracket.
      const deep = d.errors.find((e) => /call stack/i.test(e.message));
      const shown = deep ? [deep] : d.errors.slice(0, MAX_ERRORS);
      for (const e of shown) yamlError(e.message, posOf(e));
      if (!deep && d.errors.length > MAX_ERRORS)
        yamlError(`… and ${d.errors.length - MAX_ERRORS} more errors`);
      continue;
    }
    if (d.contents === null) continue; // an empty document (`---` alone)
    const start = d.contents.range?.[0] ?? 0;
    const startLine = lineCounter.linePos(start).line;
    if (depthOf(d.contents, MAX_DEPTH) > MAX_DEPTH) {
      yamlError(DEEP, { line: startLine, col: 1 });
      continue;
    }
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      yamlError(
        /alias count/i.test(msg)
          ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}; a "billion laughs" document?)`
          : msg,
        { line: startLine, col: 1 },
      );
      continue;
    }
    if (value == null) continue; // an empty document
    const lines: Record<string, number> = Object.create(null) as Record<string, number>;
    collectLines(d.contents, '', lineCounter, lines);
    const source: SourceInfo = { doc: index, line: startLine, lines };
    const obj = decodeDoc(value, source, namespace, errors);
    if (obj) docs.push(obj);
  }
}

// [1] The yaml package parses a document nested thousands of levels deep (`[[[[…`, `- - - …`) in
//     20–250 ms, and records an error per level of some invalid ones: a file of such documents
//     took seconds. `deepPoint` estimates the depth in one pass over the text (within a level or
//     two of the real one on real files); well past the limit the file is refused before it is
//     parsed, and the exact check on the parsed tree stays.
