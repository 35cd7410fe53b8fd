def route(request):  # runs in the CALLER's sidecar, never at payments
    listener = listeners["0.0.0.0_8080"]  # from LDS  # @anchor listener
    table = routes[listener.rds.route_config_name]  # "8080", from RDS  # @anchor load
    vhost = table.virtual_host_for(request.headers[":authority"])  # "payments:8080"
    for r in vhost.routes:  # in order: the first match wins
        if r.match.matches(request):  # prefix "/"  # @anchor route
            return r.action  # weighted_clusters: pick() below
    return local_reply(404, flags="NR")  # no route
