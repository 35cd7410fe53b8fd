def sign(csr, token):  # Istiod's CA (IstioCertificateService/CreateCertificate)
    identity = kubernetes.authenticate(token)  # the pod's service-account token  # @anchor authn
    if csr.san != spiffe_id(identity):  # a pod can only ask for its own identity
        raise PermissionDenied("SAN does not match the caller's identity")
    return ca.sign(csr, ttl="24h", san=csr.san), ca.root_bundle  # @anchor sign
