// The signed catalog document: `{"catalog": {...}, "signature": "<base64>"}`, the signature an Ed25519 signature over the
// catalog's canonical JSON. The maintainer's script signs (scripts/sign-catalog.ts); the app opens and checks. Never
// fetches anything, and never accepts a catalog whose signature does not check against the key it is given.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../store/canonicalJson';

/** A downloaded or kept document refused before its content was looked at; the message is one plain sentence. */
export class SignedCatalogError extends Error {
  constructor(message: string, readonly reason: 'malformed' | 'bad-signature') {
    super(message);
    this.name = 'SignedCatalogError';
  }
}

/** The signed document for `catalog` (the parsed JSON of resources/remote-tools.json), as the text to publish. */
export function signCatalog(catalog: unknown, privateKeyPem: string): string {
  const key = ed25519(createPrivateKey(privateKeyPem));
  const signature = sign(null, Buffer.from(canonicalJson(catalog)), key).toString('base64');
  return `${JSON.stringify({ catalog, signature }, null, 2)}\n`;
}

/**
 * The catalog inside a signed document's text, once its signature checks against `publicKeyPem`. Throws a
 * SignedCatalogError (malformed, or bad signature) otherwise. The catalog is returned as signed, not yet checked as a catalog.
 */
export function openSignedCatalog(text: string, publicKeyPem: string): unknown {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new SignedCatalogError('The list of remote-access programs was not complete or not readable.', 'malformed');
  }
  const { catalog, signature } = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog) || typeof signature !== 'string') {
    throw new SignedCatalogError('The list of remote-access programs was not in the signed form Pause Guard expects.', 'malformed');
  }
  const signatureBytes = Buffer.from(signature, 'base64');
  const key = ed25519(createPublicKey(publicKeyPem));
  if (signatureBytes.length !== 64 || !verify(null, Buffer.from(canonicalJson(catalog)), key, signatureBytes)) {
    throw new SignedCatalogError('The list of remote-access programs was not signed by Pause Guard, or was changed after signing.', 'bad-signature');
  }
  return catalog;
}

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`The catalog key must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'a secret key'}.`);
  return key;
}
