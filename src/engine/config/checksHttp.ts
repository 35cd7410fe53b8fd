/**
 * HTTP-level rules shared by the VirtualService checks: header names and values, header
 * operations, StringMatch and RE2 regexes (Istio's pkg/config/validation: validation.go,
 * virtualservice.go, header_value_validator.go).
 */
import type { Reporter } from './checks';
import { goRegexpError } from './goRegexp';
import type { Headers, StringMatch } from './istio';

const TCHARS = "!#$%&'*+\\-.^_`|~A-Za-z0-9";
const HEADER_NAME = new RegExp(`^[${TCHARS}]+$`);
const PSEUDO = new Set([':method', ':scheme', ':authority', ':path', ':status']);

/** `jwt.ToRoutingClaim(name).Match`: `@request.auth.claims.x` or `@request.auth.claims[x]`. */
export function isJwtClaimRoute(name: string): boolean {
  const prefix = '@request.auth.claims';
  if (!name.toLowerCase().startsWith(prefix)) return false;
  const rest = name.slice(prefix.length);
  return (
    (rest.startsWith('.') && rest.length > 1) ||
    (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2)
  );
}

/** `ValidateHTTPHeaderNameOrJwtClaimRoute` (match `headers` / `withoutHeaders` keys). */
export function headerNameOrClaimError(name: string): string | null {
  if (name === '') return 'header name cannot be empty';
  if (isJwtClaimRoute(name) || PSEUDO.has(name)) return null;
  return HEADER_NAME.test(name) ? null : `header name ${name} is not a valid header name`;
}

/** `ValidateCORSHTTPHeaderName`. */
export function corsHeaderNameError(name: string): string | null {
  if (name === '') return 'header name cannot be empty';
  if (name === '*') return null;
  return HEADER_NAME.test(name) ? null : `header name ${name} is not a valid header name`;
}

const isInternal = (k: string): boolean => k.startsWith(':') || k.toLowerCase() === 'host';
/** `isAuthorityHeader`: `:authority` or `host`, any case. */
export const isAuthorityHeader = (k: string): boolean =>
  k.toLowerCase() === ':authority' || k.toLowerCase() === 'host';

/** `ValidateHTTPHeaderWithAuthorityOperationName` (request `set` / `add`). */
function withAuthorityNameError(name: string): string | null {
  if (name === '') return 'header name cannot be empty';
  if (isInternal(name) && !isAuthorityHeader(name))
    return `invalid header ${JSON.stringify(name)}: header cannot have ":" prefix`;
  return null;
}

/** `ValidateHTTPHeaderOperationName` (request `remove`, every response operation). */
function operationNameError(name: string): string | null {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host')
    return `invalid header ${JSON.stringify(name)}: cannot set Host header`;
  if (isInternal(name))
    return `invalid header ${JSON.stringify(name)}: header cannot have ":" prefix`;
  return null;
}

// Control characters other than tab (protoc-gen-validate's header value rule).
// eslint-disable-next-line no-control-regex
const HEADER_VALUE = /^[^\u0000-\u0008\u000A-\u001F\u007F]*$/;

/**
 * `validateHeaderValue`: Envoy's header_parser.cc state machine over `%VARIABLE%` and
 * `%VAR([...])%` expressions; `%%` is a literal percent.
 */
function headerFormatError(value: string): string | null {
  type State = 'lit' | 'var' | 'arr' | 'str' | 'inStr' | 'delim' | 'argsEnd' | 'varEnd';
  let state: State = 'lit';
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case 'lit':
        if (ch !== '%') break;
        if (!hasNext) return 'invalid header configuration. Un-escaped %';
        if (value[pos + 1] === '%') pos++;
        else state = 'var';
        break;
      case 'var':
        if (ch === '%') state = 'lit';
        else if (ch === '(') state = 'arr';
        break;
      case 'arr':
        if (ch === '[') state = 'str';
        else if (ch !== ' ') state = 'inStr';
        break;
      case 'delim':
        if (ch === ',') state = 'str';
        else if (ch === ']') state = 'argsEnd';
        else if (ch !== ' ')
          return "invalid header configuration. Expecting ',', ']', or whitespace";
        break;
      case 'str':
        if (ch === '"') state = 'inStr';
        else if (ch !== ' ') return "invalid header configuration. Expecting '\"'";
        break;
      case 'inStr':
        if (ch === '\\') {
          if (!hasNext)
            return 'invalid header configuration. Un-terminated backslash in JSON string';
          pos++;
        } else if (ch === ')') state = 'varEnd';
        else if (ch === '"') state = 'delim';
        break;
      case 'argsEnd':
        if (ch === ')') state = 'varEnd';
        else if (ch !== ' ')
          return "invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'";
        break;
      case 'varEnd':
        if (ch === '%') state = 'lit';
        else if (ch !== ' ')
          return "invalid header configuration. Expecting '%' or whitespace after";
        break;
    }
  }
  return state === 'lit'
    ? null
    : `invalid header configuration. Un-terminated variable expression '${value}'`;
}

/** `ValidateHTTPHeaderValue`. */
export function headerValueError(value: string): string | null {
  if (!HEADER_VALUE.test(value)) return `header value configuration ${value} is invalid`;
  const e = headerFormatError(value);
  return e === null ? null : `header value configuration: ${e}`;
}

/**
 * The header operations of an HTTP rule or of one of its destinations (virtualservice.go,
 * `validateHTTPRoute` / `validateHTTPRouteDestinations`).
 */
export function checkHeaderOperations(r: Reporter, path: string, h: Headers | undefined): void {
  if (!h) return;
  const each = (p: string, value: string | undefined, nameErr: string | null): void => {
    if (nameErr) r.add(p, nameErr);
    const ve = value === undefined ? null : headerValueError(value);
    if (ve) r.add(p, ve);
  };
  // Istio's order: request add, set, remove; then response add, set, remove.
  for (const dir of ['request', 'response'] as const) {
    const ops = h[dir];
    const nameError = dir === 'request' ? withAuthorityNameError : operationNameError;
    for (const op of ['add', 'set'] as const)
      for (const [k, v] of Object.entries(ops?.[op] ?? {}))
        each(`${path}.${dir}.${op}.${k}`, v, nameError(k));
    (ops?.remove ?? []).forEach((k, i) =>
      each(`${path}.${dir}.remove[${i}]`, undefined, operationNameError(k)),
    );
  }
}

/** `validateStringRegexp`: at most 1024 characters, and Go's `regexp.Compile` accepts it. */
export function regexError(re: string, where: string): string | null {
  if (re.length > 1024) return `"${where}": regex is too large, max length allowed is 1024`;
  const err = goRegexpError(re);
  return err
    ? `"${where}": ${err}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)`
    : null;
}

/**
 * `validateStringMatch(sm, where)` (empty prefix refused, regex checked) or, with `prefixMayBeEmpty`
 * (the uri, and CORS origins), `validateStringMatchRegexp` (only the regex is checked).
 */
export function checkStringMatch(
  r: Reporter,
  path: string,
  m: StringMatch | undefined,
  where: string,
  prefixMayBeEmpty = false,
): void {
  if (!m) return;
  if (!prefixMayBeEmpty && m.regex === undefined && m.exact === undefined && m.prefix === '')
    r.add(`${path}.prefix`, `"${where}": prefix string match should not be empty`);
  const re = m.regex;
  if (re === undefined || m.exact !== undefined || m.prefix !== undefined) return;
  if (re === '') r.add(`${path}.regex`, `"${where}": regex string match should not be empty`);
  else {
    const e = regexError(re, where);
    if (e) r.add(`${path}.regex`, e);
  }
}
