def match(listener, conn):  # Envoy narrows the chains criterion by criterion
    chains = listener.filter_chains
    # At each step the chains that name the connection's value win over those that leave it empty.
    chains = most_specific(chains, "destination_port", conn.original_dst.port)  # @anchor port
    chains = most_specific(chains, "transport_protocol", conn.transport)  # tls / raw_buffer
    chains = most_specific(chains, "application_protocols", conn.alpn)  # istio-http/1.1
    if chains:
        return chains[0]  # @anchor chosen
    return listener.default_filter_chain  # PassthroughFilterChain / InboundPassthroughFilterChain  # @anchor default
