/** What a teacher pastes: the current scene, step, seed (and speed/theme when not the default). */
export interface EmbedView {
  /** The app's root URL (origin + path, no hash), e.g. `https://mesh.example.org/`. */
  appUrl: string;
  scene: number;
  title: string;
  /** 1-based. */
  step: number;
  seed: number;
  /** Left out of the snippets when null (the scene's default). */
  speed: number | null;
  theme: 'light' | 'dark' | null;
}

const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The framed page's address (`#/scene/N?embed=1&...`). */
export function embedUrl(v: EmbedView): string {
  const q = new URLSearchParams({ embed: '1', step: String(v.step), seed: String(v.seed) });
  if (v.speed !== null) q.set('speed', String(v.speed));
  if (v.theme) q.set('theme', v.theme);
  return `${v.appUrl}#/scene/${v.scene}?${q.toString()}`;
}

/**
 * The two snippets (docs/embedding.md): a plain iframe (800×600, the size the embed layout is
 * tested at) and the web component, which sizes itself and can be driven from the page.
 */
export function embedSnippets(v: EmbedView): { iframe: string; component: string } {
  const iframe = [
    `<iframe src="${attr(embedUrl(v))}"`,
    `  title="${attr(`Mesh Scenes · ${v.title}`)}" width="800" height="600" loading="lazy"`,
    `  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>`,
  ].join('\n');
  const attrs = [`scene="${v.scene}"`, `step="${v.step}"`, `seed="${v.seed}"`];
  if (v.speed !== null) attrs.push(`speed="${v.speed}"`);
  if (v.theme) attrs.push(`theme="${v.theme}"`);
  const component = [
    `<script src="${attr(new URL('embed/mesh-scene.js', v.appUrl).href)}" defer></script>`,
    `<mesh-scene ${attrs.join(' ')}></mesh-scene>`,
  ].join('\n');
  return { iframe, component };
}
