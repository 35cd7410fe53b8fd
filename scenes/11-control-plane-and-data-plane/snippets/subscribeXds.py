RDS = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration"  # CDS, EDS, LDS alike
# Envoy's ADS client: ONE stream carries every type (cluster xds-grpc)
stream = grpc.stream(  # @anchor connect
    "unix:./etc/istio/proxy/XDS",  # istio-agent proxies it to istiod:15012
    "/envoy.service.discovery.v3"
    ".AggregatedDiscoveryService/StreamAggregatedResources",
)
for type_url in [CDS, EDS, LDS, RDS]:  # CDS/LDS: wildcard; EDS/RDS: by name
    stream.send(DiscoveryRequest(  # @anchor subscribe
        node=NODE if first else None,  # "sidecar~<ip>~web-1.shop~shop.svc.cluster.local"
        type_url=type_url,
        resource_names=names(type_url),  # RDS: ["8080"]; EDS: cluster names like
        # "outbound|8080|v1|payments.shop.svc.cluster.local"
    ))
loop:
    resp = stream.recv()  # server pushes on change  # @anchor recv
    try:
        apply(resp.resources)  # replace cached LDS/RDS/CDS/EDS  # @anchor apply
    except Rejected as e:  # keep the last good config
        stream.send(nack(resp.type_url, version_info=last_good[resp.type_url],  # @anchor nack
                         response_nonce=resp.nonce, error_detail=e))
        continue
    last_good[resp.type_url] = resp.version_info
    stream.send(ack(resp.type_url, resp.version_info, resp.nonce))  # @anchor ack
on stream_error:  # keep serving from cache; retry 500 ms → 30 s, jittered
    reconnect_after(backoff.next())  # @anchor backoff
