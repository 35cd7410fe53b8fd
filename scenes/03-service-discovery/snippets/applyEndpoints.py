def on_eds(resp):  # type_url ...endpoint.v3.ClusterLoadAssignment  # @anchor recv
    for cla in resp.resources:  # payments: whole service, v1, v2
        cluster = clusters[cla.cluster_name]
        cluster.hosts = [ep for ep in cla.endpoints  # replaced whole
                         if is_healthy(ep.health_status)]
    # from the next request on, load balancing picks from these hosts
    # the ACK makes EDS SYNCED in istioctl proxy-status
    stream.send(ack(resp.version_info, resp.nonce))  # @anchor ack
