/**
 * A tiny structural decoder: plain JS (from YAML) → typed Istio fields, with an error per field
 * path. It plays the part of the proto unmarshal that `istioctl validate` and the webhook run
 * before the semantic checks (wrong types, unknown fields, unknown enum values).
 */
import { clip, MAX_MESSAGE, quote } from './checks';
import type { ConfigError } from './istio';

/** Collects errors and knows the line of each field path. */
export interface DecodeContext {
  errors: ConfigError[];
  lines: Record<string, number>;
  doc: number;
}

/** Decodes `value` found at `path`; returns undefined (and records an error) when invalid. */
export type Decoder = (value: unknown, path: string, ctx: DecodeContext) => unknown;

function fail(ctx: DecodeContext, path: string, message: string): undefined {
  const line = Object.hasOwn(ctx.lines, path) ? ctx.lines[path] : undefined;
  ctx.errors.push({
    path: clip(path, 200),
    message: clip(message, MAX_MESSAGE),
    doc: ctx.doc,
    ...(line === undefined ? {} : { line }),
  });
  return undefined;
}

/** YAML's spelling of a non-finite number (`.nan`, `.inf`, `-.inf`). */
function yamlNumber(v: number): string {
  return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !Number.isFinite(v)) return yamlNumber(v);
  if (typeof v === 'string') return `string ${quote(v)}`;
  return `${typeof v} ${clip(String(v))}`;
}

/** Sets `out[k]` as an own property even for `__proto__`. */
function put(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else out[k] = v;
}

/** A string. */
export const str: Decoder = (v, path, ctx) =>
  typeof v === 'string' ? v : fail(ctx, path, `must be a string, got ${describe(v)}`);

/** A duration written as a Go duration string (`1s`, `500ms`); its syntax is judged later. */
export const dur: Decoder = (v, path, ctx) =>
  typeof v === 'string'
    ? v
    : fail(ctx, path, `must be a duration string such as "1s" or "500ms", got ${describe(v)}`);

/** A boolean. */
export const bool: Decoder = (v, path, ctx) =>
  typeof v === 'boolean' ? v : fail(ctx, path, `must be a boolean, got ${describe(v)}`);

/** A double (Istio `Percent.value`). */
export const num: Decoder = (v, path, ctx) =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'number'
      ? fail(ctx, path, `expected a finite number, got ${yamlNumber(v)}`)
      : fail(ctx, path, `must be a number, got ${describe(v)}`);

function notInteger(v: unknown, path: string, ctx: DecodeContext): undefined {
  return typeof v === 'number' && !Number.isFinite(v)
    ? fail(ctx, path, `expected a finite number, got ${yamlNumber(v)}`)
    : fail(ctx, path, `must be an integer, got ${describe(v)}`);
}

/** A proto int32 (`weight`, `attempts`, `httpStatus`...): negative values pass, the validator judges them. */
export const int32: Decoder = (v, path, ctx) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) return notInteger(v, path, ctx);
  if (v < -2147483648 || v > 2147483647) return fail(ctx, path, `${v} overflows int32`);
  return v;
};

/** A proto uint32 (`port.number`, `maxEjectionPercent`...). */
export const uint32: Decoder = (v, path, ctx) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) return notInteger(v, path, ctx);
  if (v < 0 || v > 4294967295) return fail(ctx, path, `${v} is not a valid uint32 (0..4294967295)`);
  return v;
};

/** A proto enum written by name. */
export function enumOf(values: readonly string[], protoName: string): Decoder {
  return (v, path, ctx) =>
    typeof v === 'string' && values.includes(v)
      ? v
      : fail(
          ctx,
          path,
          `unknown value ${typeof v === 'string' ? quote(v) : describe(v)} for enum ${protoName} (one of ${values.join(', ')})`,
        );
}

/** A list of `item`. */
export function arr(item: Decoder): Decoder {
  return (v, path, ctx) => {
    if (!Array.isArray(v)) return fail(ctx, path, `must be a list, got ${describe(v)}`);
    const out: unknown[] = [];
    v.forEach((x, i) => {
      // A `null` entry: jsonpb appends an empty message ({}) or an empty string.
      const d =
        x === null && (MESSAGES.has(item) || item === str)
          ? MESSAGES.has(item)
            ? {}
            : ''
          : item(x, `${path}[${i}]`, ctx);
      if (d !== undefined) out.push(d);
    });
    return out;
  };
}

/** A map with string keys (`labels`, `headers`). */
export function mapOf(item: Decoder): Decoder {
  return (v, path, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return fail(ctx, path, `must be a map, got ${describe(v)}`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const d = item(x, `${path}.${k}`, ctx);
      if (d !== undefined) put(out, k, d);
    }
    return out;
  };
}

/** A oneof of a message: at most one of `fields` may be set. */
export interface Oneof {
  fields: readonly string[];
  /** How the message names it: `StringMatch`, `LoadBalancerSettings.lb_policy`. */
  label: string;
}

/** The proto field name (`per_try_timeout`) of a JSON name (`perTryTimeout`). */
function protoFieldName(json: string): string {
  if (json === 'consecutive5xxErrors') return 'consecutive_5xx_errors';
  return json.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `a`, `a or b`, `a, b or c`. */
function orList(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/**
 * An object with known fields; any other field is an error worded as Istio's strict JSON
 * unmarshal (golang/protobuf jsonpb, `ApplyJSONStrict`) words it: `unknown field "wieght" in
 * istio.networking.v1alpha3.HTTPRouteDestination`. As jsonpb, a field may also be written with
 * its proto name (`prefix_rewrite` for `prefixRewrite`); the decoded object uses the JSON name.
 * Two members of one oneof: jsonpb keeps the last, the CRD's structural schema refuses the
 * object (`kubectl apply` fails), and so does this decoder.
 */
export function obj(
  fields: Record<string, Decoder>,
  protoName: string,
  oneofs: readonly Oneof[] = [],
): Decoder {
  const aliases = new Map<string, string>();
  for (const k of Object.keys(fields)) {
    const snake = protoFieldName(k);
    if (snake !== k && !Object.hasOwn(fields, snake)) aliases.set(snake, k);
  }
  const decoder: Decoder = (v, path, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return fail(ctx, path, `must be an object, got ${describe(v)}`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const name = Object.hasOwn(fields, k) ? k : aliases.get(k);
      const field = name === undefined ? undefined : fields[name];
      const p = path === '' ? k : `${path}.${k}`;
      if (!field || name === undefined) {
        fail(ctx, p, `unknown field ${quote(k)} in ${protoName}`);
        continue;
      }
      if (x === null) continue; // YAML `key:` with no value: proto unmarshal treats null as unset.
      const d = field(x, p, ctx);
      // An empty list is unset too: jsonpb leaves the Go slice nil (so `rules: []` is no rules).
      if (d !== undefined && !(Array.isArray(d) && d.length === 0)) put(out, name, d);
    }
    for (const o of oneofs) {
      const set = o.fields.filter((f) => Object.hasOwn(out, f));
      if (set.length > 1)
        fail(
          ctx,
          path,
          `only one of ${orList(o.fields)} may be set (${o.label} is a oneof), got ${set.join(' and ')}`,
        );
    }
    return out;
  };
  MESSAGES.add(decoder);
  return decoder;
}

/** The decoders `obj` made (proto messages). */
const MESSAGES = new WeakSet<Decoder>();

/** A proto uint64 (`minimumRingSize`, `tableSize`): a non-negative integer. */
export const uint64: Decoder = (v, path, ctx) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) return notInteger(v, path, ctx);
  if (v < 0) return fail(ctx, path, `${v} is not a valid uint64`);
  return v;
};

/** A proto `bytes` field: base64 (standard alphabet, padded), as encoding/json reads it. */
export const bytes: Decoder = (v, path, ctx) => {
  if (typeof v !== 'string') return fail(ctx, path, `must be a base64 string, got ${describe(v)}`);
  const s = v.replace(/[\r\n]/g, ''); // encoding/json's base64 ignores line breaks
  const bad = /[^A-Za-z0-9+/=]/.exec(s);
  const pad = s.indexOf('=');
  const at =
    bad !== null
      ? bad.index
      : s.length % 4 !== 0
        ? s.length - (s.length % 4)
        : pad >= 0 && (pad < s.length - 2 || !/^=*$/.test(s.slice(pad)))
          ? pad
          : -1;
  return at < 0 ? v : fail(ctx, path, `illegal base64 data at input byte ${at}`);
};

/** A map whose keys are proto uint32 (PeerAuthentication `portLevelMtls`: port → mode). */
export function uint32Map(item: Decoder): Decoder {
  const inner = mapOf(item);
  return (v, path, ctx) => {
    const out = inner(v, path, ctx) as Record<string, unknown> | undefined;
    if (out === undefined) return undefined;
    for (const k of Object.keys(out))
      if (!/^\d+$/.test(k) || Number(k) > 4294967295)
        fail(ctx, `${path}.${k}`, `map key ${quote(k)} is not a valid uint32`);
    return out;
  };
}
