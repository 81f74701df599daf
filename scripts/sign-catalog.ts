// The maintainers' catalog signer: checks resources/remote-tools.json as the app would, then writes the signed document
// the app downloads (an asset of each GitHub release). Refuses a catalog the app would refuse; never writes the key anywhere.
// Run: node --import tsx scripts/sign-catalog.ts --key KEY.pem [--catalog resources/remote-tools.json] --out remote-tools.signed.json
//      node --import tsx scripts/sign-catalog.ts --new-key KEY.pem   (once: a new key pair; put its public half in catalogPublicKey.ts)
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../electron/guardian/catalog';
import { openSignedCatalog, signCatalog } from '../electron/guardian/catalogUpdates/catalogSignature';

const { values } = parseArgs({
  options: { key: { type: 'string' }, catalog: { type: 'string' }, out: { type: 'string' }, 'new-key': { type: 'string' } },
});

if (values['new-key']) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await fs.writeFile(values['new-key'], privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  console.log(`The private key is in ${values['new-key']}: keep it secret (the release workflow's CATALOG_SIGNING_KEY). Its public half:`);
  console.log(publicKey.export({ type: 'spki', format: 'pem' }));
} else {
  if (!values.key || !values.out) {
    console.error('Usage: sign-catalog.ts --key KEY.pem [--catalog FILE] --out FILE, or sign-catalog.ts --new-key KEY.pem');
    process.exit(2);
  }
  const catalogFile = values.catalog ?? path.resolve(import.meta.dirname, '../resources/remote-tools.json');
  const document: unknown = JSON.parse(await fs.readFile(catalogFile, 'utf8'));
  const checked = loadCatalog(document);
  if (checked.date === null) {
    console.error(`${catalogFile} has no "date": the app shows it to the person, so a published catalog needs one.`);
    process.exit(1);
  }
  const privateKeyPem = await fs.readFile(values.key, 'utf8');
  const signed = signCatalog(document, privateKeyPem);
  // Checked as the app will: signature and content, with the public half of the same key.
  openSignedCatalog(signed, createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString());
  await fs.writeFile(values.out, signed);
  console.log(`Signed version ${checked.version} of ${checked.date} (${checked.tools.length} programs) into ${values.out}.`);
}
