/**
 * `npm run fuzz:validate -- [--count 10000] [--seed 42] [--out DIR]`: feeds generated and mutated
 * YAML through both paths an edit takes — the validator as `npm run validate` runs it (parse,
 * Istio validation and warnings, then istioctl-analyze findings and the NACKs Envoy would send for
 * the valid documents) and the mesh's `config.apply` command (then 300 ms of simulated time, so
 * an accepted change is pushed to every sidecar) — and counts what went wrong:
 *
 * - `exceptions`: inputs on which anything threw (a refused `config.apply` included);
 * - `over_2s`: inputs that took more than 2 s on either path (wall time; the validator's path or
 *   `config.apply` with its push);
 * - `unclear_messages`: messages a person would read (errors, warnings, findings, the mesh's log
 *   lines, rejections and NACK details) that `unclearReason` (src/engine/config/fuzzMutate.ts)
 *   calls unclear: empty, over 300 characters, a JavaScript error's words, `[object`, or outside
 *   the quoted echo of the user's text `undefined`, `NaN`, or `null` other than "got null".
 *
 * Half the inputs are generated (src/engine/config/fuzzInputs.ts), half are the fixtures, the
 * presets and the cast's config with one to four random edits (fuzzMutate.ts). The same seed gives
 * the same inputs. Prints examples of each failure, then one JSON line; exits 1 when any count is
 * not 0, 2 on bad arguments. `--out DIR` writes each failing input to DIR for replay.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CommandRefused } from '../src/engine/core/simulation';
import { SECOND } from '../src/engine/core/time';
import {
  analyzeMesh,
  applyDocs,
  buildProxyResources,
  CAST_PODS,
  castConfigYaml,
  castMesh,
  envoyRejectsAny,
  formatAnalysis,
  formatError,
  istioWarnings,
  parseMeshYaml,
  PRESETS,
  validateIstio,
  type IstioObject,
} from '../src/engine/config/index';
import { generatedFile } from '../src/engine/config/fuzzInputs';
import { mutatedFile, unclearReason } from '../src/engine/config/fuzzMutate';
import { createMesh, type MeshSim, type MeshTrace } from '../src/engine/mesh';

const USAGE = 'usage: npm run fuzz:validate -- [--count 10000] [--seed 42] [--out DIR]';
const SLOW_MS = 2000;
const BATCH = 50;
/** A fresh mesh every so many inputs (accepted configs pile up otherwise). */
const MESH_EVERY = 100;

function args(argv: string[]): { count: number; seed: number; out: string | null } {
  const a = { count: 10_000, seed: 42, out: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--count' && v && /^\d+$/.test(v)) a.count = Number(v);
    else if (k === '--seed' && v && /^-?\d+$/.test(v)) a.seed = Number(v);
    else if (k === '--out' && v) a.out = v;
    else {
      console.error(`fuzz:validate: bad argument ${k ?? ''}\n${USAGE}`);
      process.exit(2);
    }
    i++;
  }
  return a;
}

function corpus(): string[] {
  const dir = join(import.meta.dirname, '../src/engine/config/fixtures');
  // The top-level fixtures (the subfolders hold Istio's long multi-document examples).
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && /\.(ya?ml|txt)$/.test(f.name))
    .map((f) => readFileSync(join(dir, f.name), 'utf8'));
  return [...files, ...Object.values(PRESETS), castConfigYaml];
}

/** What `npm run validate` prints for a file, as messages (scripts/validate.ts). */
function validatorMessages(text: string): string[] {
  const { docs, errors } = parseMeshYaml(text);
  const invalid = [...errors, ...validateIstio(docs)];
  const out = [...invalid, ...istioWarnings(docs)].map(formatError);
  const bad = new Set(invalid.map((e) => e.doc ?? 0));
  const valid: IstioObject[] = docs.filter((d) => !bad.has(d.source?.doc ?? 0));
  if (valid.length === 0) return out;
  const config = applyDocs(castMesh(), valid);
  out.push(...analyzeMesh(config).map(formatAnalysis));
  for (const { pod } of CAST_PODS) {
    const res = buildProxyResources(config, { pod });
    for (const r of [res.clusters, res.endpoints, res.listeners, res.routes]) {
      const err = envoyRejectsAny(r);
      if (err !== null) out.push(err);
    }
  }
  return out;
}

/** The mesh's `config.apply` path: what a learner reads afterwards (rejections, log, NACKs). */
function applyMessages(mesh: { sim: MeshSim; heard: MeshTrace[] }, text: string): string[] {
  const { sim } = mesh;
  mesh.heard.length = 0;
  const logBefore = sim.state.logTotal;
  sim.command({ kind: 'config.apply', yaml: text });
  sim.advanceTo(sim.now + 0.3 * SECOND);
  const out: string[] = [];
  for (const e of mesh.heard) {
    if (e.type === 'config.rejected') out.push(...e.errors);
    if (e.type === 'xds.nack') out.push(e.error);
  }
  const newLines = Math.min(sim.state.logTotal - logBefore, sim.state.log.length);
  for (const l of sim.state.log.slice(sim.state.log.length - newLines)) out.push(l.text);
  return out;
}

function freshMesh(seed: number): { sim: MeshSim; heard: MeshTrace[] } {
  const sim = createMesh({ seed, perEdgeRps: 1 });
  const heard: MeshTrace[] = [];
  sim.trace.subscribe((e) => heard.push(e));
  sim.advanceTo(2 * SECOND);
  return { sim, heard };
}

interface Finding {
  kind: 'exception' | 'slow' | 'unclear';
  input: number;
  detail: string;
  text: string;
}

function main(): number {
  const { count, seed, out } = args(process.argv.slice(2));
  const gen = generatedFile;
  const mut = mutatedFile(corpus());
  const findings: Finding[] = [];
  let exceptions = 0;
  let slow = 0;
  let unclear = 0;
  let messages = 0;
  let maxMs = 0;
  let slowest = { input: -1, chars: 0, text: '' };
  let mesh = freshMesh(seed);
  const t0 = performance.now();
  for (let done = 0; done < count;) {
    const n = Math.min(BATCH, count - done);
    const batch = fc.sample(fc.oneof(gen, mut), { seed: seed + done, numRuns: n });
    for (const text of batch) {
      const i = done++;
      if (i % MESH_EVERY === 0) mesh = freshMesh(seed + i);
      const msgs: string[] = [];
      let threw: string | null = null;
      let ms = 0;
      for (const [stage, run] of [
        ['validate', () => validatorMessages(text)],
        ['config.apply', () => applyMessages(mesh, text)],
      ] as const) {
        const t = performance.now();
        try {
          msgs.push(...run());
        } catch (e) {
          const why = e instanceof CommandRefused ? e.reason : e instanceof Error ? e.message : e;
          threw ??= `${stage}: ${String(why).split('\n')[0]?.slice(0, 200)}`;
          if (stage === 'config.apply') mesh = freshMesh(seed + i);
        }
        ms = Math.max(ms, performance.now() - t);
      }
      if (ms > maxMs) slowest = { input: i, chars: text.length, text };
      maxMs = Math.max(maxMs, ms);
      messages += msgs.length;
      if (threw !== null) {
        exceptions++;
        findings.push({ kind: 'exception', input: i, detail: threw, text });
      }
      if (ms > SLOW_MS) {
        slow++;
        findings.push({ kind: 'slow', input: i, detail: `${Math.round(ms)} ms`, text });
      }
      const bad = msgs.map((m) => [m, unclearReason(m)] as const).filter(([, r]) => r !== null);
      if (bad.length) {
        unclear += bad.length;
        const [m, r] = bad[0] as readonly [string, string];
        findings.push({ kind: 'unclear', input: i, detail: `${r}: ${m.slice(0, 160)}`, text });
      }
    }
    if (done % 1000 === 0 || done === count)
      console.error(
        `fuzz:validate: ${done}/${count} inputs, ${Math.round((performance.now() - t0) / 1000)} s`,
      );
  }
  for (const kind of ['exception', 'slow', 'unclear'] as const) {
    const all = findings.filter((f) => f.kind === kind);
    for (const f of all.slice(0, 8))
      console.log(`${kind.toUpperCase()} input ${f.input} (${f.text.length} chars): ${f.detail}`);
    if (all.length > 8) console.log(`… and ${all.length - 8} more ${kind} findings`);
  }
  console.log(`slowest: input ${slowest.input} (${slowest.chars} chars), ${Math.round(maxMs)} ms`);
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `slowest-${slowest.input}.yaml`), slowest.text);
    for (const f of findings) writeFileSync(join(out, `${f.kind}-${f.input}.yaml`), f.text);
    console.log(`failing inputs (and the slowest) written to ${out}`);
  }
  console.log(
    JSON.stringify({
      inputs: count,
      exceptions,
      over_2s: slow,
      unclear_messages: unclear,
      messages,
      max_ms: Math.round(maxMs),
      seed,
      seconds: Math.round((performance.now() - t0) / 1000),
    }),
  );
  return exceptions + slow + unclear === 0 ? 0 : 1;
}

process.exitCode = main();
