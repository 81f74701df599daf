import { parseUltraViewerLine, readUltraViewerLine } from '../../../../../electron/guardian/watchers/sessions/ultraViewerLog';
import { fixtureLines } from './fixtureLines';

describe('UltraViewer connection logs', () => {
  it('reads Connection_IN_Log.txt: local 12-hour time, spaced 9-digit ID, computer name', () => {
    expect(fixtureLines('Connection_IN_Log.txt').map(parseUltraViewerLine).filter((x) => x !== null)).toEqual([
      { at: '2025-08-20T09:58:25', partnerId: '123456789', partnerName: 'CALLER-PC', otherIds: [], direction: null },
      { at: '2025-08-21T14:10:03', partnerId: '987654321', partnerName: 'SUPPORT-DESK', otherIds: [], direction: null },
    ]);
  });

  it('reads ConnectionLog.log and starts sessions only for incoming lines', () => {
    expect(fixtureLines('ConnectionLog.log').map(readUltraViewerLine).filter((x) => x !== null)).toEqual([
      { type: 'start', at: new Date(2025, 7, 20, 9, 58, 25).toISOString(), remoteId: '123456789', remoteName: null, remoteAddress: null, otherRemoteIds: [] },
    ]);
  });

  it('keeps a second ID-shaped field (a computer name the caller chose) as another candidate', () => {
    expect(readUltraViewerLine('08/20/2025 09:58:25 AM | 123 456 789 | 987 654 321')).toMatchObject({ remoteId: '123456789', otherRemoteIds: ['987654321'] });
  });

  it('rejects impossible times and lines without an ID', () => {
    expect(parseUltraViewerLine('13/40/2025 09:58:25 AM|Incoming|123456789')).toBeNull();
    expect(parseUltraViewerLine('08/20/2025 09:58:25 AM|Incoming|')).toBeNull();
    expect(parseUltraViewerLine('12/01/2025 12:05:00 AM|Incoming|123456789')?.at).toBe('2025-12-01T00:05:00');
  });
});
