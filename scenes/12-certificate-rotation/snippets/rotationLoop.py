# istio-agent, in the pod: keeps Envoy's SDS secrets fresh
while True:
    key, csr = generate_key_and_csr(spiffe_id)  # the key never leaves the pod  # @anchor csr
    try:
        chain = istiod.CreateCertificate(csr, ttl=24 h)  # istiod:15012; leaf first, root last
    except Unavailable:  # Istiod down: nobody can sign
        sleep(backoff(100 ms, doubling, jitter))  # the current cert still works  # @anchor backoff
        continue  # until it expires: then new handshakes fail
    sds.push("default", key, chain)  # Envoy: new handshakes use it  # @anchor sds
    # open connections keep the session they already negotiated
    life = chain.leaf.not_after - chain.leaf.not_before
    grace = life * (0.5 ± 0.01)  # SECRET_GRACE_PERIOD_RATIO (+ jitter)
    sleep_until(chain.leaf.not_after - grace)  # about 12 h of 24 h  # @anchor sleep

on root_bundle_changed(bundle):  # istio-ca-root-cert / the chain's roots
    sds.push("ROOTCA", bundle)  # which roots Envoy trusts  # @anchor rootca
