import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * Predict, then observe (scene 11): at the end of step 4 (Istiod killed) the page asks what
 * happens to requests before step 5 runs; a pick runs the step and the run's answer marks it.
 */
// The machines running this suite are shared and often busy: allow slow frames.
const expect = baseExpect.configure({ timeout: 30_000 });

async function open(page: Page, query = '') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`/#/scene/11?step=4${query}`);
  await expect(page.getByTestId('predict')).toBeVisible();
  return errors;
}
const heading = (page: Page) => page.getByRole('heading', { name: /^Step \d+ of \d+$/ });

test('the question comes before the step runs; a right pick is marked right by the run', async ({
  page,
}) => {
  const errors = await open(page);
  await expect(heading(page)).toHaveText('Step 4 of 7');
  await expect(page.getByTestId('predict').locator('.predict-q')).toContainText(
    'what happens to the requests between the services?',
  );
  await page.getByRole('button', { name: 'They keep completing' }).click();
  await expect(heading(page)).toHaveText('Step 5 of 7');
  await expect(page.getByTestId('predict')).toContainText('“They keep completing” — watch the run');
  const answer = page.getByTestId('predict-answer');
  await expect(answer).toContainText('The run: They keep completing');
  await expect(page.getByTestId('predict-verdict')).toHaveText('✓ Your prediction was right.');
  await expect(answer).toContainText('See it: The Completed requests count keeps rising');
  expect(errors).toEqual([]);
});

test('a wrong pick is marked wrong, with the run’s answer beside it', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'They all fail: nothing can route them' }).click();
  await expect(page.getByTestId('predict-answer')).toContainText('The run: They keep completing');
  await expect(page.getByTestId('predict-verdict')).toContainText(
    'Not this time: you predicted “They all fail: nothing can route them”.',
  );
});

test('“Just show me” runs the step without a prediction; “Ask me first” asks again', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: /Just show me/ }).click();
  await expect(heading(page)).toHaveText('Step 5 of 7');
  await expect(page.getByTestId('predict-answer')).toContainText('You did not predict this step.');
  await page.getByRole('button', { name: 'Ask me first' }).click();
  await expect(heading(page)).toHaveText('Step 4 of 7');
  await expect(page.getByRole('button', { name: 'They keep completing' })).toBeVisible();
});

test('→ still advances with the question open (and counts as “just show me”)', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'They keep completing' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText('Step 5 of 7');
  await expect(page.getByTestId('predict-answer')).toContainText('You did not predict this step.');
});

test('axe finds no violations with the question open, in either theme', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await open(page, `&theme=${theme}`);
    const axe = await new AxeBuilder({ page })
      .include('article.scene')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.length}`),
      theme,
    ).toEqual([]);
  }
});
