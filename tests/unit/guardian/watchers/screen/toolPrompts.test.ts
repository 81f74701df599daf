// Titles of remote tools' accept-connection prompts, and of their ordinary windows.
import { isToolPromptTitle } from '../../../../../electron/guardian/watchers/screen/toolPrompts';

describe('isToolPromptTitle', () => {
  it.each([
    'AnyDesk - Accept',
    'Accept Window',
    '123 456 789 wants to connect',
    'TeamViewer - Confirm access',
    'Incoming connection request',
    'RustDesk - Incoming session',
    'Quick Assist - Allow screen sharing?',
    'Quick Assist',
    'Support technician wants to control your computer',
  ])('%s is a prompt', (title) => {
    expect(isToolPromptTitle(title)).toBe(true);
  });

  it.each(['AnyDesk', 'TeamViewer', 'TeamViewer Options', 'RustDesk - Connection Manager', 'Acceptable use policy', ''])(
    '%s is not a prompt',
    (title) => {
      expect(isToolPromptTitle(title)).toBe(false);
    },
  );
});
