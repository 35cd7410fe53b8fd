def should_retry(self, response):  # Envoy's RetryStateImpl, once per try
    if response.ok:  # 2xx: nothing to retry  # @anchor ok
        return NO_RETRY
    if not self.retriable(response):  # not in retry_on  # @anchor notRetriable
        return NO_RETRY  # back as it is: by default a 503 from the app
    if self.retries_left == 0:
        return NO_RETRY  # all tries used: flag URX  # @anchor exhausted
    self.retries_left -= 1
    if cluster.retries_in_flight >= max_retries:  # a circuit breaker
        return NO_RETRY  # flag UO (upstream_rq_retry_overflow)  # @anchor overflow
    return RETRY  # after a backoff, on another pod  # @anchor retry

def retriable(self, response):
    if response.reset or response.flags == "UT":  # reset, per-try timeout
        return self.retry_on & {"5xx", "gateway-error", "reset"}
    if "5xx" in self.retry_on and response.status >= 500:
        return True
    if "gateway-error" in self.retry_on and response.status in (502, 503, 504):
        return True
    return response.status in self.retriable_status_codes  # [] by default
