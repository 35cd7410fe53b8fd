import { describe, expect, it } from 'vitest';
import { pressTry } from './actions';
import { createRuntime } from '../app/createRuntime';
import { readSceneParams } from '../app/urlState';
import { eraseScene } from '../scene/types';
import { testScene } from '../test/testScene';

describe('pressTry', () => {
  it('records the control as used however it was pressed (click or key), once', () => {
    const def = eraseScene(testScene);
    const { params, notices } = readSceneParams(new URLSearchParams(''), def);
    const rt = createRuntime(def, params, notices, 't');
    const id = def.tryThis.find((t) => t.kind !== 'slider')!.id;
    expect(rt.ui.getState().tried).toEqual([]);
    pressTry(rt, id);
    pressTry(rt, id);
    expect(rt.ui.getState().tried).toEqual([id]);
    pressTry(rt, 'no-such-control');
    expect(rt.ui.getState().tried).toEqual([id]);
  });
});
