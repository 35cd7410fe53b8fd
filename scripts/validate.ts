// `npm run validate -- FILE...`: validates Istio YAML like `istioctl validate -f`, with the
// simulator's rules (src/engine/config). For each document prints OK (kind and name) or each
// error with its line and field path, and Istio's warnings (accepted anyway). Then applies the
// valid documents on top of the default cast and reports istioctl-analyze findings (ANALYZE) and
// what an Envoy sidecar would still reject (NACK) although Istio accepted it.
// Documents without a namespace are read into `default`, as istioctl does (`--namespace NS` / `-n NS`
// to choose another). NOTE lines list the fields Istio accepts that the simulator does not model.
// Exit code: 0 all valid, 1 some document invalid, 2 usage error or a file could not be read.
import { readFileSync, statSync } from 'node:fs';
import {
  analyzeMesh,
  applyDocs,
  buildProxyResources,
  castMesh,
  CAST_PODS,
  envoyRejectsAny,
  formatAnalysis,
  formatError,
  istioWarnings,
  parseMeshYaml,
  unmodelledNotes,
  validateIstio,
  type ConfigError,
  type IstioObject,
  type ProxyResources,
} from '../src/engine/config/index';

/** Bigger files are not even read (parseMeshYaml itself refuses more than 256 KB per file). */
const MAX_READ_BYTES = 16 * 1024 * 1024;

const XDS: [keyof ProxyResources, string][] = [
  ['clusters', 'CDS'],
  ['endpoints', 'EDS'],
  ['listeners', 'LDS'],
  ['routes', 'RDS'],
];

/** istioctl-analyze findings about these documents once applied on top of the default cast. */
function analysis(docs: IstioObject[]): string[] {
  const mine = new Set(docs.map((d) => `${d.kind} ${d.metadata.namespace}/${d.metadata.name}`));
  return analyzeMesh(applyDocs(castMesh(), docs))
    .filter((m) => mine.has(m.resource))
    .map((m) => `  ANALYZE ${formatAnalysis(m)}`);
}

/** NACKs the default cast's sidecars would send for these (Istio-valid) documents. */
function envoyVerdicts(docs: IstioObject[]): string[] {
  if (docs.length === 0) return [];
  const config = applyDocs(castMesh(), docs);
  const byMessage = new Map<string, string[]>();
  for (const { pod } of CAST_PODS) {
    const res = buildProxyResources(config, { pod });
    for (const [field, type] of XDS) {
      const err = envoyRejectsAny(res[field]);
      if (err === null) continue;
      const key = `${type}: ${err}`;
      byMessage.set(key, [...(byMessage.get(key) ?? []), pod]);
    }
  }
  return [...byMessage].map(
    ([msg, pods]) =>
      `  NACK  Istio accepts this, but Envoy on ${pods.join(', ')} would reject ${msg}`,
  );
}

/** Errors by line; the `… and N more errors` summary last. */
function order(e: ConfigError): number {
  return e.message.startsWith('… and ') ? Number.MAX_SAFE_INTEGER : (e.line ?? 0);
}

function validateFile(file: string, text: string, namespace: string): boolean {
  const { docs, errors: parseErrors } = parseMeshYaml(text, { namespace });
  const semantic = validateIstio(docs);
  const warnings = istioWarnings(docs);
  const all: ConfigError[] = [...parseErrors, ...semantic];
  const docIndexes = [
    ...new Set([...docs.map((d) => d.source?.doc ?? 0), ...all.map((e) => e.doc ?? 0)]),
  ].sort((a, b) => a - b);
  console.log(file);
  if (docIndexes.length === 0) console.log('  (no documents)');
  for (const i of docIndexes) {
    const doc = docs.find((d) => d.source?.doc === i);
    const errs = all.filter((e) => (e.doc ?? 0) === i).sort((a, b) => order(a) - order(b));
    const object = doc
      ? `${doc.kind}/${doc.metadata.namespace}/${doc.metadata.name}`
      : errs.find((e) => e.object)?.object;
    const name = object ? `${object.replace('/', ' ')} (document ${i + 1})` : `document ${i + 1}`;
    if (errs.length === 0) console.log(`  OK    ${name}`);
    for (const e of errs) console.log(`  ERROR ${name} ${formatError(e)}`);
    for (const w of warnings.filter((x) => (x.doc ?? 0) === i))
      console.log(`  WARN  ${name} ${formatError(w)}`);
    if (errs.length === 0)
      for (const n of unmodelledNotes(doc ? [doc] : []))
        console.log(`  NOTE  ${name} ${formatError(n)}`);
  }
  const invalid = new Set(all.map((e) => e.doc ?? 0));
  const valid = docs.filter((d) => !invalid.has(d.source?.doc ?? 0));
  for (const line of [...analysis(valid), ...envoyVerdicts(valid)]) console.log(line);
  return all.length === 0;
}

const USAGE = 'usage: npm run validate -- [--namespace NS] FILE.yaml [FILE.yaml...]';

/** `[-n|--namespace NS] FILE...` → the namespace for documents without one, and the files. */
function parseArgs(args: string[]): { namespace: string; files: string[] } | string {
  let namespace = 'default'; // istioctl's default namespace
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n' || a === '--namespace') {
      const ns = args[++i];
      if (ns === undefined || ns === '') return `${a} needs a namespace`;
      namespace = ns;
    } else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    else if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else files.push(a);
  }
  if (namespace === '') return '--namespace needs a namespace';
  return files.length === 0 ? 'no files given' : { namespace, files };
}

function main(args: string[]): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    console.error(`validate: ${parsed}\n${USAGE}`);
    return 2;
  }
  const { namespace, files } = parsed;
  let unreadable = false;
  let invalid = false;
  for (const file of files) {
    let text: string;
    try {
      if (statSync(file).size > MAX_READ_BYTES) throw new Error('file larger than 16 MB');
      text = readFileSync(file, 'utf8');
    } catch (e) {
      console.error(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
      unreadable = true;
      continue;
    }
    try {
      if (!validateFile(file, text, namespace)) invalid = true;
    } catch (e) {
      // Never a stack trace: an unexpected failure is this file's error, and later files still run.
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
      console.log(`  ERROR ${file}: could not validate: ${msg.slice(0, 200)}`);
      invalid = true;
    }
  }
  return unreadable ? 2 : invalid ? 1 : 0;
}

// A closed pipe (`npm run validate -- f.yaml | head`) is not an error worth a stack trace; the
// exit code is still the validation result.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.exitCode = 2;
  });

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`validate: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
