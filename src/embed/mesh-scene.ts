/**
 * `<mesh-scene scene="11" step="3" seed="42" theme="dark" speed="1">`: a scene of the course in
 * any page, as one script (`embed/mesh-scene.js`, built by vite.config.ts; no React inside).
 * It frames the app (`#/scene/N?embed=1&host=<this page's origin>`), sizes the frame from the
 * scene's height events, turns attribute changes into commands and offers methods and DOM events.
 * It works under a strict Content-Security-Policy: no inline script, no eval, and its only styles
 * are a constructed stylesheet in its shadow root and CSSOM properties (docs/embedding.md).
 */
import {
  commandMessage,
  parseEvent,
  parseOrigin,
  type EmbedCommand,
  type EmbedEvent,
  type StateSummary,
  type ThemeValue,
} from './protocol';

/** The app's root URL: this script is served from `<root>/embed/mesh-scene.js`. */
function appRoot(): URL | null {
  const cur = document.currentScript;
  const src =
    cur instanceof HTMLScriptElement && cur.src
      ? cur.src
      : document.querySelector<HTMLScriptElement>('script[src*="mesh-scene.js"]')?.src;
  try {
    return src ? new URL('../', src) : null;
  } catch {
    return null;
  }
}

const ROOT = appRoot();
const APP_ORIGIN = ROOT?.origin ?? null;
const SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';
const DEFAULT_HEIGHT = 600;
const MAX_HEIGHT = 20_000;
const MAX_QUEUE = 16;

const CSS = `
:host { display: block; position: relative; min-width: 280px; }
:host([hidden]) { display: none; }
iframe { display: block; box-sizing: border-box; width: 100%; height: ${DEFAULT_HEIGHT}px; border: 0; }
p { margin: 0; padding: 0.75em 1em; border: 1px dashed currentColor; font: inherit; }
`;
let sheet: CSSStyleSheet | null = null;
const styles = (): CSSStyleSheet[] => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return [sheet];
};

/** Attribute → URL parameter, each checked before it is used (the app validates again). */
const PARAMS: Record<string, RegExp> = {
  step: /^\d{1,3}$/,
  seed: /^\d{1,9}$/,
  speed: /^\d{1,3}(\.\d{1,2})?$/,
  theme: /^(light|dark|system)$/,
};

export class MeshSceneElement extends HTMLElement {
  static observedAttributes = ['scene', 'step', 'seed', 'speed', 'theme', 'height', 'autoplay'];

  #frame: HTMLIFrameElement | null = null;
  #ready = false;
  #queue: EmbedCommand[] = [];
  #state: StateSummary | null = null;
  /** The height the scene last reported (px), kept for when a fixed `height` is removed. */
  #reported: number | null = null;

  /** The scene's last reported state (null until it is ready). */
  get state(): StateSummary | null {
    return this.#state ? { ...this.#state } : null;
  }
  /** True once the framed scene said `ready` (commands sent before wait for it). */
  get ready(): boolean {
    return this.#ready;
  }

  goToStep(step: number): void {
    this.#send({ command: 'step', value: step });
  }
  next(): void {
    this.#send({ command: 'next' });
  }
  prev(): void {
    this.#send({ command: 'prev' });
  }
  play(): void {
    this.#send({ command: 'play' });
  }
  pause(): void {
    this.#send({ command: 'pause' });
  }
  setSpeed(speed: number): void {
    this.#send({ command: 'speed', value: speed });
  }
  setTheme(theme: ThemeValue): void {
    this.#send({ command: 'theme', value: theme });
  }

  connectedCallback(): void {
    addEventListener('message', this.#onMessage);
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = styles();
    this.#load();
  }

  disconnectedCallback(): void {
    removeEventListener('message', this.#onMessage);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#frame || old === value) return;
    const n = Number(value);
    if (name === 'height') this.#size(null);
    else if (name === 'step' && this.#ready && value && PARAMS['step']?.test(value))
      this.goToStep(n);
    else if (name === 'speed' && this.#ready && value && PARAMS['speed']?.test(value))
      this.setSpeed(n);
    else if (name === 'theme' && this.#ready && value && PARAMS['theme']?.test(value))
      this.setTheme(value as ThemeValue);
    else if (name === 'scene' || name === 'seed' || !this.#ready) this.#load();
  }

  /** The framed app's address for the current attributes, or an error in words. */
  #src(): { url: string } | { error: string } {
    if (!ROOT)
      return { error: 'mesh-scene: cannot tell where the app is (load mesh-scene.js with a src).' };
    const scene = this.getAttribute('scene') ?? '';
    if (!/^\d{1,2}$/.test(scene))
      return { error: `mesh-scene: scene="${scene.slice(0, 20)}" is not a scene number.` };
    const q = new URLSearchParams({ embed: '1' });
    for (const [name, re] of Object.entries(PARAMS)) {
      const v = this.getAttribute(name);
      if (v !== null && re.test(v)) q.set(name, v);
    }
    const auto = this.getAttribute('autoplay');
    if (auto !== null) q.set('autoplay', auto === 'false' || auto === '0' ? '0' : '1');
    // Only a page with an origin the app accepts may drive it (https, or this machine).
    const host = parseOrigin(location.origin);
    if (host) q.set('host', host);
    return { url: `${ROOT.href}#/scene/${Number(scene)}?${q.toString()}` };
  }

  #load(): void {
    const root = this.shadowRoot;
    if (!root) return;
    const src = this.#src();
    this.#ready = false;
    this.#state = null;
    if ('error' in src) {
      this.#frame = null;
      const p = document.createElement('p');
      p.textContent = src.error;
      root.replaceChildren(p);
      return;
    }
    let frame = this.#frame;
    if (!frame) {
      frame = document.createElement('iframe');
      frame.setAttribute('sandbox', SANDBOX);
      frame.setAttribute('part', 'frame');
      if (this.getAttribute('loading') === 'lazy') frame.setAttribute('loading', 'lazy');
      root.replaceChildren(frame);
      this.#frame = frame;
    }
    frame.title = this.getAttribute('title') ?? `Mesh Scenes · scene ${this.getAttribute('scene')}`;
    this.#size(null);
    if (frame.src !== src.url) frame.src = src.url;
  }

  /** A fixed `height` attribute wins; otherwise the scene's own height once it reports it. */
  #size(reported: number | null): void {
    if (reported !== null) this.#reported = reported;
    const fixed = Number(this.getAttribute('height'));
    const h = fixed > 0 ? fixed : this.#reported;
    if (this.#frame && h !== null)
      this.#frame.style.height = `${Math.min(MAX_HEIGHT, Math.max(100, h))}px`;
  }

  #send(cmd: EmbedCommand): void {
    const win = this.#frame?.contentWindow;
    if (!this.#ready || !win || !APP_ORIGIN) {
      this.#queue.push(cmd);
      if (this.#queue.length > MAX_QUEUE) this.#queue.shift();
      return;
    }
    win.postMessage(commandMessage(cmd), APP_ORIGIN);
  }

  /** Only the frame this element made, from the app's origin, with a valid event. */
  #onMessage = (e: MessageEvent): void => {
    if (!this.#frame || e.source !== this.#frame.contentWindow || e.origin !== APP_ORIGIN) return;
    const parsed = parseEvent(e.data);
    if (!parsed) return;
    const { kind, event } = parsed;
    if (event.type === 'mesh-scenes:height') this.#size(event.height);
    if (event.type === 'mesh-scenes:ready' || event.type === 'mesh-scenes:state')
      this.#state = summary(event);
    if (event.type === 'mesh-scenes:ready') {
      this.#ready = true;
      const queued = this.#queue.splice(0);
      for (const c of queued) this.#send(c);
    }
    this.dispatchEvent(
      new CustomEvent(`mesh-scene:${kind}`, { detail: event, bubbles: true, composed: true }),
    );
  };
}

const summary = (e: EmbedEvent & StateSummary): StateSummary => ({
  scene: e.scene,
  step: e.step,
  steps: e.steps,
  playing: e.playing,
  time: e.time,
  speed: e.speed,
  theme: e.theme,
});

if (!customElements.get('mesh-scene')) customElements.define('mesh-scene', MeshSceneElement);

declare global {
  interface HTMLElementTagNameMap {
    'mesh-scene': MeshSceneElement;
  }
}
