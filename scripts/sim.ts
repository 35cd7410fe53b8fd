/**
 * Headless mesh runs: `npm run sim -- --scenario NAME --seed N [--duration 120s] [--json]
 * [--delta]`, `--list`, `--config-dump POD`. Prints, per phase of the scenario, requests by outcome
 * and response flag, each sidecar's config versions and proxy status, certificate ages.
 * `--json` prints one JSON object (shape in src/engine/mesh/README.md). Bad arguments: exit 2.
 */
import {
  configDump,
  createMesh,
  runScenario,
  SCENARIOS,
  type PhaseReport,
  type ScenarioReport,
} from '../src/engine/mesh';
import { SECOND } from '../src/engine/core/time';

const USAGE = `usage: npm run sim -- --scenario NAME [--seed N] [--duration 120s] [--json] [--delta]
       npm run sim -- --list
       npm run sim -- --scenario NAME --config-dump POD [--seed N] [--duration 30s]`;

function fail(msg: string): never {
  console.error(`sim: ${msg}\n${USAGE}`);
  process.exit(2);
}

interface Args {
  scenario?: string;
  seed: number;
  durationS?: number;
  json: boolean;
  list: boolean;
  delta: boolean;
  dump?: string;
}

function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v);
  if (!m) fail(`bad --duration ${JSON.stringify(v)} (expected e.g. 120s, 5m, 30h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return unit === 'ms' ? n / 1000 : unit === 's' ? n : unit === 'm' ? n * 60 : n * 3600;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { seed: 1, json: false, list: false, delta: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${k} needs a value`);
      return v;
    };
    if (k === '--scenario') a.scenario = val();
    else if (k === '--seed') {
      const v = val();
      if (!/^-?\d+$/.test(v)) fail(`bad --seed ${JSON.stringify(v)} (expected an integer)`);
      a.seed = Number(v);
    } else if (k === '--duration') a.durationS = parseDuration(val());
    else if (k === '--json') a.json = true;
    else if (k === '--list') a.list = true;
    else if (k === '--delta') a.delta = true;
    else if (k === '--config-dump') a.dump = val();
    else if (k === '--help' || k === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${JSON.stringify(k)}`);
  }
  return a;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const flags = (m: Record<string, number>): string =>
  Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ') || '-';

function printPhase(p: PhaseReport): void {
  const cmds = p.commands.length ? `  [${p.commands.join(', ')}]` : '';
  console.log(`\n== phase "${p.name}" ${p.fromS}s → ${p.toS}s${cmds}`);
  const r = p.requests;
  console.log(
    `requests: ${r.completed} done, ${r.ok} ok, ${r.failed} failed (success ${pct(r.successRate)}); flags: ${flags(r.byFlag)}; codes: ${flags(r.byCode)}`,
  );
  const pay = Object.entries(r.byDestination).filter(([k]) => k.startsWith('payments-'));
  const payTotal = pay.reduce((a, [, v]) => a + v, 0);
  if (payTotal)
    console.log(
      `payments served by: ${pay.map(([k, v]) => `${k} ${v} (${pct(v / payTotal)})`).join(', ')}`,
    );
  console.log(
    `istiod: ${p.istiod.up ? 'up' : 'DOWN'}, ${p.istiod.connected} connected, version ${p.istiod.version ?? '-'}, pushes ${p.istiod.pushes}, rejects ${p.istiod.rejects}; mTLS handshakes ok ${p.handshakes.ok} failed ${p.handshakes.failed}`,
  );
  const rows = p.sidecars.map((s) => {
    const st = s.status
      ? (['CDS', 'EDS', 'LDS', 'RDS'] as const).map((t) => s.status?.[t]).join('/')
      : s.up
        ? `DISCONNECTED${s.staleSinceS !== null ? ` (stale since ${s.staleSinceS.toFixed(1)}s)` : ''}`
        : 'POD DOWN';
    const v = s.versions.RDS ?? '-';
    const cert =
      s.certSerial === null
        ? 'no cert'
        : `cert #${s.certSerial} age ${fmtS(s.certAgeS ?? 0)}, expires in ${fmtS(s.certExpiresInS ?? 0)}`;
    return [s.pod, st, `RDS ${v}`, cert, s.lastError ? `NACK: ${s.lastError.slice(0, 60)}…` : ''];
  });
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows)
    console.log(
      '  ' +
        r
          .map((c, i) => (i < 4 ? c.padEnd((w[i] ?? 0) + 2) : c))
          .join('')
          .trimEnd(),
    );
}

function fmtS(s: number): string {
  const a = Math.abs(s);
  const txt =
    a >= 3600 ? `${(a / 3600).toFixed(1)}h` : a >= 60 ? `${(a / 60).toFixed(1)}m` : `${a}s`;
  return s < 0 ? `-${txt}` : txt;
}

function main(): void {
  const a = parseArgs(process.argv.slice(2));
  if (a.list) {
    for (const s of Object.values(SCENARIOS)) console.log(`${s.name.padEnd(16)} ${s.description}`);
    return;
  }
  if (!a.scenario) fail('missing --scenario (or --list)');
  const sc = SCENARIOS[a.scenario];
  if (!sc)
    fail(
      `unknown scenario ${JSON.stringify(a.scenario)}; known: ${Object.keys(SCENARIOS).join(', ')}`,
    );
  if (a.dump !== undefined) {
    const sim = createMesh({ ...sc.options, seed: a.seed, delta: a.delta });
    if (!sim.state.pods[a.dump])
      fail(`unknown pod ${JSON.stringify(a.dump)}; pods: ${sim.state.order.join(', ')}`);
    sim.advanceTo(Math.round((a.durationS ?? 10) * SECOND));
    console.log(JSON.stringify(configDump(sim, a.dump), null, 2));
    return;
  }
  const report: ScenarioReport = runScenario(sc, a.seed, a.durationS, { delta: a.delta });
  if (a.json) {
    console.log(JSON.stringify(report));
    return;
  }
  console.log(
    `scenario ${report.scenario} (seed ${report.seed}, ${report.delta ? 'Delta' : 'SotW'} xDS): ${sc.description}`,
  );
  report.phases.forEach(printPhase);
  console.log(
    `\n${report.simulatedS}s simulated, ${report.events} events, trace ${report.traceHash}`,
  );
}

main();
