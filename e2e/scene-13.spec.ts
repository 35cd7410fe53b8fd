import { expect as baseExpect, test } from '@playwright/test';

/**
 * Scene 13 end to end: a fault picked in the chaos panel shows up in the golden signals (at the
 * reporter that saw it), the trace and the access log; the "find the cause" exercise checks an
 * answer and shows the evidence.
 */
const expect = baseExpect.configure({ timeout: 20_000 });

test('the chaos panel’s abort shows up in the metrics, the trace and the access log, then heals', async ({
  page,
}) => {
  await page.goto('/#/scene/13?step=1');
  await expect(
    page.getByRole('link', { name: 'Zoom out: the whole mesh at 1,000 sidecars' }),
  ).toHaveAttribute('href', '#/scale');
  const abort = page.getByTestId('chaos-panel').locator('button[data-fault="fault-abort"]');
  await expect(abort).toHaveAttribute('aria-pressed', 'false');
  await abort.click();
  await expect(abort).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '▶ Play' }).click();
  const log = page.getByTestId('access-log');
  await expect(log.locator('pre')).toContainText('503 FI fault_filter_abort');
  const src = page
    .getByTestId('golden-signals')
    .locator('tr[data-service="payments"][data-reporter="source"] td.obs-bad');
  await expect(src).toBeVisible();
  await expect(
    page
      .getByTestId('golden-signals')
      .locator('tr[data-service="payments"][data-reporter="destination"] td.obs-bad'),
  ).toHaveCount(0);
  await page.getByTestId('trace-view').getByLabel('newest trace with an error').check();
  await expect(page.getByTestId('trace-view').locator('.obs-span-bad').first()).toContainText(
    '503',
  );
  await abort.click();
  await expect(abort).toHaveAttribute('aria-pressed', 'false');
});

test('find the cause: a wrong answer names the fault, the right one is accepted, with evidence', async ({
  page,
}) => {
  await page.goto('/#/scene/13?step=7');
  const m = page.getByTestId('mystery');
  await expect(m.getByRole('heading')).toContainText('mystery 1');
  await page.getByRole('button', { name: '▶ Play' }).click();
  await page.waitForTimeout(3000);
  // Name the first fault; if it is not it, the verdict names the right one: name that.
  const choices = m.getByRole('radio');
  await choices.first().check();
  await m.getByTestId('mystery-check').click();
  const verdict = m.getByTestId('mystery-verdict');
  await expect(verdict).toBeVisible();
  const text = (await verdict.textContent()) ?? '';
  if (text.includes('Not it.')) {
    const right = /it was “([^”]+)”/.exec(text)?.[1] ?? '';
    await m.getByRole('radio', { name: right }).check();
    await m.getByTestId('mystery-check').click();
  }
  await expect(verdict).toContainText('Right.');
  await expect(verdict.locator('li').first()).not.toBeEmpty();
  await m.getByRole('button', { name: 'New mystery' }).click();
  await expect(m.getByRole('heading')).toContainText('mystery 2');
});
