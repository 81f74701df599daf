// The composition's own behaviour, through the real app services on a data folder of their own: alerts follow the
// contact when the family changes it (the outbox is made anew for the new channels), and settings that could not be
// read are told to the contact once there is one to tell.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../integration/alerts/receiver';
import { FAMILY_PIN, familyPc, type FamilyPc } from '../../fixtures/hostile/familyPc';

let pc: FamilyPc;
let other: Receiver;

beforeEach(async () => {
  pc = await familyPc();
  other = await startReceiver(() => 200);
});

afterEach(async () => {
  await pc.cleanup();
  await other.close();
});

const kindsAt = (receiver: Receiver): string[] => receiver.received.map((request) => (JSON.parse(request.body) as { kind: string }).kind);

describe('the app services', () => {
  it('send alerts to the new contact once the family changes it, and no longer to the old one', async () => {
    await pc.setUp();
    const before = pc.webhook.received.length;
    const saved = await pc.running().setup.save(pc.input({
      currentPin: FAMILY_PIN,
      contact: { name: 'Ann', phone: '07700 900123', ntfy: null, email: null, webhook: { url: `${other.url}/family`, secret: '' } },
    }));
    expect(saved.ok).toBe(true);
    await other.waitFor(1);
    expect(kindsAt(other)).toEqual(['settings-changed']);
    expect(pc.webhook.received).toHaveLength(before);
  });

  it('tell the contact about settings that could not be read, once there is a contact, and only once', async () => {
    await fs.mkdir(pc.dataDir, { recursive: true });
    await fs.writeFile(path.join(pc.dataDir, 'settings.json'), '{"version": 1, "person": "Mum", "contacts": [');
    await pc.start();
    expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'settings-reset' }));
    await pc.setUp();
    await pc.alertSaying(/could not be read/);
    await pc.stop();
    await pc.start();
    await pc.running().setup.save(pc.input({ currentPin: FAMILY_PIN, person: 'Margaret' }));
    await pc.alertSaying(/Margaret/);
    expect(pc.alerts().filter((alert) => alert.kind === 'settings-reset')).toHaveLength(1);
  });
});
