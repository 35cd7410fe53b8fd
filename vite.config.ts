import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
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

export default defineConfig({
  plugins: [react(), chunkSizes()],
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
