# Two ways a mesh gets a new root certificate
def reissue_self_signed_root(ca):  # Istio's own CA (istio-ca-secret)
    # when 20% of the root's 10-year life is left, or by hand
    root = GenRootCertFromExistingKey(ca.key)  # SAME private key  # @anchor same_key
    ca.bundle.append(root)  # certs signed earlier verify against it too
    publish(ca.bundle)  # @anchor publish

def plug_in_new_ca(ca, new):  # a plug-in CA (Secret cacerts) with a NEW key
    ca.bundle = [ca.root, new.root]  # the overlap: trust BOTH roots  # @anchor new_key
    ca.signer = new  # new certificates chain to the new root
    publish(ca.bundle)  # ConfigMap istio-ca-root-cert in every namespace  # @anchor publish_new

def end_overlap(ca):  # only once every workload has renewed
    ca.bundle = [ca.signer.root]  # @anchor drop
    publish(ca.bundle)  # a cert still signed by the old KEY stops verifying
