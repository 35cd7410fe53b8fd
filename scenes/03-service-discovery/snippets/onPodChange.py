def on_pod_change(pod):  # Pod → EndpointSlice → Istiod's watch
    slice = endpoint_slices[pod.service]  # service-name: payments
    if pod.is_new:  # scaled up: not ready until its probes pass
        slice.add(pod.ip, ready=False)  # @anchor added
        return  # Istio pushes nothing for a never-ready endpoint
    if pod.deleted:  # scaled down
        slice.remove(pod.ip)
    else:  # a readiness probe failed or passed; a container died
        slice.update(pod.ip, ready=pod.ready)
    istiod.debounce(full=False)  # 100 ms quiet, 10 s at most  # @anchor debounce
    for proxy in connected_sidecars:  # all import payments
        cla = [ep for ep in slice if ep.ready]  # not ready: left out
        proxy.send(EDS, cla)  # no CDS, LDS or RDS  # @anchor push
