/** What each mark in the diagram means: shapes differ, so colour is never the only cue. */
export function Legend() {
  const items: [string, React.ReactNode][] = [
    ['DiscoveryResponse (Istiod → sidecar)', <rect key="r" x={3} y={3} width={10} height={10} rx={2} className="token discoveryresponse" />],
    ['DiscoveryRequest', <circle key="c" cx={8} cy={8} r={5} className="token discoveryrequest" />],
    ['ACK', <g key="a" className="token ack"><circle cx={8} cy={8} r={6} /><path d="M4.5 8 L7 11 L12 5" className="glyph" /></g>],
    ['NACK', <g key="n" className="token nack"><polygon points="8,1 15,14 1,14" /><path d="M5.5 7 L10.5 12 M10.5 7 L5.5 12" className="glyph" /></g>],
    ['request in flight', <circle key="d" cx={8} cy={8} r={4} className="req-dot" />],
    ['request ok', <path key="o" d="M3 9 l3 3 l7 -8" className="req-ok" />],
    ['request failed', <path key="f" d="M3 3 l10 10 m0 -10 l-10 10" className="req-fail" />],
  ];
  return (
    <ul className="legend mesh-diagram" aria-label="Legend">
      {items.map(([label, icon]) => (
        <li key={label}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            {icon}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
