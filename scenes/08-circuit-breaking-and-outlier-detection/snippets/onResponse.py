def on_response(host, code):  # each caller's sidecar, per cluster
    if code < 500:
        host.consecutive_5xx = 0  # @anchor reset
        return
    host.consecutive_5xx += 1  # @anchor count
    if host.ejected or host.consecutive_5xx < config.consecutive_5xx:
        return
    host.consecutive_5xx = 0
    if (ejected + 1) / len(hosts) > config.max_ejection_percent:
        return  # Envoy >= 1.28: the host stays in  # @anchor maxPercent
    host.ejected = True  # the load balancer skips it  # @anchor eject
    host.multiplier += 1
    host.out_for = min(config.base_ejection_time * host.multiplier,
                       config.max_ejection_time)


def on_interval_tick():  # every config.interval
    for host in hosts:
        if host.ejected and now - host.ejected_at >= host.out_for:
            host.ejected = False  # back in the set  # @anchor return
        elif not host.ejected and host.multiplier > 0:
            host.multiplier -= 1  # a clean interval  # @anchor decrement
