import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { parseSnippet } from '../src/code-panel/snippet';
import { scenes } from './index';

const dir = new URL('.', import.meta.url).pathname;
const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory() && /^\d\d-/.test(f));

function machineAnchors(m: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: { meta?: { anchor?: string }; states: Record<string, unknown> }) => {
    if (node.meta?.anchor) out.push(node.meta.anchor);
    for (const child of Object.values(node.states)) walk(child as typeof node);
  };
  walk(m.root as unknown as Parameters<typeof walk>[0]);
  return out;
}

describe('scene registry', () => {
  it('registers every scene folder, as NN-slug with matching number and slug', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const f of folders) {
      const m = /^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(f);
      expect(m, `folder name ${f} must be NN-kebab-slug`).not.toBeNull();
      const entry = scenes.find((s) => s.number === Number(m![1]));
      expect(entry, `scene folder ${f} is not registered in scenes/index.ts`).toBeDefined();
      expect(entry!.slug).toBe(m![2]);
      expect(existsSync(join(dir, f, 'index.ts')), `${f}/index.ts`).toBe(true);
    }
    expect(scenes.length).toBe(folders.length);
  });

  it('has no two scenes with the same number or slug, and lists them in order', () => {
    const numbers = scenes.map((s) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(scenes.map((s) => s.slug)).size).toBe(scenes.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    for (const n of numbers) expect(n >= 1 && n <= 13).toBe(true);
  });

  it.each(scenes.map((s) => [s.number, s] as const))('scene %i: data agrees with its entry and its snippets', async (_n, entry) => {
    const { default: mod } = await entry.load();
    const def = mod.def;
    expect(def.number).toBe(entry.number);
    expect(def.slug).toBe(entry.slug);
    expect(entry.title).toBe(`${def.title} — ${def.subtitle}`);
    expect(def.steps.length).toBeGreaterThanOrEqual(4);
    expect(def.steps.length).toBeLessThanOrEqual(10);
    const anchors = new Map(def.panels.map((p) => [p.id, parseSnippet(p.source).anchors]));
    for (const p of def.panels) {
      for (const a of machineAnchors(p.machine)) expect(anchors.get(p.id)!.has(a), `${p.id}: machine anchor ${a}`).toBe(true);
    }
    def.steps.forEach((s, i) => {
      for (const [panel, a] of Object.entries(s.highlights))
        expect(anchors.get(panel)?.has(a), `step ${i + 1}: ${panel}:${a}`).toBe(true);
    });
    for (const s of Object.values(def.senders)) expect(anchors.get(s.panel)?.has(s.anchor)).toBe(true);
  });
});
