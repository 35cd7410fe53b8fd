def record_metrics(self, call, response):  # Istio's stats filter, in every sidecar  # @anchor start
    labels = {
        "reporter": self.reporter,  # "source" in the caller, "destination" in the callee
        "source_workload": call.source, "destination_service": call.service,
        "response_code": response.code, "response_flags": response.flags,
    }
    istio_requests_total.labels(**labels).inc()  # @anchor count
    istio_request_duration_milliseconds.labels(**labels).observe(response.ms)
    if response.code >= 400 or response.code == 0:
        pass  # an error in the golden signals: the app's own status  # @anchor error
    if response.flags != "-":
        pass  # UH UF UO NR URX UT DC FI DI: this Envoy decided, not the app  # @anchor flagged
    access_log.write(ISTIO_TEXT_FORMAT % (call, response))  # @anchor log
