def least_request_pick(hosts):  # LEAST_REQUEST: Istio's default since 1.14
    # hosts: the cluster's healthy endpoints (EDS), in THIS sidecar
    a = hosts[random() % len(hosts)]  # first of two random draws
    b = hosts[random() % len(hosts)]  # second (it can be the same pod)
    # rq_active: requests this Envoy has in flight on the pod
    if b.rq_active < a.rq_active:  # strictly fewer
        return b  # the second draw wins  # @anchor second
    return a  # a tie or more: the first draw stays  # @anchor first
