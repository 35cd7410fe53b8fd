/**
 * What a scene page hands the runs bar for saving and opening run files (src/app/runFileOpen.ts
 * implements it; the UI never imports the app shell). Absent in embeds.
 */
export interface RunFileActions {
  /** Files larger than this are refused unread. */
  maxBytes: number;
  /** The file for the run on screen: its name, its text, and a sentence saying what it holds. */
  save(): { name: string; text: string; message: string };
  /** Checks a file's text and, when it is good, opens its run (the run on screen is kept). */
  open(text: string): Promise<RunImportOutcome>;
  /** Opens another scene's page and hands it the file (false: the browser would not keep it). */
  handOver(scene: number, text: string): boolean;
  /** A file another scene's page handed over to this one (read once), or null. */
  takeHandOver(): string | null;
}

/** What opening a file did, in a sentence the page shows. */
export type RunImportOutcome =
  | { ok: true; exact: boolean; message: string }
  | { ok: false; message: string; otherScene?: { number: number; title: string } };
