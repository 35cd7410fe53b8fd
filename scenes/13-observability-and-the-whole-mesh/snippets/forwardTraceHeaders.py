TRACE_HEADERS = ["x-request-id", "traceparent", "tracestate",
                 "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled"]


def handle(self, request):  # the app, not Envoy
    ctx = {h: request.headers[h] for h in TRACE_HEADERS if h in request.headers}
    for service in self.calls:
        if FORWARD_TRACE_HEADERS:
            # the caller's Envoy sees the context: its span joins the trace  # @anchor forward
            self.http.get(f"http://{service}:8080/", headers=ctx)
        else:
            # no context: the Envoy starts a new trace, new x-request-id  # @anchor newTrace
            self.http.get(f"http://{service}:8080/")
