import type { SceneMeta } from '../../src/scene/types';

/** Scene 2's header (loaded with the registry; the rest of the scene is its own chunk). */
export const meta: SceneMeta = {
  number: 2,
  slug: 'the-sidecar',
  title: 'The sidecar',
  subtitle: 'intercepting traffic',
  caption:
    'A proxy beside each app: iptables rules in the pod send the app’s outbound connections to Envoy on 15001 and inbound ones to 15006, while the proxy’s own traffic (UID 1337) passes. The app still calls checkout:8080 and never knows.',
  teaches:
    'iptables hands each app’s traffic to the Envoy beside it (ports 15001 and 15006); the app never notices.',
  previously:
    'In scene 1 every app carried its own client library — addresses, retries, TLS — and each did it differently. Move that code out of the apps into one proxy per pod, and the first question is how the proxy gets the app’s traffic without the app changing a line.',
};
