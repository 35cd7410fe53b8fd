import { describe, expect, it } from 'vitest';
import { createDirect, directSceneModel } from './index';
import { directSummary } from './summary';
import { counters } from './views';

describe('direct summary (comparing two runs)', () => {
  it('is the scene model’s summary and counts what the callers count', () => {
    expect(directSceneModel.summary).toBe(directSummary);
    const sim = createDirect({ seed: 1 });
    sim.advanceTo(10_000_000);
    const s = directSummary(sim);
    expect(s.sections.map((x) => x.id)).toEqual(['calls', 'callers', 'addresses', 'pods']);
    const c = counters(sim);
    const calls = s.sections[0]?.rows ?? [];
    expect(calls.find((r) => r.key === 'calls')?.value).toBe(String(c.total.calls));
    expect(calls.find((r) => r.key === 'ok')?.value).toBe(String(c.total.ok));
    const web = s.sections[1]?.rows.find((r) => r.key === 'web-1')?.value;
    expect(web).toBe(
      `${c.byCaller['web-1'].ok} ok · ${c.byCaller['web-1'].failed} failed · ${c.byCaller['web-1'].retries} ${c.byCaller['web-1'].retries === 1 ? 'retry' : 'retries'} · ${c.byCaller['web-1'].timeouts} timeout${c.byCaller['web-1'].timeouts === 1 ? '' : 's'}`,
    );
  });

  it('a killed pod shows as down', () => {
    const sim = createDirect({ seed: 1 });
    sim.advanceTo(1_000_000);
    sim.command({ kind: 'pod.kill', pod: 'payments-v1-a' });
    sim.advanceTo(30_000_000);
    const pods = directSummary(sim).sections.find((x) => x.id === 'pods')?.rows ?? [];
    expect(pods.find((r) => r.key === 'payments-v1-a')?.value).toMatch(/^down · not ready · /);
    expect(pods.find((r) => r.key === 'payments-v1-b')?.value).toBe(
      'running · ready · in kube-proxy',
    );
  });
});
