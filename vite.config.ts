import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/** Each scene's own chunk must stay under this (gzip): models and parts belong in shared chunks. */
const SCENE_CHUNK_BUDGET = 25 * 1024;

/**
 * Prints the gzip size of the JavaScript a first visit downloads before any scene is opened (the
 * entry chunk plus everything it imports statically), then every lazily loaded chunk: each
 * scene's own chunk (which fails the build above 25 kB gz) and the shared chunks scenes load
 * (models, diagram parts, yaml).
 */
function chunkSizes(): Plugin {
  return {
    name: 'chunk-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<
        string,
        { code: string; imports: string[]; isEntry: boolean; name: string }
      >();
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type === 'chunk')
          chunks.set(file, {
            code: out.code,
            imports: out.imports,
            isEntry: out.isEntry,
            name: out.name,
          });
      }
      const initial = new Set<string>();
      const visit = (f: string) => {
        if (initial.has(f)) return;
        initial.add(f);
        for (const i of chunks.get(f)?.imports ?? []) visit(i);
      };
      for (const [f, c] of chunks) if (c.isEntry) visit(f);
      const gz = (s: string) => gzipSync(s, { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB gz`;
      const total = [...initial].reduce((n, f) => n + gz(chunks.get(f)?.code ?? ''), 0);
      console.log(
        `\ninitial JS: ${kb(total)} (${initial.size} chunk${initial.size === 1 ? '' : 's'})`,
      );
      const lazy = [...chunks.entries()]
        .filter(([f]) => !initial.has(f))
        .map(([, c]) => ({ name: c.name, size: gz(c.code) }));
      lazy.sort(
        (a, b) =>
          Number(/^\d\d-/.test(b.name)) - Number(/^\d\d-/.test(a.name)) ||
          a.name.localeCompare(b.name),
      );
      for (const c of lazy) {
        const scene = /^\d\d-/.test(c.name);
        console.log(
          `${scene ? 'scene chunk ' : 'shared chunk'} ${c.name.padEnd(34)} ${kb(c.size).padStart(10)}`,
        );
        if (scene && c.size > SCENE_CHUNK_BUDGET)
          this.error(
            `scene chunk ${c.name} is ${kb(c.size)}, over its ${kb(SCENE_CHUNK_BUDGET)} budget: move shared code into a shared chunk`,
          );
      }
    },
  };
}

/** The web component's source: built alone, as one classic script with no React (docs/embedding.md). */
const EMBED_ENTRY = 'src/embed/mesh-scene.ts';
const EMBED_FILE = 'embed/mesh-scene.js';

/** Bundles the web component as one minified IIFE, in a separate build that shares nothing with the app. */
async function bundleEmbed(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: {
        entry: EMBED_ENTRY,
        formats: ['iife'],
        name: 'MeshScene',
        fileName: () => 'mesh-scene.js',
      },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs)
    if ('output' in o) for (const c of o.output) if (c.type === 'chunk') return c.code;
  throw new Error(`${EMBED_ENTRY}: the embed build produced no script`);
}

/** Ships the web component at /embed/mesh-scene.js: in the build's output, and from the dev server. */
function embedScript(): Plugin {
  return {
    name: 'embed-script',
    async generateBundle() {
      const code = await bundleEmbed();
      this.emitFile({ type: 'asset', fileName: EMBED_FILE, source: code });
      console.log(
        `embed script ${EMBED_FILE.padEnd(34)} ${(gzipSync(code).length / 1024).toFixed(1)} kB gz`,
      );
    },
    configureServer(server) {
      server.middlewares.use(`/${EMBED_FILE}`, (_req, res, next) => {
        bundleEmbed().then((code) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(code);
        }, next);
      });
    },
  };
}

/**
 * Offline use [2]: a service worker (Workbox, generated at build time) precaches the app shell,
 * every scene chunk, lazy or not, the embed kit and the icons; a manifest makes the course
 * installable. The app registers the worker itself, in production builds only (src/embed/offline.ts).
 */
const offline = () =>
  VitePWA({
    registerType: 'autoUpdate',
    injectRegister: false,
    // The icons are precached by the glob below; the manifest does not add them twice.
    includeManifestIcons: false,
    manifest: {
      name: 'Mesh Scenes — Build a Service Mesh',
      short_name: 'Mesh Scenes',
      description:
        'An explorable simulator of a service mesh (Envoy / Istio style): Istiod, sidecars, xDS, certificates.',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#1d4ed8',
      background_color: '#ffffff',
      icons: [
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      // The app routes in the hash: every navigation of the app is index.html. The embed pages
      // under /embed/ are their own documents.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/embed\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    },
  });

export default defineConfig({
  plugins: [react(), chunkSizes(), embedScript(), offline()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        strictExecutionOrder: true,
        // [1] Each model is a shared chunk (every scene on it reuses it); each scene's own chunk
        //     holds only its data, snippets and view. `yaml` is its own chunk, loaded with the
        //     model that parses YAML (the mesh) and never by the landing page or scene 1.
        codeSplitting: {
          // Groups take only the modules they name (not their dependencies), so a shared
          // library never lands in a model's chunk; strict order keeps such chunks valid.
          includeDependenciesRecursively: false,
          groups: [
            { name: 'yaml', test: /node_modules[\\/]yaml[\\/]/ },
            { name: 'model-mesh', test: /src[\\/]engine[\\/](mesh|traffic|faults|config)[\\/]/ },
            { name: 'model-direct', test: /src[\\/]engine[\\/]direct[\\/]/ },
            { name: 'views-mesh', test: /src[\\/](diagram|ui)[\\/](mesh|walk)[\\/]/ },
            // The YAML editor: loaded only when a scene opens it (scene 10).
            {
              name: 'editor',
              test: /node_modules[\\/](@codemirror|codemirror|@lezer|crelt|style-mod|w3c-keyname|@marijn)[\\/]/,
            },
            {
              name: 'diagram',
              test: /src[\\/]diagram[\\/](parts|layout)[\\/]|node_modules[\\/](motion|framer-motion|motion-dom|motion-utils|d3|d3-[a-z-]+|internmap)[\\/]/,
            },
          ],
        },
      },
    },
  },

  test: {
    // The suite must pass on a busy two-core machine: no simulation test is timed tightly (the
    // heaviest set their own, longer timeouts).
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scenes/**/*.test.ts', 'scripts/**/*.test.ts'],
          // One fixed fast-check seed for every property (printed with any failure).
          setupFiles: ['src/test/fastCheck.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'scenes/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts', 'src/test/fastCheck.ts'],
        },
      },
    ],
  },
});

// [2] Updates: a new build's worker installs in the background, takes over at once (skipWaiting,
//     clientsClaim) and the page reloads itself once (src/embed/offline.ts): the address bar holds
//     the whole view (step, time, run), so the learner lands where they were, on the new version.
