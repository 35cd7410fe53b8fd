import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * Runs as files and runs side by side, on scene 11: kill Istiod, step back (a second run),
 * compare the two (the rows that differ are marked), download the run, reload, open the file (the
 * same moment, "reopened exactly"), then a bad file (a message; nothing changes) and a file
 * dropped on another scene's page (it offers to open the right scene, and does).
 */
const expect = baseExpect.configure({ timeout: 20_000 });

async function open(page: Page, query: string, scene = 11) {
  await page.goto(`/#/scene/${scene}?${query}`);
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^Scene ${scene} · `) }),
  ).toBeVisible();
}
const simTime = (page: Page) => page.getByLabel('Simulated time').textContent();
/** `t = 1.030 s` (or `394.6 ms`) in seconds. */
const seconds = (text: string | null): number => {
  const m = /([\d.]+)\s*(ms|s)/.exec(text ?? '');
  return m ? Number(m[1]) / (m[2] === 'ms' ? 1000 : 1) : NaN;
};
const message = (page: Page) => page.getByTestId('runfile-message');

/** Drops a file with this text on the page, as a browser does when one is dragged onto it. */
async function drop(page: Page, text: string, name = 'run.json') {
  const dt = await page.evaluateHandle(
    ([t, n]) => {
      const d = new DataTransfer();
      d.items.add(new File([t], n, { type: 'application/json' }));
      return d;
    },
    [text, name] as const,
  );
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
}

/** Scene 11 with Istiod killed a few events into step 2, then one step back: two runs. */
async function twoRuns(page: Page) {
  await open(page, 'step=2');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('k');
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  for (let i = 0; i < 5; i++) await page.keyboard.press('.');
  const killedAt = await simTime(page);
  await page.getByRole('button', { name: '◀ Step' }).click();
  await expect(page.getByRole('heading', { name: 'Your other runs' })).toBeVisible();
  // The run on screen (Istiod kept) plays its step 2 to its end, then goes a few events past
  // the moment the other run ended.
  await page.getByRole('button', { name: 'Step ▶' }).click();
  await expect(page.getByText('running to the step’s event…')).toHaveCount(0);
  await expect(page.getByLabel('Narrative step')).toContainText('2 /');
  for (let i = 0; i < 20; i++) await page.keyboard.press('.');
  await expect.poll(async () => seconds(await simTime(page))).toBeGreaterThan(seconds(killedAt));
  return killedAt;
}

test('two runs side by side: the rows that differ are marked, in words', async ({ page }) => {
  await twoRuns(page);
  await page.getByText('Compare two runs side by side').click();
  await expect(page.getByRole('combobox', { name: 'First' })).toHaveValue('current');
  await expect(page.getByRole('combobox', { name: 'Second' })).toHaveValue('1');
  await page.getByRole('button', { name: 'Compare' }).click();
  const table = page.getByRole('table', {
    name: /^This run and Run 1 at .*: \d+ of \d+ rows differ$/,
  });
  await expect(table).toBeVisible();
  await expect(page.getByText(/^Replayed both runs to .* in \d+ ms\.$/)).toBeVisible();
  // Istiod runs in one and not the other; istioctl prints its error in Run 1 only.
  const istiod = table.getByRole('row', { name: /^differs Istiod running down/ });
  await expect(istiod).toHaveAttribute('data-differs', 'true');
  await expect(istiod).toContainText('differs');
  await expect(
    table.getByRole('row', { name: /istioctl proxy-status .*Error: no running Istio pods/ }),
  ).toHaveAttribute('data-differs', 'true');
  // Only differing rows are listed at first; every row when asked.
  const rows = table.locator('tbody tr[data-differs]');
  expect(await table.locator('tr[data-differs="false"]').count()).toBe(0);
  const differing = await rows.count();
  await page.getByRole('checkbox', { name: /^Only the rows that differ/ }).uncheck();
  expect(await rows.count()).toBeGreaterThan(differing);
  await expect(table.locator('tr[data-differs="false"]').first()).toBeVisible();
  // The runs bar, its comparison open, has no accessibility violations in either theme.
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByRole('button', { name: /Dark theme/ }).click();
    await expect(page.locator('article.scene')).toHaveAttribute('data-theme', theme);
    const axe = await new AxeBuilder({ page })
      .include('.runs-bar')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.length}`),
      theme,
    ).toEqual([]);
  }
});

test('download a run, reload, open the file: the same moment, reopened exactly; a bad file changes nothing', async ({
  page,
}) => {
  const killedAt = await twoRuns(page);
  // Back to the run where Istiod was killed, and save it.
  await page.getByTestId('run-1').click();
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  expect(await simTime(page)).toBe(killedAt);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download run' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^scene-11-run-\d+\.\d{3}s\.json$/);
  await expect(message(page)).toContainText(/^✓ Saved scene-11-run-.*, 1 change of yours\.$/);
  const text = readFileSync((await download.path()) as string, 'utf8');
  const file = JSON.parse(text) as {
    format: string;
    version: number;
    scene: { number: number };
    stateHash: string;
  };
  expect(file).toMatchObject({ format: 'mesh-scenes-run', version: 1, scene: { number: 11 } });

  // A fresh page on step 1: nothing of the run is left but the file.
  await page.goto('about:blank');
  await open(page, 'step=1');
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'true');
  await page.getByTestId('run-file-input').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(message(page)).toContainText(`✓ Reopened exactly: scene 11 at`);
  await expect(message(page)).toContainText(`(state hash ${file.stateHash})`);
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  expect(await simTime(page)).toBe(killedAt);
  // The step-1 run that was on screen is kept.
  await expect(page.getByTestId('run-1')).toBeVisible();

  // A bad file, picked or dropped: a clear message, and the run stays as it was.
  await page.getByTestId('run-file-input').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "mesh-scenes-run", "version": 7}'),
  });
  await expect(message(page)).toHaveText(
    '⚠ Not opened: the file is format version 7; this page reads version 1. Your run is unchanged.',
  );
  await drop(page, 'this is not JSON', 'notes.txt');
  await expect(message(page)).toHaveText(
    '⚠ Not opened: the file is not JSON. Your run is unchanged.',
  );
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  expect(await simTime(page)).toBe(killedAt);
  await expect(page.getByTestId('run-2')).toHaveCount(0);
});

test('a run file dropped on another scene offers that scene, and reopens there exactly', async ({
  page,
}) => {
  await open(page, 'step=2');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('k');
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  const at = await simTime(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download run' }).click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  await open(page, '', 5);
  await drop(page, text);
  await expect(message(page)).toContainText('⚠ Not opened: the run is from scene 11 (');
  await page.getByRole('button', { name: 'Open scene 11 and reopen the run there' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Scene 11 · / })).toBeVisible();
  await expect(message(page)).toContainText('✓ Reopened exactly: scene 11 at');
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  expect(await simTime(page)).toBe(at);
});
