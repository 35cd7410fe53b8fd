import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Scene 11 end to end: URL restore, step expectations (highlighted line, badges), the "Try this"
 * controls, invalid parameters, accessibility, and light/dark screenshots.
 */
// The machines running this suite are shared and often busy: allow slow frames.
const expect = baseExpect.configure({ timeout: 15_000 });
const PODS = [
  'web-1',
  'catalog-1',
  'cart-1',
  'checkout-1',
  'inventory-1',
  'payments-v1-a',
  'payments-v1-b',
  'payments-v2-a',
];

async function open(page: Page, query: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/#/scene/11?${query}`);
  await expect(
    page.getByRole('heading', { level: 2, name: /Scene 11 · Control plane and data plane/ }),
  ).toBeVisible();
  return errors;
}
const activeLine = (page: Page, panel: string) =>
  page.getByRole('figure', { name: panel }).locator('[aria-current="true"]');
const badge = (page: Page, pod: string) => page.getByTestId(`sidecar-${pod}`);
const completed = async (page: Page) =>
  Number(await page.getByTestId('count-completed').textContent());
const play = (page: Page) => page.getByRole('button', { name: '▶ Play' }).click();

test('loads from its URL with header, Previously, regions, panels and Try this', async ({
  page,
}) => {
  const errors = await open(page, 'step=1');
  await expect(
    page.getByRole('heading', {
      name: 'Scene 11 · Control plane and data plane — config over gRPC',
    }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Previously' })).toBeVisible();
  for (const label of [
    '↑ control plane — config issuer,',
    'NOT on the request path',
    'long-lived streaming gRPC ↓',
    '← data plane — sidecars handling traffic',
    'data-plane traffic never pauses',
  ])
    await expect(page.getByText(label, { exact: true })).toBeVisible();
  for (const title of [
    'Sidecar.subscribeXds',
    'ControlPlane.onYamlChange',
    'DataPlane.whenControlPlaneDies',
  ])
    await expect(page.getByRole('figure', { name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Try this' })).toBeVisible();
  await expect(page.getByText(/^simplified: /).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('each step shows the highlighted lines and badges it describes', async ({ page }) => {
  await open(page, 'step=1');
  await expect(activeLine(page, 'Sidecar.subscribeXds')).toContainText('stream.send(ack(');
  await expect(badge(page, 'web-1')).toHaveAttribute('data-badge', 'SYNCED');

  await open(page, 'step=3');
  // The step stops while checkout-1's new routes are on the wire: sent, not yet ACKed (STALE).
  await expect(activeLine(page, 'Sidecar.subscribeXds')).toContainText('resp = stream.recv()');
  await expect(activeLine(page, 'ControlPlane.onYamlChange')).toContainText('proxy.ads.send(');
  await expect(page.getByRole('figure', { name: 'Sidecar.subscribeXds' })).toContainText(
    'following checkout-1',
  );
  await expect(page.locator('tr[data-pod="checkout-1"] td[data-xds="RDS"]')).toContainText('STALE');

  await open(page, 'step=4');
  await expect(activeLine(page, 'Sidecar.subscribeXds')).toContainText(
    'reconnect_after(backoff.next())',
  );
  await expect(activeLine(page, 'DataPlane.whenControlPlaneDies')).toContainText('retry_after(');
  for (const pod of PODS)
    await expect(badge(page, pod)).toHaveAttribute('data-badge', 'DISCONNECTED');
  // istioctl cannot reach Istiod: its real error, then the last table Istiod had, as it was.
  await expect(page.getByTestId('istioctl-error')).toContainText(
    'no running Istio pods in "istio-system"',
  );
  await expect(
    page
      .locator('.proxy-status table.last-known td[data-xds="EDS"]', { hasText: 'SYNCED' })
      .first(),
  ).toBeVisible();

  await open(page, 'step=5');
  await expect(activeLine(page, 'DataPlane.whenControlPlaneDies')).toContainText(
    'forward(req, host)',
  );
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  expect(await completed(page)).toBeGreaterThan(50);

  await open(page, 'step=6');
  await expect(activeLine(page, 'Sidecar.subscribeXds')).toContainText('stream.send(ack(');
  for (const pod of PODS) await expect(badge(page, pod)).toHaveAttribute('data-badge', 'SYNCED');

  await open(page, 'step=7');
  await expect(activeLine(page, 'Sidecar.subscribeXds')).toContainText('stream.send(nack(');
  await expect(activeLine(page, 'ControlPlane.onYamlChange')).toContainText('if req.error_detail:');
});

test('with Istiod killed traffic keeps flowing and every sidecar is stale; restore resyncs all', async ({
  page,
}) => {
  // Slow motion off: this test is about the resync, not about watching each message travel.
  await open(page, 'step=2&speed=10&slowmo=0');
  await page.getByTestId('try-istiod').click();
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
  await play(page);
  for (const pod of PODS)
    await expect(badge(page, pod)).toHaveAttribute('data-badge', 'DISCONNECTED');
  const a = await completed(page);
  await expect.poll(() => completed(page), { timeout: 5_000 }).toBeGreaterThan(a + 20);
  await page.keyboard.press('k');
  await expect(page.getByTestId('istiod')).toHaveAttribute('data-up', 'true');
  for (const pod of PODS)
    await expect(badge(page, pod)).toHaveAttribute('data-badge', 'SYNCED', { timeout: 20_000 });
  // Every xDS column of istioctl's table reads SYNCED again (ECDS is IGNORED: not watched).
  const cells = page.locator('.proxy-status td[data-xds]:not([data-xds="ECDS"])');
  await expect(cells.first()).toBeVisible();
  await expect(cells.filter({ hasNotText: 'SYNCED' })).toHaveCount(0);
});

test('a NACK shows ERROR on that sidecar while its config version stays', async ({ page }) => {
  await open(page, 'step=7');
  const row = page.locator('.proxy-status tr[data-pod="payments-v2-a"]');
  const err = row.locator('td', { hasText: 'ERROR' }).first();
  await expect(err).toBeVisible();
  const xds = (await err.getAttribute('data-xds'))!;
  await expect(badge(page, 'payments-v2-a')).toHaveAttribute('data-badge', 'ERROR');
  const label = (await badge(page, 'payments-v2-a').getAttribute('aria-label')) ?? '';
  const kept = new RegExp(`${xds} ERROR version (\\S+?)[,.]`).exec(label)?.[1];
  expect(kept, label).toMatch(/^\d{4}-\d\d-\d\dT[\d:]+Z\/\d+$/);
  // Istiod has moved on to the rejected version; the sidecar still holds and serves the old one.
  expect(await page.getByTestId('istiod').getAttribute('data-version')).not.toBe(kept);
  await play(page);
  await page.waitForTimeout(1000);
  await expect(err).toHaveText(/ERROR/);
  expect(await badge(page, 'payments-v2-a').getAttribute('aria-label')).toContain(
    `${xds} ERROR version ${kept}`,
  );
  // Revert: Istiod pushes a config the sidecar accepts; it ACKs and proxy-status is SYNCED again.
  await page.getByTestId('try-bad').click();
  await expect(badge(page, 'payments-v2-a')).toHaveAttribute('data-badge', 'SYNCED', {
    timeout: 10_000,
  });
  await expect(err).toHaveCount(0);
});

test('invalid URL parameters fall back to defaults with a visible notice', async ({ page }) => {
  const errors = await open(page, 'step=99&speed=fast&seed=-4&istiod=maybe&sidecar=nope&x=1');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('step="99"');
  await expect(notice).toContainText('speed="fast"');
  await expect(notice).toContainText('seed="-4"');
  await expect(notice).toContainText('istiod="maybe"');
  await expect(notice).toContainText('sidecar="nope"');
  await expect(page.getByLabel('Narrative step')).toHaveText('1 / 7');
  await page.goto('/#/scene/77');
  await expect(page.getByTestId('notice')).toContainText('no scene');
  await page.evaluate(() => {
    window.postMessage({ type: 'seek', t: 'NaN' }, '*');
    window.postMessage('<img src=x onerror=alert(1)>', '*');
  });
  expect(errors).toEqual([]);
});

test('embed=1 shows the scene without site chrome; URL state round-trips', async ({ page }) => {
  await open(page, 'step=4&embed=1&speed=2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByLabel('Speed')).toHaveValue('2');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('istiod=down');
  // Sized for an iframe: no horizontal page scroll at 800 px.
  await page.setViewportSize({ width: 800, height: 600 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
});

test('clicking an in-flight message pins the line that sent it', async ({ page }) => {
  // Start step 3 (the canary change) slowly, then walk event by event into Istiod's push.
  await open(page, 'step=2&speed=0.1');
  await page.getByRole('button', { name: 'Step ▶' }).click();
  // One engine event per '.' key, inside the page (no round trip per event), until a token shows.
  const steps = await page.evaluate(async () => {
    for (let i = 0; i < 3000; i++) {
      if (document.querySelector('[data-testid="xds-token"]')) return i;
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '.', bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    }
    return -1;
  });
  expect(steps).toBeGreaterThanOrEqual(0);
  const tokens = page.getByTestId('xds-token');
  const top = tokens.last();
  const kind = await top.getAttribute('data-kind');
  await top.click();
  const pinned = page.locator('.code-panel .line.pinned');
  await expect(pinned).toHaveCount(1);
  const sender: Record<string, string> = {
    ACK: 'stream.send(ack(',
    NACK: 'stream.send(nack(',
    DiscoveryResponse: 'proxy.ads.send(DiscoveryResponse(',
    DiscoveryRequest: 'stream.send(DiscoveryRequest(',
  };
  await expect(pinned).toContainText(sender[kind!]!);
  await page.keyboard.press('Escape');
  await expect(pinned).toHaveCount(0);
});

test('axe finds no WCAG 2 A/AA violations; light and dark screenshots', async ({
  page,
}, testInfo) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, 'step=7');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    const shot = await page.screenshot({ fullPage: true });
    await testInfo.attach(`scene-11-${scheme}`, { body: shot, contentType: 'image/png' });
    await page.screenshot({ path: testInfo.outputPath(`scene-11-${scheme}.png`), fullPage: true });
  }
  // The help overlay lists every key and passes axe too.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Play / pause');
  await expect(help).toContainText('One engine event back');
  const withHelp = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(withHelp.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('a bare link plays; reduced motion does not; Space and arrows drive the player', async ({
  page,
}) => {
  await page.goto('/#/scene/11');
  await expect(page.getByRole('button', { name: '❚❚ Pause' })).toBeVisible();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#/scene/11?seed=43');
  await expect(page.getByRole('button', { name: '▶ Play' })).toBeVisible();
  await page.locator('body').press('Space');
  await expect(page.getByRole('button', { name: '❚❚ Pause' })).toBeVisible();
  await page.locator('body').press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Narrative step')).toHaveText('2 / 7');
  await expect(page.getByTestId('step-caption')).toContainText('Istiod is NOT on the request path');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByLabel('Narrative step')).toHaveText('1 / 7');
  await page.keyboard.press('+');
  await expect(page.getByLabel('Speed')).toHaveValue('2');
});
