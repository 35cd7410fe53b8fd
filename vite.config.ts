import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Prints the gzip size of the JavaScript a first visit downloads before any scene is opened: the
 * entry chunk plus everything it imports statically. Scene chunks (dynamic imports) are listed
 * separately.
 */
function initialJsSize(): Plugin {
  return {
    name: 'initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<
        string,
        { code: string; imports: string[]; isEntry: boolean; name: string; dyn: boolean }
      >();
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type === 'chunk')
          chunks.set(file, {
            code: out.code,
            imports: out.imports,
            isEntry: out.isEntry,
            name: out.name,
            dyn: out.isDynamicEntry,
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
      const total = [...initial].reduce((n, f) => n + gz(chunks.get(f)?.code ?? ''), 0);
      const scenes = [...chunks.values()].filter((c) => c.dyn && /^\d\d-/.test(c.name));
      for (const s of scenes)
        this.info(`scene chunk ${s.name}: ${(gz(s.code) / 1024).toFixed(1)} kB gz`);
      console.log(
        `initial JS gzip: ${(total / 1024).toFixed(1)} kB (${initial.size} chunk${initial.size === 1 ? '' : 's'})`,
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), initialJsSize()],
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
            { name: 'views-mesh', test: /src[\\/](diagram|ui)[\\/]mesh[\\/]/ },
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
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'scenes/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
