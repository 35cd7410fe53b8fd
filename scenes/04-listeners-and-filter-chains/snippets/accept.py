def accept(conn):  # iptables sent the connection to 15001 (or 15006)  # @anchor accept
    listener = listeners_by_port[conn.local_port]  # virtualOutbound / virtualInbound
    if listener.use_original_dst:  # virtualOutbound: hand off by the port the app dialled
        listener = listeners.get(f"0.0.0.0_{conn.original_dst.port}", listener)  # @anchor handoff
    for f in listener.listener_filters:  # tls_inspector, http_inspector  # @anchor inspect
        f.on_accept(conn)  # transport protocol and ALPN, from the first bytes
    chain = FilterChain.match(listener, conn)  # the panel beside  # @anchor match
    if "tcp_proxy" in chain.filters:  # PassthroughCluster / BlackHoleCluster
        return tcp_proxy(conn, chain.cluster)  # bytes, not requests  # @anchor tcp
    hcm = chain.filters["http_connection_manager"]
    request = hcm.decode(conn)  # headers, x-request-id, route config by RDS  # @anchor hcm
    for f in hcm.http_filters[:-1]:  # Istio's order, the router last
        f.decode_headers(request)  # mx, grpc_stats, alpn, fault, cors, stats  # @anchor filter
    return router.route(request)  # virtual host → route → cluster  # @anchor route
