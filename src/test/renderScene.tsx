import { render } from '@testing-library/react';
import { createRuntime } from '../app/createRuntime';
import { SceneShell } from '../app/SceneShell';
import { readSceneParams } from '../app/urlState';
import { testModule } from './testScene';

/** Renders the test scene as the app would for a query string. */
export function renderTestScene(query = '', idPrefix = 'test') {
  const { params, notices } = readSceneParams(new URLSearchParams(query), testModule.def);
  const rt = createRuntime(testModule, params, notices, idPrefix);
  const r = render(<SceneShell rt={rt} mod={testModule} embed={params.embed} />);
  return { ...r, rt };
}
