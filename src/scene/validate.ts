import { parseSnippet } from './snippet';
import { machineAnchors, reachableAnchors } from '../machines/reach';
import { KEYS } from '../runtime/keys';
import type { AnySceneDef, SceneMeta } from './types';

/**
 * Checks a scene's data against the format's rules (the curriculum test runs it for every
 * registered scene; a failing check names the scene and the rule). Returns the problems found.
 */
export function checkScene(def: AnySceneDef, meta?: SceneMeta): string[] {
  const p: string[] = [];
  const say = (s: string) => p.push(`scene ${def.meta.number}: ${s}`);
  if (meta && JSON.stringify(meta) !== JSON.stringify(def.meta))
    say('the registry’s meta differs from the scene’s');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.meta.slug))
    say(`slug "${def.meta.slug}" is not kebab-case`);
  if (def.steps.length < 4 || def.steps.length > 10) say(`has ${def.steps.length} steps (4 to 10)`);
  if (def.panels.length < 1 || def.panels.length > 3)
    say(`has ${def.panels.length} code panels (1 to 3)`);
  if (def.tryThis.length < 1 || def.tryThis.length > 4)
    say(`has ${def.tryThis.length} "Try this" controls (1 to 4)`);
  const anchors = new Map<string, Set<string>>();
  for (const panel of def.panels) {
    if (!/^\w+\.\w+$/.test(panel.title)) say(`panel title "${panel.title}" is not Actor.method`);
    let lines: Set<string>;
    try {
      lines = new Set(parseSnippet(panel.source).anchors.keys());
    } catch (e) {
      say(`panel ${panel.id}: ${(e as Error).message}`);
      continue;
    }
    anchors.set(panel.id, lines);
    const named = machineAnchors(panel.machine);
    for (const a of named)
      if (!lines.has(a)) say(`panel ${panel.id}: machine anchor "${a}" is not in its snippet`);
    const reach = reachableAnchors(panel.machine);
    for (const a of named)
      if (!reach.has(a)) say(`panel ${panel.id}: anchor "${a}" is unreachable in its machine`);
  }
  def.steps.forEach((s, i) => {
    for (const [panel, a] of Object.entries(s.highlights))
      if (!anchors.get(panel)?.has(a))
        say(`step ${i + 1} highlights ${panel}:${a}, which does not exist`);
  });
  const ids = new Set<string>();
  const platformKeys = new Set(KEYS.flatMap((k) => k.keys));
  const params = new Set(['step', 'seed', 'speed', 'theme', 'embed', def.setup.selection.param]);
  for (const t of def.tryThis) {
    if (ids.has(t.id)) say(`two "Try this" controls share the id ${t.id}`);
    ids.add(t.id);
    if (t.kind !== 'slider' && t.key && (platformKeys.has(t.key) || t.key.length !== 1))
      say(`control ${t.id}: key "${t.key}" is taken by the player or is not one character`);
    const param = t.kind === 'toggle' ? t.param?.name : t.kind === 'slider' ? t.param : undefined;
    if (param) {
      if (params.has(param)) say(`control ${t.id}: URL parameter "${param}" is used twice`);
      params.add(param);
    }
  }
  return p;
}
