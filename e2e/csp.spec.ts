import { expect as baseExpect, test, type Page } from '@playwright/test';
import { scenes } from '../scenes';

/**
 * The build served under a strict Content-Security-Policy: scripts only from the page's own
 * origin (no inline scripts, no eval), no plugins, no base-URI tricks. Every registered scene is
 * opened, played and stepped under it, and the browser must report 0 violations. Styles may be
 * inline (React style props and the code editor's injected styles): the policy is about script.
 * Generated per scene, like scenes.spec.ts: register a scene and it is covered here.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const expect = baseExpect.configure({ timeout: 15_000 });

/** Serves every response with the policy and records each violation the page reports. */
async function underCsp(
  page: Page,
): Promise<{ violations: string[]; consoleCsp: string[]; errors: string[] }> {
  const violations: string[] = [];
  const consoleCsp: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': CSP },
      });
    } catch {
      // The test ended while a late request (a favicon) was in flight: nothing to check.
    }
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation?: (v: string) => void }).__cspViolation;
      report?.(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
      consoleCsp.push(m.text());
    else if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { violations, consoleCsp, errors };
}

test('the scene list loads under a strict CSP with no violation', async ({ page }) => {
  const seen = await underCsp(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Scenes' })).toBeVisible();
  // The policy really is in force: an inline script is refused (and reported).
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await expect.poll(() => seen.violations.length).toBe(1);
  expect(seen.violations[0]).toMatch(/^script-src/);
  expect(await page.evaluate(() => '__inlineRan' in window)).toBe(false);
  seen.violations.length = 0;
  seen.consoleCsp.length = 0;
  await page.waitForTimeout(200);
  expect(seen.violations).toEqual([]);
  expect(seen.consoleCsp).toEqual([]);
  expect(seen.errors).toEqual([]);
});

for (const { meta } of scenes) {
  test(`scene ${meta.number} · ${meta.title}: opened, played and stepped under a strict CSP with no violation`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const seen = await underCsp(page);
    await page.goto(`/#/scene/${meta.number}?step=1&speed=10`);
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^Scene ${meta.number} · `) }),
    ).toBeVisible();
    const bar = page.getByRole('group', { name: 'Player controls' });
    // Play a little, then walk the narrative to its last step (each step's view and panels).
    const play = bar.locator('button.primary');
    await play.click();
    await page.waitForTimeout(1000);
    if (/pause/i.test(await play.innerText())) await play.click();
    const count = await bar.getByLabel('Narrative step').innerText();
    const total = Number(/\/\s*(\d+)/.exec(count)?.[1] ?? 1);
    const next = bar.getByRole('button', { name: 'Step ▶' });
    for (let i = 1; i < total; i++) {
      await next.click();
      await page.waitForTimeout(150);
    }
    await expect(bar.getByLabel('Narrative step')).toHaveText(`${total} / ${total}`);
    await page.waitForTimeout(500);
    expect(seen.violations).toEqual([]);
    expect(seen.consoleCsp).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
}
