def admit(request, host):  # the CALLER's sidecar: a pool per host
    limits = cluster.circuit_breakers  # per cluster, from CDS  # @anchor limits
    pool = cluster.pools[host]
    if pool.idle:  # a connection that has finished its request
        if cluster.active >= limits.max_requests:  # http2MaxRequests
            return local_reply(503, flags="UO")  # @anchor requestsOverflow
        return pool.send(request, pool.idle.pop())  # @anchor reuse
    if cluster.pending >= limits.max_pending_requests:
        return local_reply(503, flags="UO")  # never leaves the pod  # @anchor pendingOverflow
    pool.pending.append(request)  # waits for a connection  # @anchor queue
    if len(pool.pending) > pool.connecting:  # it needs a new one
        if cluster.connections < limits.max_connections or not pool.conns:
            pool.open_connection()  # TCP + mTLS handshake  # @anchor connect
        else:  # maxConnections reached: wait for one to free up
            stats.upstream_cx_overflow += 1  # @anchor cxOverflow


def on_connection_ready(pool, conn):  # opened, or done with a request
    request = pool.pending.pop(0)  # oldest first  # @anchor dequeue
    pool.send(request, conn)  # HTTP/1.1: one request at a time
