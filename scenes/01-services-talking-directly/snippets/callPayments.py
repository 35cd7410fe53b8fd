PAYMENTS = ("payments", 8080)  # the Service name; DNS gives its ClusterIP 10.96.0.15
RETRIES, TIMEOUT = 2, 2.0  # 2 retries, no backoff; 2 s to connect, 2 s per read
CA_FILE = "/app/certs/payments-ca.pem"  # CA bundle baked into this app's image

class CheckoutApp:
    def callPayments(self, order):  # @anchor start
        ip = socket.gethostbyname(PAYMENTS[0])  # 10.96.0.15, never a pod  # @anchor resolve
        for attempt in range(1 + RETRIES):
            try:  # kube-proxy DNATs each new connection to a random ready pod
                sock = socket.create_connection((ip, PAYMENTS[1]), timeout=TIMEOUT)  # @anchor connect
                ctx = ssl.create_default_context(cafile=CA_FILE)
                ctx.check_hostname = False  # the name is checked by hand below
                tls = ctx.wrap_socket(sock); verify_peer(tls.getpeercert(), "payments")  # @anchor tls
                tls.sendall(charge_request(order))  # @anchor send
                return parse_response(tls.recv(65536))  # 200 OK  # @anchor ok
            except (socket.timeout, ConnectionError) as err:
                log.warning("payments attempt %d: %s", attempt + 1, err)  # @anchor failed
                continue  # retry at once, no backoff  # @anchor retry
        raise PaymentsDown("gave up after %d attempts" % (1 + RETRIES))  # @anchor giveup
