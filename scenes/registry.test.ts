import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenes } from './index';

const dir = new URL('.', import.meta.url).pathname;
const folders = readdirSync(dir).filter(
  (f) => statSync(join(dir, f)).isDirectory() && /^\d\d-/.test(f),
);

describe('scene registry', () => {
  it('registers every scene folder, as NN-slug with matching number and slug', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const f of folders) {
      const m = /^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(f);
      expect(m, `folder name ${f} must be NN-kebab-slug`).not.toBeNull();
      const entry = scenes.find((s) => s.meta.number === Number(m![1]));
      expect(entry, `scene folder ${f} is not registered in scenes/index.ts`).toBeDefined();
      expect(entry!.meta.slug).toBe(m![2]);
      for (const file of ['index.ts', 'meta.ts', 'scene.ts', 'View.tsx'])
        expect(existsSync(join(dir, f, file)), `${f}/${file}`).toBe(true);
    }
    expect(scenes.length).toBe(folders.length);
  });

  it('has no two scenes with the same number or slug, and lists them in order', () => {
    const numbers = scenes.map((s) => s.meta.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(scenes.map((s) => s.meta.slug)).size).toBe(scenes.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    for (const n of numbers) expect(n >= 1 && n <= 13).toBe(true);
  });

  it('says what every scene teaches in one line (the course map shows it)', () => {
    for (const { meta } of scenes) {
      expect(meta.teaches.trim().length, `scene ${meta.number}`).toBeGreaterThan(20);
      expect(meta.teaches.length, `scene ${meta.number}`).toBeLessThanOrEqual(140);
      expect(meta.teaches, `scene ${meta.number}`).not.toMatch(/\n/);
    }
  });

  it('gives scene 1 no "Previously" and every other scene one', () => {
    for (const { meta } of scenes)
      expect(meta.previously === null, `scene ${meta.number}`).toBe(meta.number === 1);
  });
});
