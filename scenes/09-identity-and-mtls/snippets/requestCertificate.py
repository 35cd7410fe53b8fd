def request_certificate(agent):  # the istio-agent, inside the istio-proxy container
    key = generate_key("RSA 2048")  # the private key never leaves the pod
    csr = make_csr(key, san=f"spiffe://cluster.local/ns/{agent.ns}/sa/{agent.sa}")  # @anchor csr
    chain = istiod.CreateCertificate(csr, token=service_account_token)  # istiod:15012  # @anchor wait
    envoy.sds_push("ROOTCA", trust_bundle)  # the roots this sidecar trusts (first)  # @anchor sds_root
    envoy.sds_push("default", key, chain)  # over the local socket, never the network  # @anchor sds_default
    agent.renew_at(issued + ttl / 2)  # about 12 h of a 24 h certificate (scene 12)
