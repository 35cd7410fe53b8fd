import { describe, expect, it } from 'vitest';
import { embedSnippets, embedUrl } from './snippets';

const view = {
  appUrl: 'https://mesh.example.org/course/',
  scene: 11,
  title: 'Scene 11 · Control plane & "data" plane',
  step: 3,
  seed: 42,
  speed: null,
  theme: null,
};

describe('embed snippets', () => {
  it('frame the current scene, step and seed, and escape what they quote', () => {
    expect(embedUrl(view)).toBe(
      'https://mesh.example.org/course/#/scene/11?embed=1&step=3&seed=42',
    );
    const { iframe, component } = embedSnippets(view);
    expect(iframe).toContain(
      'src="https://mesh.example.org/course/#/scene/11?embed=1&amp;step=3&amp;seed=42"',
    );
    expect(iframe).toContain(
      'title="Mesh Scenes · Scene 11 · Control plane &amp; &quot;data&quot; plane"',
    );
    expect(component).toBe(
      '<script src="https://mesh.example.org/course/embed/mesh-scene.js" defer></script>\n' +
        '<mesh-scene scene="11" step="3" seed="42"></mesh-scene>',
    );
  });

  it('carry a speed and a theme only when they are not the defaults', () => {
    const { iframe, component } = embedSnippets({ ...view, speed: 10, theme: 'dark' });
    expect(iframe).toContain('&amp;speed=10&amp;theme=dark"');
    expect(component).toContain(
      '<mesh-scene scene="11" step="3" seed="42" speed="10" theme="dark">',
    );
  });
});
