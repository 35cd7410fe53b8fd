def compile_routes(proxy, vs):  # Istiod, once per proxy after the debounce  # @anchor start
    rc = RouteConfiguration(name="8080")  # one per service port
    vhost = rc.virtual_host("payments.shop.svc.cluster.local:8080")  # domains: payments, ...
    for http in vs.spec.http:  # Envoy keeps the order: the first match wins
        route = Route(match=http.match or {"prefix": "/"})  # @anchor route
        route.weighted_clusters = [  # subset v1 → outbound|8080|v1|payments.shop.svc.cluster.local
            (cluster_name(d.host, d.subset), d.weight) for d in http.route]  # @anchor weights
        if http.fault:  # delay / abort → the fault filter's per-route config
            route.typed_per_filter_config["envoy.filters.http.fault"] = http.fault  # @anchor fault
        vhost.routes.append(route)
    return rc  # sent as RDS; each sidecar ACKs it, then serves it  # @anchor send
