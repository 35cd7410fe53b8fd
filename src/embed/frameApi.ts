import { runAction } from '../runtime/actions';
import type { SceneRuntime } from '../runtime/context';
import { SPEEDS } from '../runtime/speed';
import { setSpeed, setTheme } from '../store/uiStore';
import {
  parseCommand,
  PROTOCOL_VERSION,
  type EmbedCommand,
  type EmbedEvent,
  type StateSummary,
} from './protocol';

/** While playing, `state` events carry the moving clock at most this often. */
const STATE_EVERY_MS = 250;

/**
 * The origin of the page that frames this one, when the browser says: `location.ancestorOrigins`
 * (Chromium, Safari), else the referrer's origin. Null when neither tells (or says "null").
 */
export function parentOrigin(win: Window): string | null {
  const first = win.location.ancestorOrigins?.[0];
  if (first && first !== 'null') return first;
  try {
    const o = win.document.referrer ? new URL(win.document.referrer).origin : null;
    return o && o !== 'null' ? o : null;
  } catch {
    return null;
  }
}

/**
 * Where events go: the parent's origin when it is known and allowed; nowhere when it is known and
 * not allowed; every allowed origin when it is unknown (the browser delivers a message only to a
 * window whose origin is its target, so the others are dropped).
 */
export function eventTargets(hosts: readonly string[], parent: string | null): string[] {
  if (parent === null) return [...hosts];
  return hosts.includes(parent) ? [parent] : [];
}

/** The document's own height in CSS px (not the frame's: a host may shrink the frame to fit). */
const contentHeight = (win: Window) =>
  Math.ceil(win.document.documentElement.getBoundingClientRect().height);

export interface EmbedApi {
  stop(): void;
  /** Messages refused so far (wrong source or origin, malformed, out of range). */
  ignored(): number;
}

/**
 * The postMessage API of a framed scene (docs/embedding.md). With no allowed host it only posts
 * its height, to any parent ('*': a height is not sensitive). With hosts it posts `ready`, then
 * `step`, `state` and `height` only to an allowed parent, and obeys commands from the parent
 * window alone, from an allowed origin alone, once validated; everything else is counted and
 * otherwise ignored. Commands act through the same player and store calls as the keyboard.
 */
export function startEmbedApi(
  rt: SceneRuntime,
  hosts: readonly string[],
  win: Window = window,
): EmbedApi {
  const parent = win.parent;
  if (parent === win) return { stop: () => {}, ignored: () => 0 };
  const scene = rt.def.meta.number;
  let targets = eventTargets(hosts, parentOrigin(win));
  const post = (e: EmbedEvent) => {
    for (const t of targets) parent.postMessage(e, t);
  };

  let lastHeight = -1;
  const postHeight = () => {
    const height = contentHeight(win);
    if (height === lastHeight) return;
    lastHeight = height;
    // [1] With no host named, the message is exactly the one frames have always posted to '*'.
    if (hosts.length === 0) parent.postMessage({ type: 'mesh-scenes:height', scene, height }, '*');
    else post({ type: 'mesh-scenes:height', v: PROTOCOL_VERSION, scene, height });
  };
  const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(postHeight);
  ro?.observe(win.document.documentElement);
  if (hosts.length === 0) {
    postHeight();
    return { stop: () => ro?.disconnect(), ignored: () => 0 };
  }

  const { player, ui, def } = rt;
  const speeds = SPEEDS[def.setup.timeScale];
  const summary = (): StateSummary => ({
    scene,
    step: player.stepIndex + 1,
    steps: def.steps.length,
    playing: player.playing,
    time: Math.round(player.sim.now / 1000) / 1000,
    speed: ui.getState().speed,
    theme: ui.getState().theme,
  });
  let ignored = 0;
  let last: StateSummary = summary();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const postState = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = summary();
    post({ type: 'mesh-scenes:state', v: PROTOCOL_VERSION, ...last, ignored });
  };
  const onChange = () => {
    const now = summary();
    if (now.step !== last.step)
      post({
        type: 'mesh-scenes:step',
        v: PROTOCOL_VERSION,
        scene,
        step: now.step,
        steps: now.steps,
        caption: def.steps[now.step - 1]?.caption ?? '',
      });
    const discrete = (['step', 'playing', 'speed', 'theme'] as const).some(
      (k) => now[k] !== last[k],
    );
    if (discrete) postState();
    else if (now.time !== last.time && timer === null)
      timer = setTimeout(postState, STATE_EVERY_MS);
  };

  const apply = (cmd: EmbedCommand) => {
    switch (cmd.command) {
      case 'step':
        return player.goToStep(cmd.value - 1);
      case 'next':
      case 'prev':
        return runAction(rt, cmd.command);
      case 'play':
        return player.play();
      case 'pause':
        return player.pause();
      case 'speed':
        return setSpeed(ui, cmd.value);
      case 'theme':
        return setTheme(ui, cmd.value);
      case 'state':
        return postState();
    }
  };
  const onMessage = (e: MessageEvent) => {
    if (e.source === win) return; // the page's own messages are not for this API
    if (e.source !== parent || !hosts.includes(e.origin)) {
      ignored++;
      return;
    }
    const parsed = parseCommand(e.data, { steps: def.steps.length, speeds });
    if (parsed === null || !parsed.ok) {
      ignored++;
      if (parsed)
        post({ type: 'mesh-scenes:error', v: PROTOCOL_VERSION, scene, reason: parsed.reason });
      return;
    }
    // The parent's origin is now known: later events go to it alone.
    if (targets.length > 1) targets = [e.origin];
    apply(parsed.cmd);
  };

  win.addEventListener('message', onMessage);
  const offPlayer = player.subscribe(onChange);
  const offUi = ui.subscribe(onChange);
  post({
    type: 'mesh-scenes:ready',
    v: PROTOCOL_VERSION,
    title: `Scene ${scene} · ${def.meta.title}`,
    speeds: [...speeds],
    ...last,
  });
  postHeight();
  return {
    stop() {
      win.removeEventListener('message', onMessage);
      offPlayer();
      offUi();
      ro?.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
    ignored: () => ignored,
  };
}

// [1] A height tells nothing about the learner, so any page that frames a scene may read it and
//     size its frame; the version-1 format (with `v`) goes only to allowed hosts.
