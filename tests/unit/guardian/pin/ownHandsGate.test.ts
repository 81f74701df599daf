// The own-hands check in front of the PIN gate: a choice made by injected input is refused before the PIN is looked at
// (so it is never a wrong try and cannot lock the person out), reported once; any other goes to the PIN gate as it is.
import { describe, expect, it } from 'vitest';
import { OWN_HANDS_MESSAGE, ownHandsGate } from '../../../../electron/guardian/pin/ownHandsGate';
import type { PinGate } from '../../../../electron/guardian/pin/pinGate';
import type { PinAction } from '../../../../shared/pin';

function setUp(injected: boolean) {
  const checked: string[] = [];
  const refused: PinAction[] = [];
  const pins: PinGate = {
    async check(action, entered) {
      checked.push(entered);
      return { ok: true, action, by: 'pin' };
    },
  };
  const gate = ownHandsGate(pins, { choiceWasInjected: async () => injected }, async (action) => void refused.push(action));
  return { gate, checked, refused };
}

describe('ownHandsGate', () => {
  it.each<PinAction>(['carry-on', 'pause-protection', 'quit', 'change-settings'])('refuses an injected %s without looking at the PIN', async (action) => {
    const { gate, checked, refused } = setUp(true);
    await expect(gate.check(action, '482193')).resolves.toEqual({ ok: false, action, reason: 'not-own-hands', message: OWN_HANDS_MESSAGE });
    expect(checked).toEqual([]);
    expect(refused).toEqual([action]);
  });

  it('hands the person\'s own choice to the PIN gate', async () => {
    const { gate, checked, refused } = setUp(false);
    await expect(gate.check('carry-on', '482193')).resolves.toEqual({ ok: true, action: 'carry-on', by: 'pin' });
    expect(checked).toEqual(['482193']);
    expect(refused).toEqual([]);
  });
});
