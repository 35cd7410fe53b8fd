/**
 * The whole v1 API, VirtualService part: fields beyond the simulator's model are decoded and checked with Istio's
 * rules and messages (pkg/config/validation: validation.go, virtualservice.go,
 * agent/validation.go; pkg/config/security), and listed by `unmodelledFields`.
 */
import { describe, expect, it } from 'vitest';
import { istioWarnings, parseMeshYaml, validateIstio } from './index';

function errs(yaml: string): string[] {
  const { docs, errors } = parseMeshYaml(yaml);
  return [...errors, ...validateIstio(docs)].map((e) => `${e.path}: ${e.message}`);
}
const warns = (yaml: string): string[] =>
  istioWarnings(parseMeshYaml(yaml).docs).map((e) => `${e.path}: ${e.message}`);

const vs = (spec: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: r }\nspec:\n${spec}`;
const route = '    route: [{ destination: { host: ratings } }]\n';

describe('VirtualService: HTTP rule fields', () => {
  it('checks redirect, rewrite and direct responses, and what a rule may combine', () => {
    expect(
      errs(vs(`  hosts: [ratings]\n  http:\n  - redirect: { uri: /a, prefix_rewrite: /b }\n`)),
    ).toEqual(['spec.http[0].redirect: redirect may only specify one of uri or prefix_rewrite']);
    expect(
      errs(vs(`  hosts: [ratings]\n  http:\n  - redirect: { uri: /a, redirectCode: 404 }\n`)),
    ).toEqual(['spec.http[0].redirect: 404 is not a valid redirect code, must be 3xx']);
    expect(
      errs(
        vs(
          `  hosts: [ratings]\n  http:\n  - redirect: { uri: /a }\n    rewrite: { uri: /b }\n${route}`,
        ),
      ),
    ).toEqual([
      'spec.http[0]: HTTP route cannot contain both route and redirect',
      'spec.http[0]: HTTP route rule cannot contain both rewrite and redirect',
    ]);
    expect(errs(vs(`  hosts: [ratings]\n  http:\n  - rewrite: {}\n${route}`))).toEqual([
      'spec.http[0].rewrite: rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified',
    ]);
    expect(
      errs(
        vs(
          `  hosts: [ratings]\n  http:\n  - rewrite: { uriRegexRewrite: { match: "(", rewrite: x } }\n${route}`,
        ),
      )[0],
    ).toMatch(
      /^spec.http\[0\].rewrite.uriRegexRewrite: UriRegexRewrite has errors: "HTTPRewrite.UriRegexRewrite.Match": error parsing regexp: missing closing \)/,
    );
    expect(errs(vs(`  hosts: [ratings]\n  http:\n  - directResponse: { status: 700 }\n`))).toEqual([
      'spec.http[0].directResponse.status: HTTP status 700 is not in range 200-599',
    ]);
    expect(
      errs(
        vs(
          `  hosts: [ratings]\n  http:\n  - directResponse: { status: 503, body: { bytes: "not base64!" } }\n`,
        ),
      ),
    ).toEqual(['spec.http[0].directResponse.body.bytes: illegal base64 data at input byte 3']);
  });

  it('checks mirrors, CORS, header operations and fault aborts', () => {
    expect(
      errs(
        vs(
          `  hosts: [ratings]\n  http:\n  - mirror: { host: "*" }\n    mirrorPercentage: { value: 101 }\n${route}`,
        ),
      ),
    ).toEqual([
      'spec.http[0].mirrorPercentage: mirror_percentage must have a max value of 100 (it has 101.000000)',
      'spec.http[0].mirror.host: invalid destination host *',
    ]);
    expect(
      errs(
        vs(
          `  hosts: [ratings]\n  http:\n  - corsPolicy: { allowMethods: [GET, FETCH], allowHeaders: ["bad header"], maxAge: 1500ms }\n${route}`,
        ),
      ),
    ).toEqual([
      'spec.http[0].corsPolicy.allowMethods[1]: "FETCH" is not a supported HTTP method',
      'spec.http[0].corsPolicy.allowHeaders[0]: header name bad header is not a valid header name',
      'spec.http[0].corsPolicy.maxAge: max_age duration is accurate only to seconds precision',
    ]);
    expect(
      errs(
        vs(
          `  hosts: [ratings]\n  http:\n  - headers: { request: { remove: [Host] }, response: { set: { x: "%START_TIME%%" } } }\n${route}`,
        ),
      ),
    ).toEqual([
      'spec.http[0].headers.request.remove[0]: invalid header "Host": cannot set Host header',
      'spec.http[0].headers.response.set.x: header value configuration: invalid header configuration. Un-escaped %',
    ]);
    expect(
      errs(vs(`  hosts: [ratings]\n  http:\n  - fault: { abort: { grpcStatus: NOPE } }\n${route}`)),
    ).toEqual([
      'spec.http[0].fault.abort.grpcStatus: gRPC status "NOPE" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example \'NOT_FOUND\'',
    ]);
    expect(
      errs(
        vs(
          `  hosts: [ratings]\n  http:\n  - fault: { abort: { grpcStatus: UNAVAILABLE } }\n${route}`,
        ),
      ),
    ).toEqual([]);
  });

  it('checks every match field', () => {
    const m = (match: string): string[] =>
      errs(vs(`  hosts: [ratings]\n  http:\n  - match: [${match}]\n${route}`));
    expect(m('{ method: { prefix: "" } }')).toEqual([
      'spec.http[0].match[0].method.prefix: "method": prefix string match should not be empty',
    ]);
    expect(m('{ uri: { prefix: "" } }')).toEqual([]); // the uri may have an empty prefix
    expect(
      m('{ withoutHeaders: { x-a: { regex: "*" } }, queryParams: { v: { exact: "1" } } }'),
    ).toEqual([]);
    expect(m('{ sourceNamespace: Shop_1, port: 70000 }')).toEqual([
      'spec.http[0].match[0].port: port number 70000 must be in the range 1..65535',
      'spec.http[0].match[0].sourceNamespace: sourceNamespace match Shop_1 is invalid',
    ]);
    expect(m('{ headers: { "@request.auth.claims.group": { exact: a } } }')).toEqual([
      'spec.http[0].match[0].headers.@request.auth.claims.group: JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, found no gateways: []',
    ]);
  });

  it('warns on overlapping prefixes with Istio’s method/authority/query rules', () => {
    const y = vs(
      `  hosts: [ratings]\n  http:\n  - match: [{ uri: { prefix: /a } }]\n${route}  - match: [{ uri: { prefix: /ab } }]\n${route}  - match: [{ uri: { prefix: /abc }, method: { exact: POST } }]\n${route}`,
    );
    expect(warns(y)).toEqual([
      'spec.http[1]: virtualService rule #1 match #0 of prefix /ab is not used (duplicate/overlapping match in rule #0 of prefix /a on #0)',
    ]);
  });
});

describe('VirtualService: TCP and TLS rules, delegation, gateways, exportTo', () => {
  it('checks TCP and TLS rules', () => {
    expect(
      errs(
        vs(
          '  hosts: [mongo]\n  tcp:\n  - match: [{ port: 27017, destinationSubnets: [10.0.0.0/33] }]\n',
        ),
      ),
    ).toEqual([
      'spec.tcp[0].match[0].destinationSubnets[0]: 10.0.0.0/33 is not a valid CIDR block',
      'spec.tcp[0]: TCP route is required',
    ]);
    expect(
      errs(
        vs(
          '  hosts: ["*.bookinfo.com"]\n  gateways: [gw]\n  tls:\n  - match: [{ sniHosts: [login.example.com] }]\n    route: [{ destination: { host: login } }]\n',
        ),
      ),
    ).toEqual([
      'spec.tls[0].match[0].sniHosts[0]: SNI host "login.example.com" is not a compatible subset of any of the virtual service hosts: [*.bookinfo.com]',
    ]);
    expect(
      warns(
        vs(
          '  hosts: [a, b]\n  tcp:\n  - route: [{ destination: { host: a } }]\n  - route: [{ destination: { host: b } }]\n',
        ),
      ),
    ).toEqual([
      'spec.tcp[1]: virtualService rule #1 not used (only the last rule can have no matches)',
    ]);
  });

  it('knows delegate and root VirtualServices', () => {
    expect(errs(vs('  tcp:\n  - route: [{ destination: { host: a } }]\n'))).toEqual([
      'spec.tcp: delegate virtual service must have no tcp route specified',
    ]);
    expect(
      errs(
        vs(
          `  hosts: [a]\n  http:\n  - name: r1\n    delegate: { name: d, namespace: x }\n${route}`,
        ),
      ),
    ).toEqual(['spec.http[0]: root HTTP route r1 must not specify route']);
    expect(errs(vs('  http:\n  - delegate: { name: d }\n'))).toEqual([
      'spec.http[0].delegate: delegate HTTP route cannot contain delegate',
      'spec.http[0]: HTTP route, redirect or direct_response is required',
    ]);
  });

  it('checks gateway names and exportTo', () => {
    expect(
      warns(vs(`  hosts: [a]\n  gateways: [gw.istio-system]\n  http:\n  - ${route.trimStart()}`)),
    ).toEqual([
      'spec.gateways[0]: using legacy gatewayName format "gw.istio-system"; prefer the <namespace>/<name> format: "istio-system/gw"',
    ]);
    expect(
      errs(vs(`  hosts: [a]\n  exportTo: [shop, ".", "~"]\n  http:\n  - ${route.trimStart()}`)),
    ).toEqual([
      'spec.exportTo: duplicate entries in exportTo: . and current namespace shop',
      'spec.exportTo: exportTo ~ (none) is not allowed for Istio configuration objects',
    ]);
  });
});
