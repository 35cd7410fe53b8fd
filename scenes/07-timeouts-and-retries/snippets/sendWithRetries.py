def send_with_retries(request, route):  # router filter, in the CALLER's sidecar
    policy = route.retry_policy  # Istio's default unless the VS sets retries:
    # 2 retries on connect-failure, refused-stream, unavailable, cancelled,
    # retriable-status-codes (none since Istio 1.24: a 503 is NOT retried)
    if route.timeout:  # Istio writes 0s (no timeout) unless the VS sets one
        at(now() + route.timeout, route_timeout)  # covers every try and backoff
    tried = []
    while True:
        host = lb.pick(avoid=tried)  # previous_hosts: another pod each time  # @anchor pick
        tried.append(host)
        response = host.send(request, timeout=policy.per_try_timeout)  # @anchor send
        if response.timed_out:  # per-try timeout: the stream is reset  # @anchor perTry
            response = Response(504, flags="UT")
        if retry_state.should_retry(response) != RETRY:  # RetryPolicy.shouldRetry
            return response  # to the app: the status climbs the call graph  # @anchor return
        sleep(random() % min((2**len(tried) - 1) * 25ms, 250ms))  # @anchor backoff

def route_timeout():  # the route timeout fired before an answer
    return local_reply(504, flags="UT")  # no retry after it  # @anchor routeTimeout
