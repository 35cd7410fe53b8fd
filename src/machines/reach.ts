import type { AnyStateMachine } from 'xstate';

interface Node {
  key: string;
  meta?: { anchor?: string };
  states: Record<string, Node>;
  initial?: { target: readonly Node[] };
  transitions: Map<string, readonly { target?: readonly Node[] | undefined }[]>;
  parent?: Node;
}

/**
 * Every anchor a panel machine can reach from its initial state, following its transitions
 * structurally (guards assumed satisfiable) [1]. A transition on the root applies from every state.
 */
export function reachableAnchors(machine: AnyStateMachine): Set<string> {
  const root = machine.root as unknown as Node;
  const leaves = (n: Node): Node[] =>
    Object.keys(n.states).length === 0 ? [n] : (n.initial?.target ?? []).flatMap(leaves);
  const seen = new Set<Node>();
  const queue = leaves(root);
  const out = new Set<string>();
  while (queue.length > 0) {
    const n = queue.pop() as Node;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.meta?.anchor) out.add(n.meta.anchor);
    for (let a: Node | undefined = n; a; a = a.parent) {
      for (const list of a.transitions.values())
        for (const t of list) for (const target of t.target ?? []) queue.push(...leaves(target));
    }
  }
  return out;
}

/** Every anchor a machine names in `meta.anchor`. */
export function machineAnchors(machine: AnyStateMachine): Set<string> {
  const out = new Set<string>();
  const walk = (n: Node) => {
    if (n.meta?.anchor) out.add(n.meta.anchor);
    for (const c of Object.values(n.states)) walk(c);
  };
  walk(machine.root as unknown as Node);
  return out;
}

// [1] xstate's path helpers live in a separate package; panel machines are small and flat, so a
//     structural walk over the state nodes proves what we need: no anchor is dead code.
