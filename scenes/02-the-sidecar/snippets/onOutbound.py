def on_outbound(conn):  # Envoy: a connection arrives on 0.0.0.0:15001  # @anchor accept
    dst = conn.original_destination  # SO_ORIGINAL_DST: the address the app dialled
    listener = listeners.get(f"0.0.0.0_{dst.port}")  # use_original_dst  # @anchor handoff
    if listener is None:  # no listener for that port
        return tcp_proxy(conn, "PassthroughCluster")  # ALLOW_ANY  # @anchor passthrough
    request = listener.http_connection_manager.decode(conn)
    cluster = listener.route_config.match(request)  # RDS "8080"  # @anchor route
    host = clusters[cluster].load_balancer.pick()  # EDS endpoints  # @anchor pick
    upstream = connect(host, tls="ISTIO_MUTUAL")  # as UID 1337: not captured  # @anchor connect
    return upstream.send(request)  # the answer goes back to the app  # @anchor reply
