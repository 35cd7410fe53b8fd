import { defineConfig, devices } from '@playwright/test';

// scripts/e2e.mjs picks the browser and passes it in PW_EXECUTABLE_PATH (empty: Playwright's own).
const executablePath = process.env.PW_EXECUTABLE_PATH || process.env.CHROMIUM_PATH || undefined;
// E2E_PORT / E2E_OUT let several checkouts (or people) run the suite side by side.
const PORT = Number(process.env.E2E_PORT) || 4173;
const OUT = process.env.E2E_OUT || 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_RESULTS || 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // A production build registers a service worker (offline use); a worker left from one test
    // must not answer another's requests. Only e2e/offline.spec.ts allows them.
    serviceWorkers: 'block',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 } },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${OUT} --emptyOutDir && npx vite preview --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
