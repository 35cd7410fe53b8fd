# Envoy KEEPS serving: it holds the last applied
# LDS/RDS/CDS/EDS in memory and consults THAT cache
# on every request, never the control plane.
on ads_stream_closed:  # @anchor lost
    keep(cache)  # control_plane.connected_state = 0
    retry_after(backoff(500 ms, max=30 s, jitter))  # @anchor retry
for req in outbound_traffic:  # routing runs in the CALLER's sidecar
    route = cached_rds.match(req)  # in-memory, authoritative
    host = cached_eds[route.cluster].pick()  # endpoints may go stale
    forward(req, host)  # @anchor forward

# Operator edits are refused: the validating webhook runs in Istiod.
# Certs: no renewal without Istiod's CA; the current cert
# (24 h TTL, renewed at ~50%) works until it expires.
# Therefore: the control plane is on the CONFIG path,
# NOT the REQUEST path.
