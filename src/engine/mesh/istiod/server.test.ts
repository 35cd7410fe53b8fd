/**
 * Istiod's ADS server as a learner sees it (docs/fidelity.md §1.2, §2): a NACK counts even when a
 * newer push has superseded it, connections are recycled after about 30 minutes, and every
 * subscription request is a trace entry with its version, nonce and names.
 */
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../../core/time';
import type { MeshTraceOf } from '../contract';
import { createMesh } from '../create';
import { istiodView, logLines, pilotMetrics, proxyStatus } from '../views';
import { MAX_AGE_REASON, MAX_CONNECTION_AGE, MAX_CONNECTION_AGE_GRACE } from './server';

describe('Istiod ADS server', () => {
  it('a NACK of a superseded push still counts in pilot_total_xds_rejects and shows ERROR until the next ACK', () => {
    const sim = createMesh({ seed: 21, perEdgeRps: 0 });
    sim.advanceTo(sec(3));
    const nacks: MeshTraceOf<'xds.nack'>[] = [];
    let errorWhileStale = false;
    sim.trace.subscribe((e) => {
      if (e.type !== 'xds.nack' || e.pod !== 'checkout-1') return;
      nacks.push(e);
      const rds = sim.state.istiod.conns['checkout-1']!.types.RDS;
      // The NACKed nonce is no longer the last one Istiod sent for RDS.
      expect(rds.sentNonce).not.toBe(e.nonce);
      const row = proxyStatus(sim);
      errorWhileStale =
        row.ok && row.rows.find((r) => r.pod === 'checkout-1')?.status.RDS === 'ERROR';
    });
    // Both pushes reach checkout-1 only after the cut heals: first the rule its Envoy rejects,
    // then the revert. Its NACK of the first arrives after Istiod sent the second.
    sim.command({ kind: 'sidecar.cut', pod: 'checkout-1' });
    sim.command({ kind: 'config.pushBad', pod: 'checkout-1' });
    sim.advanceTo(sec(4));
    sim.command({ kind: 'config.revertBad' });
    sim.advanceTo(sec(5));
    const expiredBefore = pilotMetrics(sim).expiredNonces;
    expect(istiodView(sim).rejects).toBe(0);
    sim.command({ kind: 'sidecar.uncut', pod: 'checkout-1' });
    sim.advanceTo(sec(6));
    expect(nacks).toHaveLength(1);
    expect(nacks[0]!.xds).toBe('RDS');
    expect(errorWhileStale).toBe(true);
    expect(istiodView(sim).rejects).toBe(1);
    expect(sim.state.istiod.metrics.pilot_xds_reject.RDS).toBe(1);
    // The stale ACKs (CDS, LDS of the first push) are expired nonces; the NACK is not.
    expect(pilotMetrics(sim).expiredNonces - expiredBefore).toBe(2);
    expect(logLines(sim).some((l) => l.text.startsWith('ADS:RDS: ACK ERROR checkout-1'))).toBe(
      true,
    );
    // The ACK of the revert (the current nonce) clears LastError: SYNCED again.
    const st = proxyStatus(sim);
    expect(st.ok && st.rows.find((r) => r.pod === 'checkout-1')?.status.RDS).toBe('SYNCED');
  }, 30_000);

  it('recycles each stream after 30 min ± 10% plus the 10 s grace; the sidecar reconnects at once and gets the full state', () => {
    const sim = createMesh({ seed: 4, perEdgeRps: 0, checkpointEvery: 0 });
    const closed: MeshTraceOf<'stream.closed'>[] = [];
    const retries: MeshTraceOf<'stream.retry'>[] = [];
    const after: string[] = [];
    sim.trace.subscribe((e) => {
      if (e.type === 'stream.closed') closed.push(e);
      if (e.type === 'stream.retry') retries.push(e);
      const last = closed[closed.length - 1];
      if (last && e.t >= last.t && 'pod' in e && e.pod === last.pod)
        after.push(`${e.type}${'xds' in e ? ` ${e.xds}` : ''}`);
    });
    sim.advanceTo(sec(34 * 60));
    expect(closed.map((c) => c.pod).sort()).toEqual([...sim.state.order].sort());
    for (const c of closed) {
      expect(c.reason).toBe(MAX_AGE_REASON);
      expect(c.t).toBeGreaterThanOrEqual(MAX_CONNECTION_AGE * 0.9 + MAX_CONNECTION_AGE_GRACE);
      expect(c.t).toBeLessThan(MAX_CONNECTION_AGE * 1.1 + MAX_CONNECTION_AGE_GRACE + sec(1));
    }
    expect(logLines(sim).map((l) => l.text)).toContain(
      "Istiod closed web-1's stream: max connection age 30 min reached; it reconnects at once and gets the full state",
    );
    // The last stream recycled: retry (backoff reset, < 500 ms), open, full state, ACKs.
    expect(after.slice(0, 3)).toEqual(['stream.closed', 'stream.retry', 'stream.open']);
    for (const t of ['CDS', 'EDS', 'LDS', 'RDS']) expect(after).toContain(`xds.response ${t}`);
    expect(retries.length).toBeGreaterThanOrEqual(8);
    for (const r of retries) expect(r.backoffMs).toBeLessThan(500);
    const st = proxyStatus(sim);
    expect(st.ok && st.rows.length).toBe(8);
    expect(st.ok && st.rows.every((r) => r.status.RDS === 'SYNCED')).toBe(true);
  }, 60_000);

  it('every subscription is an xds.request: a fresh Envoy asks CDS, EDS by name, LDS, RDS by name; a reconnect sends its versions', () => {
    const sim = createMesh({ seed: 6, perEdgeRps: 0 });
    const reqs: MeshTraceOf<'xds.request'>[] = [];
    sim.trace.subscribe((e) => {
      if (e.type === 'xds.request' && e.pod === 'web-1') reqs.push(e);
    });
    sim.advanceTo(sec(2));
    expect(reqs.map((r) => r.xds)).toEqual(['CDS', 'EDS', 'LDS', 'RDS']);
    const [cds, eds, lds, rds] = reqs;
    expect(cds).toMatchObject({
      typeUrl: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
      versionInfo: '',
      nonce: '',
      resourceCount: 0,
      delta: false,
    });
    expect(cds?.resourceNames).toBeUndefined();
    expect(eds?.resourceNames).toContain('outbound|8080|v1|payments.shop.svc.cluster.local');
    expect(lds?.resourceCount).toBe(0);
    expect(rds?.resourceNames).toContain('8080');
    const held = sim.state.sidecars['web-1']!.xds;
    const versions = {
      CDS: held.CDS.version,
      EDS: held.EDS.version,
      LDS: held.LDS.version,
      RDS: held.RDS.version,
    };
    sim.command({ kind: 'istiod.kill' });
    sim.advanceTo(sec(3));
    sim.command({ kind: 'istiod.restore' });
    sim.advanceTo(sec(40));
    const again = reqs.slice(4, 8);
    expect(again.map((r) => r.xds)).toEqual(['CDS', 'EDS', 'LDS', 'RDS']);
    for (const r of again) expect(r.versionInfo).toBe(versions[r.xds]);
    expect(versions.CDS).toMatch(/^2026-05-09T18:00:00Z\//);
    expect(again[0]!.t).toBeGreaterThan(sec(3));
    expect(again[3]!.t - again[0]!.t).toBeLessThan(ms(10));
  }, 30_000);
});
