import { describe, expect, it } from 'vitest';
import {
  analyzeMesh,
  applyDocs,
  castMesh,
  formatAnalysis,
  parseMeshYaml,
  validateIstio,
} from './index';
import { readFileSync } from 'node:fs';

describe('analyzeMesh (istioctl analyze cross-object checks)', () => {
  it('finds nothing in the default cast', () => {
    expect(analyzeMesh(castMesh())).toEqual([]);
  });

  it('reports a missing subset, an unknown host and two VirtualServices for one host', () => {
    const yaml = readFileSync(
      new URL('./fixtures/analyze-missing-subset.yaml', import.meta.url),
      'utf8',
    );
    const { docs, errors } = parseMeshYaml(yaml);
    expect(errors).toEqual([]);
    expect(validateIstio(docs)).toEqual([]);
    expect(analyzeMesh(applyDocs(castMesh(), docs)).map(formatAnalysis)).toEqual([
      'Error [IST0101] (VirtualService shop/payments) Referenced host+subset in destinationrule not found: "payments+v3"',
      'Error [IST0101] (VirtualService shop/payments-extra) Referenced host not found: "paymentz"',
      'Warning [IST0109] (VirtualService shop/payments) The VirtualServices payments.shop, payments-extra.shop associated with mesh gateway define the same host payments which can lead to undefined behavior.',
      'Warning [IST0109] (VirtualService shop/payments-extra) The VirtualServices payments.shop, payments-extra.shop associated with mesh gateway define the same host payments which can lead to undefined behavior.',
    ]);
  });
});
