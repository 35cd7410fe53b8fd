import { expect as baseExpect, test, type Page } from '@playwright/test';

/**
 * What the diagram draws for config messages and requests, and "press a message → the line that
 * sent it" (scene 11): tokens can be pressed while the scene plays, the pinned line shows beside
 * the running one, every legend entry is a shape the diagram draws, and a config message never
 * has a request's shape.
 */
// The machines running this suite are shared and often busy: allow slow frames.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The line of each panel that sends each kind of message (scenes/11-…/snippets). */
const SENDER: Record<string, { panel: string; text: string }> = {
  ACK: { panel: 'Sidecar.subscribeXds', text: 'stream.send(ack(' },
  NACK: { panel: 'Sidecar.subscribeXds', text: 'stream.send(nack(' },
  DiscoveryRequest: { panel: 'Sidecar.subscribeXds', text: 'stream.send(DiscoveryRequest(' },
  DiscoveryResponse: {
    panel: 'ControlPlane.onYamlChange',
    text: 'proxy.ads.send(DiscoveryResponse(',
  },
};

async function open(page: Page, query: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('about:blank'); // a new hash alone would not reload the scene
  await page.goto(`/#/scene/11?${query}`);
  await expect(page.getByRole('heading', { level: 2, name: /Scene 11/ })).toBeVisible();
  await expect(page.getByTestId('istiod')).toBeVisible();
  return errors;
}

const playing = (page: Page) => page.getByRole('button', { name: '❚❚ Pause' });
const diagram = (page: Page) => page.locator('.diagram-stack').first();

/** One engine event at a time (inside the page, no round trip per event) until `until` holds. */
async function stepEventsUntil(page: Page, until: string): Promise<number> {
  return page.evaluate(async (sel) => {
    for (let i = 0; i < 3000; i++) {
      if (document.querySelector(sel)) return i;
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '.', bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    }
    return -1;
  }, until);
}

/**
 * While the scene plays, presses (real mouse, where it is now) a token of `kind` the moment one is
 * on the wire; gives up after `ms`. Returns where it pressed, or null.
 */
async function pressMovingToken(page: Page, kind: string, ms: number) {
  await diagram(page).scrollIntoViewIfNeeded(); // a press on a control below may have scrolled
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const at = await page.evaluate((k) => {
      // The first token of that kind whose centre is on screen and not covered by another token.
      for (const el of document.querySelectorAll(`[data-testid="xds-token"][data-kind="${k}"]`)) {
        const r = el.querySelector('.hit')?.getBoundingClientRect();
        if (!r) continue;
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        if (document.elementFromPoint(x, y)?.closest('[data-testid="xds-token"]') === el)
          return { x, y };
      }
      return null;
    }, kind);
    if (at) {
      await page.mouse.click(at.x, at.y);
      return at;
    }
    await page.waitForTimeout(5);
  }
  return null;
}

test('a message pressed while the scene plays pins the line that sent it, beside the running line', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const errors = await open(page, 'step=3&speed=0.1');
  // Step 3 stops with Istiod's new routes on the wire; play on: the sidecars apply them and ACK.
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(playing(page)).toBeVisible();
  const hint = page.locator('.implementation .hint');
  let picked: { kind: string; pod: string } | null = null;
  // A press may land on a neighbour, or miss a token that has just arrived (a busy machine is
  // slow to press): press again; when no ACK is left on the wire, move the canary to get more.
  const deadline = Date.now() + 40_000;
  let presses = 0;
  for (let nudge = 0; !picked && Date.now() < deadline; presses++) {
    await expect(playing(page)).toBeVisible();
    if (!(await pressMovingToken(page, 'ACK', 3_000))) {
      await page.getByTestId('try-canary').press(nudge++ % 2 ? 'ArrowLeft' : 'ArrowRight');
      continue;
    }
    const text = await hint.textContent({ timeout: 1_000 }).catch(() => null);
    const m = text && /sent (\S+)’s (ACK) of/.exec(text);
    if (m) picked = { pod: m[1]!, kind: m[2]! };
  }
  testInfo.annotations.push({ type: 'presses', description: String(presses) });
  expect(picked, 'an ACK token was pressed while playing').not.toBeNull();
  const { pod, kind } = picked!;
  await expect(playing(page)).toBeVisible(); // pressing a message does not pause the scene
  // The panels follow the message's sidecar; the card is selected.
  const panel = page.getByRole('figure', { name: SENDER[kind]!.panel });
  await expect(panel).toContainText(`following ${pod}’s sidecar`);
  await expect(page.getByTestId(`sidecar-${pod}`)).toHaveAttribute('aria-pressed', 'true');
  // The pinned line is the one that sent the message.
  const pinned = panel.locator('.line.pinned');
  await expect(pinned).toHaveCount(1);
  await expect(pinned).toContainText(SENDER[kind]!.text);
  await expect(pinned.locator('.m-pin')).toHaveText('◆');
  // Once the sidecar has sent its last ACK, the running line is the pinned one: both marks show.
  const both = panel.locator('.line.active.pinned');
  await expect(both).toHaveCount(1);
  await expect(both.locator('.m-active')).toHaveText('▶');
  await expect(both.locator('.m-pin')).toHaveText('◆');
  await expect(both.locator('.m-active')).toBeVisible();
  await expect(both.locator('.m-pin')).toBeVisible();
  await expect(panel.getByTestId('marks-key')).toContainText('the line running now too');
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  const shot = await panel.screenshot({ path: testInfo.outputPath('pinned-beside-running.png') });
  await testInfo.attach('pinned-beside-running', { body: shot, contentType: 'image/png' });
  await page.keyboard.press('Escape');
  await expect(panel.locator('.line.pinned')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('tokens are buttons named by kind, type, sidecar, version_info and nonce (keyboard)', async ({
  page,
}) => {
  await open(page, 'step=3&speed=0.1');
  const token = page.getByRole('button', {
    name: /^DiscoveryResponse RDS, Istiod to checkout-1, version_info \S+, nonce \S+\./,
  });
  await expect(token).toHaveCount(1);
  await token.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('figure', { name: 'ControlPlane.onYamlChange' });
  await expect(panel.locator('.line.pinned')).toContainText(SENDER.DiscoveryResponse!.text);
  await expect(page.getByRole('figure', { name: 'Sidecar.subscribeXds' })).toContainText(
    'following checkout-1’s sidecar',
  );
  await expect(page.locator('.implementation .hint')).toContainText(
    'Istiod’s DiscoveryResponse of RDS to checkout-1',
  );
});

test('messages sharing a stream are spread apart; a delivered one is drawn at its end, never mid-line', async ({
  page,
}) => {
  await open(page, 'step=3&speed=0.1');
  // At step 3 each sidecar's CDS, LDS and RDS responses left Istiod together.
  const centres = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="xds-token"]')].map((el) => {
      const r = el.querySelector('.xds-shape')!.getBoundingClientRect();
      return { pod: el.getAttribute('data-pod'), x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );
  expect(centres.length).toBeGreaterThanOrEqual(6);
  for (const a of centres)
    for (const b of centres)
      if (a !== b && a.pod === b.pod)
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.pod}'s tokens overlap`).toBeGreaterThan(10);
  // Step until some message has been delivered: it sits at the end of its line.
  expect(await stepEventsUntil(page, '[data-testid="xds-token-delivered"]')).toBeGreaterThan(0);
  const placed = await page.evaluate(() => {
    const d = document.querySelector('[data-testid="xds-token-delivered"]')!;
    const r = d.getBoundingClientRect();
    const kind = d.getAttribute('data-kind');
    const pod = d.getAttribute('data-pod');
    const card = document.querySelector(`[data-testid="sidecar-${pod}"]`)!.getBoundingClientRect();
    const istiod = document.querySelector('[data-testid="istiod"]')!.getBoundingClientRect();
    return { kind, y: r.y + r.height / 2, cardTop: card.y, istiodBottom: istiod.bottom };
  });
  if (placed.kind === 'DiscoveryResponse')
    expect(Math.abs(placed.y - placed.cardTop)).toBeLessThan(20);
  else expect(Math.abs(placed.y - placed.istiodBottom)).toBeLessThan(20);
});

test('every legend entry is a shape the diagram draws; config messages and requests never share one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Record every shape the diagram ever draws (both layers), from the first frame on.
  await page.addInitScript(() => {
    const seen = new Map<string, string>();
    (window as unknown as { seenShapes: Map<string, string> }).seenShapes = seen;
    // class → "tag" or "tag@kind" (the message kind of the token it belongs to)
    const note = (el: Element) => {
      if (!el.closest('.diagram-stack')) return;
      const kind = el.closest('[data-kind]')?.getAttribute('data-kind');
      const what = el.tagName.toLowerCase() + (kind ? `@${kind}` : '');
      for (const c of el.classList) seen.set(c, what);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element) note(r.target);
        for (const n of r.addedNodes)
          if (n instanceof Element) {
            note(n);
            n.querySelectorAll('[class]').forEach(note);
          }
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
    });
  });
  // Istiod down (dotted streams), then restored (subscriptions, responses, ACKs), then a config
  // payments-v2-a rejects (a NACK); requests flow all along.
  await open(page, 'step=5&speed=10');
  const stepTo = async (n: number) => {
    await page.getByRole('button', { name: 'Step ▶' }).click();
    await expect(page.getByLabel('Narrative step')).toHaveText(`${n} / 7`, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: '▶ Play' })).toBeVisible({ timeout: 60_000 });
  };
  await stepTo(6);
  await stepTo(7);
  const seen = new Map<string, string>(
    await page.evaluate(() => [
      ...(window as unknown as { seenShapes: Map<string, string> }).seenShapes,
    ]),
  );
  const legend = await page.evaluate(() =>
    [...document.querySelectorAll('.legend li')].map((li) => {
      const shape = li.querySelector('[data-shape]')?.getAttribute('data-shape') ?? '';
      const el = shape ? li.querySelector(`svg .${shape}`) : null;
      return { label: li.textContent ?? '', shape, tag: el?.tagName.toLowerCase() ?? null };
    }),
  );
  expect(legend.length).toBeGreaterThanOrEqual(9);
  // Scene 11 never fails a request; the ✗ it would draw is checked in marks.test.tsx.
  const neverHere = new Set(['req-fail']);
  for (const { label, shape, tag } of legend) {
    expect(shape, `legend "${label}" names its shape`).not.toBe('');
    expect(tag, `legend "${label}" draws its shape`).not.toBeNull();
    if (neverHere.has(shape)) continue;
    expect(seen.has(shape), `the diagram drew "${label}" (.${shape})`).toBe(true);
    expect(seen.get(shape)!.split('@')[0], `"${label}" has the diagram's element`).toBe(tag);
  }
  // A DiscoveryRequest is an outlined diamond, a request a solid dot; an ACK is an envelope, a
  // successful request a bare tick.
  expect(seen.get('shape-diamond')).toBe('polygon@DiscoveryRequest');
  expect(seen.get('req-dot')).toBe('circle');
  expect(seen.get('shape-envelope-check')).toBe('g@ACK');
  expect(seen.get('req-ok')).toBe('path');
  expect(seen.get('shape-envelope-cross')).toBe('g@NACK');
});

test('screenshots: messages in flight, both themes', async ({ page }, testInfo) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, 'step=3&speed=0.1');
    // Walk on until ACKs go up while responses still come down.
    await expect(page.getByTestId('xds-token').first()).toBeVisible();
    expect(
      await stepEventsUntil(
        page,
        '[data-kind="ACK"][data-testid="xds-token"] ~ [data-kind="DiscoveryResponse"], [data-kind="DiscoveryResponse"][data-testid="xds-token"] ~ [data-kind="ACK"][data-testid="xds-token"]',
      ),
    ).toBeGreaterThanOrEqual(0);
    const shots = [
      [`messages-in-flight-${scheme}`, diagram(page)],
      [`legend-${scheme}`, page.locator('.legend').first()],
    ] as const;
    for (const [name, where] of shots) {
      const body = await where.screenshot({ path: testInfo.outputPath(`${name}.png`) });
      await testInfo.attach(name, { body, contentType: 'image/png' });
    }
  }
});
