/**
 * `npm run check:invariants -- --seeds N [--from S] [--workers W] [--replay-every K]`: the mesh's
 * reliability review as a script. Each seed draws a fault schedule (its own xoshiro stream, so a
 * seed is a reproducible case): SotW or Delta xDS, one to three Istiod outages of 1–240 s, bad
 * pushes (a config one sidecar's Envoy NACKs) and their revert, pod kills and restores, canary
 * changes during an outage (refused: the validating webhook is down) and after one. Checks:
 *
 * 1. requests keep completing while Istiod is down (every outage of 2 s or more in which requests
 *    were sent: with every caller pod killed, none are);
 * 2. a NACKed resource never becomes active (every active resource of every sidecar passes
 *    Envoy's validation, checked every simulated second);
 * 3. an edit while Istiod is down changes nothing;
 * 4. convergence once everything is healed: every connected sidecar SYNCED on every type it
 *    watches, at the version Istiod last sent it for that type (a change after a restore pushes
 *    only what it touches, so other types legitimately stay at an older version) — within 60 s;
 *    `max_converge_s` is the slowest;
 * 5. request conservation after draining (rate 0, 120 s): issued = completed, none in flight,
 *    each request finished exactly once;
 * 6. determinism across processes: every K-th seed (default every one) is run again in another
 *    worker process and must give the same trace hash.
 *
 * Prints each failure (seed and reason) and, last, one JSON line: `seeds`, `failures`,
 * `max_converge_s`, `requests` (completed, all seeds), `seconds`. Exit 1 on any failure, 2 on bad
 * arguments. Runs the seeds in W worker processes (default 2).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Rng, seedRng } from '../src/engine/core/rng';
import { ms, sec } from '../src/engine/core/time';
import { getResource } from '../src/engine/mesh/blobs';
import { CAST, createMesh, type MeshCommand, type MeshSim } from '../src/engine/mesh';
import { typeStatus, TYPES } from '../src/engine/mesh/istiod/state';
import { validate } from '../src/engine/mesh/sidecar/apply';

const USAGE =
  'usage: npm run check:invariants -- --seeds N [--from S] [--workers W] [--replay-every K]';

/** What one seed's run reports. */
interface SeedResult {
  seed: number;
  digest: string;
  failures: string[];
  convergeS: number;
  requests: number;
}

/** One step of a schedule: a command, then simulated time to run. */
interface Step {
  command: MeshCommand | null;
  thenMs: number;
  /** Istiod is down during the time that follows (requests must keep completing). */
  outage?: boolean;
  /** An edit while Istiod is down: must change nothing. */
  refused?: boolean;
}

/** The seed's fault schedule (pure function of the seed). */
function schedule(seed: number): { delta: boolean; rps: number; steps: Step[] } {
  const rng = new Rng(seedRng(seed ^ 0x5eed));
  const pod = () => CAST[rng.int(CAST.length)] as string;
  const canary = (): MeshCommand => ({
    kind: 'canary.weights',
    v1: rng.int(101),
    v2: 1 + rng.int(100),
  });
  const steps: Step[] = [];
  const outages = 1 + rng.int(3);
  for (let o = 0; o < outages; o++) {
    // Before the outage: some of pod kills/restores, a bad push (NACK) and its revert, a canary change.
    for (let k = rng.int(3); k > 0; k--) {
      const r = rng.int(4);
      if (r === 0) steps.push({ command: { kind: 'pod.kill', pod: pod() }, thenMs: rng.int(5000) });
      else if (r === 1)
        steps.push({ command: { kind: 'pod.restore', pod: pod() }, thenMs: rng.int(5000) });
      else if (r === 2) {
        steps.push({
          command: { kind: 'config.pushBad', pod: pod() },
          thenMs: 500 + rng.int(3000),
        });
        if (rng.chance(0.6))
          steps.push({ command: { kind: 'config.revertBad' }, thenMs: rng.int(3000) });
      } else steps.push({ command: canary(), thenMs: rng.int(3000) });
    }
    const downMs = sec(1 + rng.int(240)) / 1000;
    const during = rng.int(3);
    let left = downMs;
    steps.push({ command: { kind: 'istiod.kill' }, thenMs: 0 });
    for (let k = 0; k < during; k++) {
      const part = Math.floor(left / (during - k + 1));
      steps.push({ command: null, thenMs: part, outage: true });
      left -= part;
      if (rng.chance(0.5)) steps.push({ command: canary(), thenMs: 0, refused: true });
      else
        steps.push({
          command: { kind: rng.chance(0.5) ? 'pod.kill' : 'pod.restore', pod: pod() },
          thenMs: 0,
        });
    }
    steps.push({ command: null, thenMs: left, outage: true });
    steps.push({ command: { kind: 'istiod.restore' }, thenMs: rng.int(4000) });
    if (rng.chance(0.6)) steps.push({ command: canary(), thenMs: rng.int(8000) });
  }
  return { delta: rng.chance(0.5), rps: 2 + rng.int(9), steps };
}

/** Every connected sidecar SYNCED at the version Istiod last sent it, for every watched type. */
function converged(sim: MeshSim): boolean {
  const i = sim.state.istiod;
  for (const p of sim.state.order) {
    const pod = sim.state.pods[p];
    if (!pod?.up || !pod.injected) continue;
    const c = i.conns[p];
    if (!c) return false;
    for (const t of TYPES) {
      const sync = c.types[t];
      if (!sync.watched) continue;
      if (typeStatus(sync) !== 'SYNCED') return false;
      if (sim.state.sidecars[p]?.xds[t].version !== sync.sentVersion) return false;
    }
  }
  return true;
}

/** A NACKed resource never becomes active: the reason it is active anyway, or null. */
function activeNacked(sim: MeshSim): string | null {
  for (const p of sim.state.order) {
    const sc = sim.state.sidecars[p];
    if (!sc) continue;
    for (const t of TYPES)
      for (const [name, h] of Object.entries(sc.active[t])) {
        const r = getResource(h);
        if (!r) return `${p} ${t} ${name}: active resource ${h} is not stored`;
        const err = validate(r);
        if (err)
          return `${p} ${t} ${name} is active although Envoy rejects it (${err.slice(0, 80)})`;
      }
  }
  return null;
}

/** Runs one seed's schedule and checks every invariant. */
export function runSeed(seed: number): SeedResult {
  const { delta, rps, steps } = schedule(seed);
  const failures: string[] = [];
  const sim = createMesh({ seed, perEdgeRps: rps, delta });
  const done = new Set<number>();
  sim.trace.subscribe((e) => {
    if (e.type !== 'request.done') return;
    if (done.has(e.id)) failures.push(`request ${e.id} finished twice`);
    done.add(e.id);
  });
  const counters = sim.state.traffic.counters;
  /** Advances in 1 s slices, checking that no NACKed resource is active. */
  const run = (forMs: number): void => {
    const end = sim.now + ms(forMs);
    while (sim.now < end) {
      sim.advanceTo(Math.min(end, sim.now + sec(1)));
      const bad = activeNacked(sim);
      if (bad && failures.length < 5) failures.push(`t=${(sim.now / 1e6).toFixed(1)}s: ${bad}`);
    }
  };
  run(3000);
  for (const step of steps) {
    const generation = sim.state.configGeneration;
    if (step.command) sim.command(step.command);
    if (step.refused && sim.state.configGeneration !== generation)
      failures.push(`t=${(sim.now / 1e6).toFixed(1)}s: an edit while Istiod was down was accepted`);
    const completed = counters.completed;
    const issued = counters.issued;
    run(step.thenMs);
    // Requests sent while Istiod is down keep completing (none are sent when every caller is down).
    if (
      step.outage &&
      step.thenMs >= 2000 &&
      counters.issued > issued + 4 &&
      counters.completed === completed
    )
      failures.push(
        `t=${(sim.now / 1e6).toFixed(1)}s: ${counters.issued - issued} requests sent and none completed during ${step.thenMs} ms of Istiod outage`,
      );
  }
  // Heal everything, then wait for convergence (reconnect backoff is at most 30 s).
  const heal: MeshCommand[] = [
    { kind: 'istiod.restore' },
    { kind: 'config.revertBad' },
    ...CAST.map((pod): MeshCommand => ({ kind: 'pod.restore', pod })),
  ];
  for (const c of heal) sim.command(c);
  const healedAt = sim.now;
  const deadline = healedAt + sec(60);
  while (!converged(sim) && sim.now < deadline) sim.advanceTo(sim.now + ms(100));
  const convergeS = (sim.now - healedAt) / 1e6;
  if (!converged(sim)) failures.push('not converged 60 s after everything was healed');
  // Drain: no new requests; every one in flight must end.
  sim.command({ kind: 'traffic.rate', perEdgeRps: 0 });
  run(120_000);
  const t = sim.state.traffic;
  const inFlight = Object.keys(t.requests).length;
  if (inFlight > 0) failures.push(`${inFlight} requests still in flight after draining`);
  if (t.counters.issued !== t.counters.completed)
    failures.push(`issued ${t.counters.issued} ≠ completed ${t.counters.completed}`);
  if (done.size !== t.counters.completed)
    failures.push(`${done.size} request.done entries ≠ ${t.counters.completed} completed`);
  return { seed, digest: sim.trace.digest(), failures, convergeS, requests: t.counters.completed };
}

// ——— Worker mode: run the seeds the parent sends, answer with results. ———

if (process.argv[2] === '--worker') {
  process.on('message', (msg: { seed: number; replay: boolean }) => {
    let result: SeedResult;
    try {
      result = runSeed(msg.seed);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      result = {
        seed: msg.seed,
        digest: '',
        failures: [`threw: ${why.slice(0, 200)}`],
        convergeS: 0,
        requests: 0,
      };
    }
    process.send?.({ ...result, replay: msg.replay });
  });
} else void main();

function args(argv: string[]): {
  seeds: number;
  from: number;
  workers: number;
  replayEvery: number;
} {
  const a = { seeds: 100, from: 1, workers: 2, replayEvery: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i];
    const v = Number(argv[i + 1]);
    const ok = Number.isInteger(v) && v >= 0;
    if (k === '--seeds' && ok && v > 0) a.seeds = v;
    else if (k === '--from' && ok) a.from = v;
    else if (k === '--workers' && ok && v > 0) a.workers = v;
    else if (k === '--replay-every' && ok) a.replayEvery = v;
    else {
      console.error(`check:invariants: bad argument ${k ?? ''}\n${USAGE}`);
      process.exit(2);
    }
  }
  return a;
}

async function main(): Promise<void> {
  const { seeds, from, workers, replayEvery } = args(process.argv.slice(2));
  const t0 = performance.now();
  const script = fileURLToPath(import.meta.url);
  const pool = Array.from({ length: workers }, () =>
    fork(script, ['--worker'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  // Jobs: every seed once; every K-th seed again, in a different worker (another process).
  const jobs: { seed: number; replay: boolean; worker: number }[] = [];
  for (let k = 0; k < seeds; k++) {
    const seed = from + k;
    jobs.push({ seed, replay: false, worker: k % workers });
    if (replayEvery > 0 && k % replayEvery === 0)
      jobs.push({ seed, replay: true, worker: (k + 1) % workers });
  }
  const main = new Map<number, SeedResult>();
  const replays = new Map<number, string>();
  let finished = 0;
  await Promise.all(
    pool.map(
      (child, w) =>
        new Promise<void>((resolve) => {
          const mine = jobs.filter((j) => j.worker === w);
          let next = 0;
          const send = () => {
            const job = mine[next++];
            if (job) child.send({ seed: job.seed, replay: job.replay });
            else {
              child.kill();
              resolve();
            }
          };
          child.on('message', (r: SeedResult & { replay: boolean }) => {
            if (r.replay) replays.set(r.seed, r.digest);
            else main.set(r.seed, r);
            finished++;
            if (finished % 50 === 0)
              console.error(
                `check:invariants: ${finished}/${jobs.length} runs, ${Math.round((performance.now() - t0) / 1000)} s`,
              );
            send();
          });
          child.on('exit', () => resolve());
          send();
        }),
    ),
  );
  let failures = 0;
  let maxConverge = 0;
  let requests = 0;
  for (const [seed, r] of [...main].sort((a, b) => a[0] - b[0])) {
    const replay = replays.get(seed);
    if (replay !== undefined && replay !== r.digest)
      r.failures.push(`not deterministic across processes: trace ${r.digest} vs ${replay}`);
    if (r.failures.length > 0) {
      failures++;
      console.log(`FAIL seed ${seed}: ${r.failures.join('; ')}`);
    }
    maxConverge = Math.max(maxConverge, r.convergeS);
    requests += r.requests;
  }
  const missing = seeds - main.size;
  if (missing > 0) {
    failures += missing;
    console.log(`FAIL ${missing} seeds gave no result (a worker died)`);
  }
  console.log(
    JSON.stringify({
      seeds,
      failures,
      max_converge_s: Math.round(maxConverge * 10) / 10,
      requests,
      replayed: replays.size,
      seconds: Math.round((performance.now() - t0) / 1000),
    }),
  );
  process.exitCode = failures === 0 ? 0 : 1;
}
