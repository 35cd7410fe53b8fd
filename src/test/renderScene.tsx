import { render } from '@testing-library/react';
import { createRuntime } from '../app/createRuntime';
import { SceneShell } from '../app/SceneShell';
import { readSceneParams } from '../app/urlState';
import type { SceneModule } from '../scene/types';
import { testModule } from './testScene';

/** Renders a scene as the app would for a query string (the toy test scene by default). */
export function renderTestScene(query = '', idPrefix = 'test', mod: SceneModule = testModule) {
  const { params, notices } = readSceneParams(new URLSearchParams(query), mod.def);
  const rt = createRuntime(mod.def, params, notices, idPrefix);
  const r = render(<SceneShell rt={rt} mod={mod} embed={params.embed} />);
  return { ...r, rt };
}
