def pick(weighted_clusters, rng):
    total = sum(c.weight for c in weighted_clusters)  # 90 + 10 = 100  # @anchor total
    r = rng.random() % total  # a fresh draw for every request
    for c in weighted_clusters:  # in the order the route lists them
        if r < c.weight:
            return c.name  # outbound|8080|v1|payments.shop.svc.cluster.local  # @anchor choose
        r -= c.weight  # not this one: try the next
