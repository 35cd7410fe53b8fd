def round_robin_pick(hosts):  # ROUND_ROBIN: Envoy's own default lb_policy
    # equal weights: each pod in turn, whatever it is doing
    h = hosts[self.rr_index % len(hosts)]  # @anchor next
    self.rr_index += 1  # per Envoy worker; starts at a random index
    return h  # a slow pod still gets every third request
