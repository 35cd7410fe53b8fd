def handshake(client, server):  # a new connection between two sidecars  # @anchor hello
    client.hello(alpn=["istio-http/1.1", "istio", "http/1.1"])  # ISTIO_MUTUAL
    cert = server.certificate  # its SDS "default": SAN spiffe://.../sa/payments
    if not verify(cert, roots=client.sds["ROOTCA"]):  # signed by a trusted root?
        raise TLSError("certificate verify failed")  # @anchor failed
    if cert.san not in cluster.subject_alt_names:  # secure naming: only payments' identities
        raise TLSError("SAN mismatch")
    verify(client.certificate, roots=server.sds["ROOTCA"])  # mutual: the server checks too
    return Connection(peer=client.certificate.san)  # the principal RBAC will see  # @anchor done

def authorize(request, peer):  # payments' inbound HTTP filters, per request
    if any(p.matches(peer) for p in deny_policies):  # DENY first  # @anchor deny
        return 403, "RBAC: access denied"
    if allow_policies and not any(p.matches(peer) for p in allow_policies):  # @anchor no_allow
        return 403, "RBAC: access denied"
    return pass_to_router(request)  # @anchor allowed
