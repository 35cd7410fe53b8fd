import './listeners.css';
import { useMemo, useState } from 'react';
import {
  castConfigYaml,
  parseMeshYaml,
  PRESETS,
  validateIstio,
  type PresetName,
} from '../../engine/config';
import type { MeshCommand, MeshTrace } from '../../engine/mesh/contract';
import { jsonKey, usePlayerSelect, useRuntime } from '../../runtime/context';
import type { LineDiagnostic } from '../editor/codemirror';
import { YamlEditor } from '../editor/YamlEditor';

/** The presets scene 10 offers, with their button labels. */
const CHOICES: readonly [label: string, yaml: string][] = [
  ['90/10 (as deployed)', castConfigYaml],
  ['50/50', PRESETS['canary-50-50' as PresetName]],
  ['0/100', PRESETS['canary-0-100' as PresetName]],
  ['Delay 2 s on 50%', PRESETS['fault-delay' as PresetName]],
  ['Abort 503 on 10%', PRESETS['fault-abort' as PresetName]],
];

type Applied = { at: number; index: number; yaml: string } | null;

/** The last `config.apply` the run has applied so far (a step's, a preset's or the learner's). */
function lastApply(log: readonly { at: number; command: unknown }[], upTo: number): Applied {
  for (let i = Math.min(upTo, log.length) - 1; i >= 0; i--) {
    const c = log[i]?.command as MeshCommand | undefined;
    if (c?.kind === 'config.apply') return { at: log[i]!.at, index: i, yaml: c.yaml };
  }
  return null;
}

/** The API server's answer to the last apply: accepted objects, or the rejection. */
function answer(entries: readonly MeshTrace[], since: number): string[] | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.t < since) break;
    if (e.type === 'config.rejected')
      return [
        e.webhook
          ? 'Refused by the API server: Istio’s validating webhook cannot be reached (Istiod is down). Nothing was stored.'
          : 'Rejected by Istio’s validating webhook. Nothing was stored:',
        ...(e.webhook ? [e.errors[0] ?? ''] : e.errors),
      ];
    if (e.type === 'config.accepted')
      return [
        `Accepted: ${e.kind} ${e.name} (generation ${e.version}). Istiod debounces, compiles and pushes RDS; each sidecar’s table changes when it ACKs.`,
      ];
  }
  return null;
}

/** Problems the validator finds in the draft, at their lines (the webhook runs the same rules). */
function check(text: string): LineDiagnostic[] {
  const { docs, errors } = parseMeshYaml(text);
  const all = errors.length ? errors : validateIstio(docs);
  return all.map((e) => ({
    line: e.line ?? 1,
    ...(e.column !== undefined ? { column: e.column } : {}),
    message: `${e.path ? `${e.path}: ` : ''}${e.message}`,
    severity: 'error' as const,
  }));
}

/**
 * The operator's editor: the payments VirtualService and DestinationRule as YAML, checked as you
 * type; "Apply" sends it to the API server (`config.apply`, recorded in the run), whose webhook
 * accepts or rejects it; presets and "reset" only fill the editor.
 */
export function PolicyEditor() {
  const { player } = useRuntime();
  const applied = usePlayerSelect((p) => lastApply(p.sim.inputLog, p.sim.logPosition), jsonKey);
  const [draft, setDraft] = useState(applied?.yaml ?? castConfigYaml);
  const [seen, setSeen] = useState(applied?.index ?? -1);
  // A new apply in the run (a step's, a link's, a seek's) puts its YAML in the editor.
  if ((applied?.index ?? -1) !== seen) {
    setSeen(applied?.index ?? -1);
    setDraft(applied?.yaml ?? castConfigYaml);
  }
  const reply = usePlayerSelect(
    (p) => (applied ? answer(p.sim.trace.recent(256) as MeshTrace[], applied.at) : null),
    jsonKey,
  );
  const diagnostics = useMemo(() => check(draft), [draft]);
  const apply = () => player.command({ kind: 'config.apply', yaml: draft } satisfies MeshCommand);
  return (
    <section className="policy-editor" aria-label="Operator’s YAML">
      <h3>Operator: kubectl apply -f payments.yaml</h3>
      <div className="policy-presets" role="group" aria-label="Fill the editor with">
        {CHOICES.map(([label, yaml]) => (
          <button key={label} type="button" className="btn" onClick={() => setDraft(yaml)}>
            {label}
          </button>
        ))}
      </div>
      <YamlEditor
        text={draft}
        onChange={setDraft}
        diagnostics={diagnostics}
        label="YAML of the payments VirtualService and DestinationRule"
      />
      <p className="policy-check" data-testid="policy-check">
        {diagnostics.length === 0
          ? 'No problems found (the webhook runs the same rules when you apply).'
          : `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} (the webhook will reject this): line ${diagnostics[0]!.line}: ${diagnostics[0]!.message}`}
      </p>
      <button type="button" className="btn primary" data-testid="policy-apply" onClick={apply}>
        Apply
      </button>
      {reply && (
        <div
          className={`policy-reply ${reply[0]!.startsWith('Accepted') ? 'ok' : 'err'}`}
          role="status"
          data-testid="policy-reply"
        >
          {reply.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}
