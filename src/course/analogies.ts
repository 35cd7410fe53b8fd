/**
 * "The same split elsewhere": control plane and data plane in other systems, next to the mesh.
 * Written for this course; each card names the public pages its facts come from
 * (docs/fidelity.md §12 lists them).
 */
export interface Analogy {
  id: string;
  system: string;
  /** What decides (the control plane). */
  decides: string;
  /** What does the work on every packet, request or write (the data plane). */
  forwards: string;
  /** How the decisions reach the workers. */
  channel: string;
  /** What keeps working, and what stops, while the control plane is gone. */
  whenDown: string;
  /** The mesh's counterpart. */
  mesh: string;
  /** Where the comparison stops holding. */
  differs: string;
  sources: readonly { label: string; url: string }[];
}

export const ANALOGIES: readonly Analogy[] = [
  {
    id: 'kubernetes',
    system: 'Kubernetes',
    decides:
      'The API server (desired state, stored in etcd), the scheduler (which node runs a pod) and the controllers (how many replicas, which pods back a Service).',
    forwards:
      'On every node, the kubelet starts and watches the containers assigned to it, and kube-proxy turns each Service into packet-rewriting rules in the node’s kernel.',
    channel: 'The kubelet and kube-proxy watch the API server and act on what changes.',
    whenDown:
      'Pods already running keep running, the kubelet still restarts a crashed container, and kube-proxy’s rules stay in the kernel, so Service traffic flows. Nothing new is scheduled, a lost node’s pods are not replaced and endpoint lists stop changing.',
    mesh: 'Istiod watches the same API server. kube-proxy’s rules are what a pod without a sidecar uses (scene 2); a sidecar’s cached config plays the same part for its pod.',
    differs:
      'Kubernetes decides where workloads run; the mesh decides how requests between them travel. The mesh’s control plane is itself a workload that Kubernetes runs.',
    sources: [
      {
        label: 'Kubernetes: cluster components',
        url: 'https://kubernetes.io/docs/concepts/overview/components/',
      },
      {
        label: 'Kubernetes: virtual IPs and service proxies',
        url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/',
      },
      {
        label: 'Kubernetes: pod restart policy',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
      },
    ],
  },
  {
    id: 'routers',
    system: 'Routers: BGP and OSPF, the RIB and the FIB',
    decides:
      'Routing protocols — OSPF inside one network, BGP between networks — trade reachability with neighbouring routers. Each router’s routing process keeps what it learned in its RIB (routing information base) and picks a best path per prefix.',
    forwards:
      'The FIB (forwarding information base): only the chosen next hops, installed in the line cards or the kernel. Each packet is one lookup of its destination address; no protocol runs on that path.',
    channel:
      'Inside the box: the routing process installs its best routes into the FIB (on Linux, a daemon such as FRRouting’s zebra writes them into the kernel).',
    whenDown:
      'The FIB keeps forwarding on the routes it holds. With graceful restart, neighbours keep sending through a router whose routing process is restarting; without it, they give up on it once their hold timer runs out, and traffic goes around.',
    mesh: 'Istiod’s merged view of services and config is the RIB; each Envoy’s active listeners, routes, clusters and endpoints are a FIB; an xDS response is a routing update.',
    differs:
      'Every router computes its own routes with its neighbours (a distributed control plane); in the mesh one Istiod computes for all sidecars. And an Envoy has no hold timer: it keeps its last config for as long as Istiod is gone.',
    sources: [
      { label: 'RFC 4271: BGP-4 (Loc-RIB)', url: 'https://www.rfc-editor.org/rfc/rfc4271' },
      {
        label: 'RFC 4724: graceful restart for BGP',
        url: 'https://www.rfc-editor.org/rfc/rfc4724',
      },
      {
        label: 'RFC 3623: graceful OSPF restart',
        url: 'https://www.rfc-editor.org/rfc/rfc3623',
      },
      { label: 'FRRouting: zebra', url: 'https://docs.frrouting.org/en/latest/zebra.html' },
    ],
  },
  {
    id: 'sdn',
    system: 'SDN: OpenFlow',
    decides:
      'A central controller sees the whole network and computes the paths; the switches themselves hold no routing logic.',
    forwards:
      'OpenFlow switches match each packet against flow tables (match fields, priority, actions) the controller installed. A packet that matches no entry can be sent up to the controller to ask.',
    channel:
      'The OpenFlow channel, a TCP or TLS connection per switch: messages add, change and delete flow entries.',
    whenDown:
      'In “fail secure” mode the installed entries keep forwarding until their own idle or hard timeouts remove them, and packets meant for the controller are dropped, so traffic that needs a new decision fails. In “fail standalone” mode a hybrid switch falls back to being an ordinary Ethernet switch.',
    mesh: 'The closest cousin of the mesh: central decisions, tables pushed to every forwarder over a long-lived connection.',
    differs:
      'Envoy never asks the control plane about a request — there is no “send it to the controller” entry — and Istio’s config carries no timeouts, so nothing expires while Istiod is gone (certificates aside: scene 12).',
    sources: [
      {
        label: 'ONF: OpenFlow Switch Specification 1.3.0',
        url: 'https://opennetworking.org/wp-content/uploads/2014/10/openflow-spec-v1.3.0.pdf',
      },
    ],
  },
  {
    id: 'ebpf',
    system: 'eBPF datapaths (for example Cilium)',
    decides:
      'A user-space agent on each node watches Kubernetes, works out policies and service backends, and writes them into eBPF maps (key–value tables in the kernel).',
    forwards:
      'Small eBPF programs attached to kernel hooks handle every packet or socket call, looking up those maps — the packet never visits user space.',
    channel: 'Map updates and program loads through the bpf() system call.',
    whenDown:
      'Programs and maps live in the kernel; pinned in the BPF file system they outlive the agent that loaded them, so packets keep flowing by the last maps written. New pods, Services and policy changes wait until the agent is back.',
    mesh: 'The maps are the sidecar’s cached config; the agent is Istiod and the istio-agent rolled into one per node.',
    differs:
      'Here the control plane runs on every node and the data plane is in the kernel, per packet; the mesh’s control plane is central and its data plane is a user-space proxy, per request.',
    sources: [
      { label: 'ebpf.io: what is eBPF', url: 'https://ebpf.io/what-is-ebpf/' },
      { label: 'eBPF docs: pinning', url: 'https://docs.ebpf.io/linux/concepts/pinning' },
      {
        label: 'Cilium: eBPF datapath',
        url: 'https://docs.cilium.io/en/stable/network/ebpf/intro/',
      },
    ],
  },
  {
    id: 'load-balancers',
    system: 'Load balancers',
    decides:
      'Whoever writes the pool: an operator, a cloud API, or a controller that follows service discovery sets the backends, their weights and the certificates, then reconfigures the balancer.',
    forwards:
      'The balancer process accepts each connection or request, picks a backend with its algorithm, keeps connection pools and terminates TLS. Its active health checks run there too.',
    channel: 'A configuration file reload or a runtime API call.',
    whenDown:
      'It keeps balancing over the last pool, and its own health checks still take a dead backend out. New backends are not added, and removed ones are not dropped, until the controller returns.',
    mesh: 'Each sidecar is a load balancer on the caller’s side: EDS delivers the pool, and outlier detection is the balancer’s own judgement of a host, made from real responses (scene 8).',
    differs:
      'A classic balancer is one box in the middle; the mesh puts a balancer beside every caller, so there are as many data planes as pods.',
    sources: [
      {
        label: 'HAProxy: configuration manual (health checks)',
        url: 'https://docs.haproxy.org/2.8/configuration.html#5.2-check',
      },
      {
        label: 'Envoy: load balancing',
        url: 'https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/upstream/load_balancing/overview',
      },
    ],
  },
  {
    id: 'storage',
    system: 'Distributed storage (Ceph)',
    decides:
      'A small group of monitors keeps the cluster map — which storage daemons exist and are up, and the placement rules — agreed among themselves with Paxos.',
    forwards:
      'Clients compute where each object lives from the map (the CRUSH algorithm) and read and write straight to the storage daemons (OSDs), which replicate among themselves. The monitors are not on the I/O path.',
    channel: 'Clients and daemons fetch the current cluster map from a monitor.',
    whenDown:
      'Ceph’s documentation is blunt: a client must reach a monitor before it can read or write, so one monitor alone is a single point of failure. Ceph therefore runs several and needs a majority of them.',
    mesh: 'The cluster map is the config Istiod pushes; each client placing data itself is each sidecar picking an endpoint itself; several monitors are several Istiod replicas.',
    differs:
      'A storage client needs the control plane to begin at all. An Envoy that already has its config needs nothing from Istiod to send a request — only a new pod does.',
    sources: [
      { label: 'Ceph: architecture', url: 'https://docs.ceph.com/en/latest/architecture/' },
    ],
  },
];

/** The mesh itself, the row every card compares with. */
export const MESH: Analogy = {
  id: 'mesh',
  system: 'The mesh (Istio)',
  decides:
    'Istiod watches Kubernetes and the Istio config, compiles each proxy’s Envoy config, pushes it, and signs workload certificates.',
  forwards:
    'The Envoy sidecar beside every app routes, balances, retries and encrypts each request with the config it holds.',
  channel:
    'One long-lived ADS stream per sidecar (Envoy → istio-agent → Istiod); every response is ACKed or NACKed.',
  whenDown:
    'Requests keep flowing on the last config. Config edits and new injected pods are refused, proxies retry with a backoff growing to 30 s, and certificates cannot be renewed: within 12 to 24 h they expire, and new handshakes fail (scene 12).',
  mesh: 'This is the mesh.',
  differs: '',
  sources: [
    {
      label: 'Istio: architecture',
      url: 'https://istio.io/latest/docs/ops/deployment/architecture/',
    },
    {
      label: 'Envoy: xDS management server',
      url: 'https://www.envoyproxy.io/docs/envoy/latest/configuration/overview/mgmt_server',
    },
  ],
};
