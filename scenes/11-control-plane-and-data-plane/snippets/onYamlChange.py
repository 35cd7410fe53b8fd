def on_yaml_change(vs: VirtualService):  # @anchor change
    validate(vs)  # as the admission webhook does
    debounce(100 ms)  # PILOT_DEBOUNCE_AFTER: merge bursts  # @anchor debounce
    push = PushContext(vs)  # compile routes and clusters once
    version = f"{now_rfc3339()}/{counter.next()}"  # e.g. 2026-05-09T18:54:04Z/42
    for proxy in push.affected_proxies(vs):  # its SidecarScope depends on vs
        for type_url in [CDS, LDS, RDS]:  # a VS change skips EDS
            proxy.ads.send(DiscoveryResponse(  # @anchor send
                type_url=type_url,  # the full type.googleapis.com/... URL
                resources=generate(proxy, type_url),  # LDS/CDS: the FULL set
                version_info=version,
                nonce=version + uuid4(),
            ))

def on_request(proxy, req: DiscoveryRequest):  # ACK or NACK
    if req.error_detail:  # NACK: log "ACK ERROR", count it, do NOT resend  # @anchor nack
        proxy.status[req.type_url] = ERROR  # pilot_total_xds_rejects += 1
    else:
        proxy.acked[req.type_url] = req.response_nonce  # SYNCED  # @anchor ack
