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
      const d = item(x, `${path}[${i}]`, ctx);
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

/**
 * An object with known fields; any other field is an error worded as Istio's strict JSON
 * unmarshal (golang/protobuf jsonpb) words it: `unknown field "wieght" in
 * v1alpha3.HTTPRouteDestination` (the Go type: package, then the message path joined by `_`).
 */
export function obj(fields: Record<string, Decoder>, protoName: string): Decoder {
  const goType = protoName
    .replace(/^istio\.(networking|security|type)\./, '')
    .replace(
      /^(v\w+)\.(.*)$/,
      (_m, pkg: string, rest: string) => `${pkg}.${rest.replace(/\./g, '_')}`,
    );
  return (v, path, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return fail(ctx, path, `must be an object, got ${describe(v)}`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const field = Object.hasOwn(fields, k) ? fields[k] : undefined;
      const p = path === '' ? k : `${path}.${k}`;
      if (!field) {
        fail(ctx, p, `unknown field ${quote(k)} in ${goType}`);
        continue;
      }
      if (x === null) continue; // YAML `key:` with no value: proto unmarshal treats null as unset.
      const d = field(x, p, ctx);
      if (d !== undefined) put(out, k, d);
    }
    return out;
  };
}
