/**
 * The glossary: each term in our own words, agreeing with docs/fidelity.md (the section is named
 * on each entry), with a public source. `match` finds the term in a step caption (a regular
 * expression source; `i` marks case-insensitive terms — acronyms are matched exactly, so "ads"
 * or "ca" in a sentence never links).
 */
export interface GlossaryEntry {
  /** The anchor: `#/glossary#term-<id>`. */
  id: string;
  term: string;
  /** Other names, shown under the term. */
  aka?: string;
  match: string;
  i?: true;
  text: string;
  source?: { label: string; url: string };
  /** Related entries. */
  see?: readonly string[];
  /** Scenes that show it. */
  scenes?: readonly number[];
}

import { MESH_TERMS } from './glossaryMesh';
import { XDS_TERMS } from './glossaryXds';

export const GLOSSARY: readonly GlossaryEntry[] = [...XDS_TERMS, ...MESH_TERMS];

export const glossaryById = (id: string): GlossaryEntry | undefined =>
  GLOSSARY.find((g) => g.id === id);
