/**
 * DestinationRule client TLS settings as Istio's `ValidateTLS` checks them
 * (pkg/config/validation/agent/validation.go): certificates from files or from `credentialName`.
 */
import type { Reporter } from './checks';
import type { ClientTLSSettings } from './istio';

/** `ValidateTLS` (agent/validation.go): client TLS from files or from `credentialName`. */
export function checkTLS(
  r: Reporter,
  p: string,
  ns: string,
  tls: ClientTLSSettings | undefined,
): void {
  if (!tls) return;
  const cred = tls.credentialName ?? '';
  const set = (v: string | undefined): boolean => (v ?? '') !== '';
  if (cred.startsWith('configmap://')) {
    const [cns = '', name] = cred.slice('configmap://'.length).split('/');
    const e =
      name === undefined
        ? `invalid resource name ${JSON.stringify(cred)}. Expected namespace and name`
        : cns === ''
          ? `invalid resource name ${JSON.stringify(cred)}. Expected namespace`
          : name === ''
            ? `invalid resource name ${JSON.stringify(cred)}. Expected name`
            : null;
    if (e) r.add(`${p}.credentialName`, `invalid configmap:// credentialName: ${e}`);
    else if (cns !== ns)
      r.add(
        `${p}.credentialName`,
        `invalid configmap:// credentialName: namespace must match the configuration namespace ${JSON.stringify(ns)}`,
      );
  }
  if (tls.insecureSkipVerify === true) {
    if (tls.mode === 'SIMPLE' && (set(tls.caCertificates) || cred !== '' || tls.subjectAltNames))
      r.add(
        p,
        'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true',
      );
    if (tls.mode === 'MUTUAL' && (set(tls.caCertificates) || tls.subjectAltNames))
      r.add(
        p,
        'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true',
      );
  }
  if ((tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL') && cred !== '') {
    if ([tls.clientCertificate, tls.caCertificates, tls.privateKey, tls.caCrl].some(set))
      r.add(
        p,
        'cannot specify client certificates or CA certificate or CA CRL If credentialName is set',
      );
    return;
  }
  if (tls.mode === 'MUTUAL') {
    if (!set(tls.clientCertificate)) r.add(p, 'client certificate required for mutual tls');
    if (!set(tls.privateKey)) r.add(p, 'private key required for mutual tls');
  }
}
