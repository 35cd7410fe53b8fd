# Envoy, for each NEW upstream connection (mTLS, both ways)
def verify_peer(cert, rootca, now):
    if now >= cert.not_after:
        fail("certificate expired")  # @anchor expired
    if not any(verifies(cert.signature, root.key) for root in rootca):
        fail("signed by an untrusted root")  # checked by KEY  # @anchor untrusted
    if cert.san not in expected_sans:  # secure naming
        fail("SAN mismatch")
    ok()  # @anchor ok

# An open connection is never re-verified: it keeps the TLS
# session it negotiated, even after either certificate expires.
for req in requests_on(pooled_connection):
    send(req)  # no handshake, no check  # @anchor reuse
