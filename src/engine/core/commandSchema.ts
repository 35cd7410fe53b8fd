/**
 * Checking commands that arrive from outside (a shared link): a small schema per command kind,
 * so a model can refuse anything that is not exactly one of its commands before it reaches the
 * engine. Strings are bounded; numbers must be finite and in range.
 */
export type FieldRule =
  | { type: 'string'; max: number; pattern?: RegExp }
  | { type: 'number'; min: number; max: number; integer?: boolean }
  | { type: 'boolean' };

/** Command kind → its fields (a `?` suffix marks an optional field). */
export type CommandSchema = Readonly<Record<string, Readonly<Record<string, FieldRule>>>>;

const NAME = { type: 'string', max: 63, pattern: /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/ } as const;
/** A Kubernetes-style name (pods, services). */
export const nameRule: FieldRule = NAME;

function fieldOk(rule: FieldRule, v: unknown): boolean {
  if (rule.type === 'boolean') return typeof v === 'boolean';
  if (rule.type === 'string')
    return typeof v === 'string' && v.length <= rule.max && (!rule.pattern || rule.pattern.test(v));
  return (
    typeof v === 'number' &&
    Number.isFinite(v) &&
    v >= rule.min &&
    v <= rule.max &&
    (!rule.integer || Number.isInteger(v))
  );
}

/** The value as a command of `schema`, or null: exactly the listed fields, each valid. */
export function parseWithSchema<C>(schema: CommandSchema, value: unknown): C | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const rec = value as Record<string, unknown>;
  const kind = rec['kind'];
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(schema, kind)) return null;
  const fields = schema[kind] as Readonly<Record<string, FieldRule>>;
  const out: Record<string, unknown> = { kind };
  for (const key of Object.keys(rec)) {
    if (key === 'kind') continue;
    const rule = fields[key] ?? fields[`${key}?`];
    if (!rule || !fieldOk(rule, rec[key])) return null;
    out[key] = rec[key];
  }
  for (const [key, rule] of Object.entries(fields))
    if (!key.endsWith('?') && !(key in out) && rule) return null;
  return out as C;
}
