// The status folded from engine events: its state and its sentence come from one table, so a tunnel that controls
// nothing (a log-tier tool) never reads "a program that lets other people control this computer" under "All is well".
import { describe, expect, it } from 'vitest';
import { EngineState } from '../../../electron/guardian/engineState';
import type { GuardianEvent } from '../../../shared/events';
import { STATE_HEADLINES } from '../../../shared/statusWords';

const AT = '2026-11-26T10:00:00.000Z';
const started = (toolId: string, name: string, tier: 'interrupt' | 'warn' | 'log', pid: number): GuardianEvent => ({
  type: 'tool-started', at: AT, toolId, name, tier, pid, exe: null, initial: false,
});

describe('EngineState status', () => {
  it('stays protected, in words that agree, while only a log-tier tool runs', () => {
    const state = new EngineState(['processes'], AT);
    state.apply(started('ngrok', 'ngrok', 'log', 40));
    const status = state.status();
    expect(status.state).toBe('protected');
    expect(STATE_HEADLINES[status.state]).toBe('All is well');
    expect(status.summary).toBe('Pause Guard is protecting this computer.');
    expect(status.toolsRunning).toEqual([{ toolId: 'ngrok', name: 'ngrok', pid: 40, tier: 'log' }]);
  });

  it('asks for a look, in words that agree, once a tool that can control the computer runs', () => {
    const state = new EngineState(['processes'], AT);
    state.apply(started('ngrok', 'ngrok', 'log', 40));
    state.apply(started('anydesk', 'AnyDesk', 'warn', 41));
    expect(state.status()).toMatchObject({ state: 'warning', summary: 'A program that lets other people control this computer is running.' });
    state.apply({ type: 'tool-stopped', at: AT, toolId: 'anydesk', name: 'AnyDesk', tier: 'warn', pid: 41, exe: null });
    expect(state.status()).toMatchObject({ state: 'protected', summary: 'Pause Guard is protecting this computer.' });
  });

  it('stays protected while a meeting app runs and shares the screen: a call is normal', () => {
    const state = new EngineState(['processes', 'windows'], AT);
    state.apply(started('zoom', 'Zoom', 'log', 50));
    state.apply(started('microsoft-teams', 'Microsoft Teams', 'log', 51));
    state.apply({ type: 'window-seen', at: AT, kind: 'screen-share', toolId: 'zoom', pid: 50, name: 'Zoom' });
    expect(state.status()).toMatchObject({ state: 'protected', summary: 'Pause Guard is protecting this computer.' });
  });
});

describe('EngineState screen shares and money pages', () => {
  const share: GuardianEvent = { type: 'window-seen', at: AT, kind: 'screen-share', toolId: null, pid: 31, name: 'Google Chrome' };
  const bank = (pid: number): GuardianEvent => ({ type: 'window-seen', at: AT, kind: 'bank', toolId: null, pid });

  it('raises a share once when a money page opens while the screen is shared', () => {
    const state = new EngineState(['windows'], AT);
    expect(state.apply(state.withRisk(share))).toEqual([]);
    expect(state.apply(bank(40))).toEqual([{ type: 'sharing-risk-raised', at: AT, toolId: null, pid: 31, name: 'Google Chrome' }]);
    expect(state.apply(bank(41))).toEqual([]);
  });

  it('starts a share at the highest risk while a money page is open, and not once the page is gone', () => {
    const state = new EngineState(['windows'], AT);
    state.apply(bank(40));
    const seen = state.withRisk(share);
    expect(seen).toMatchObject({ kind: 'screen-share', risk: 'highest' });
    expect(state.apply(seen)).toEqual([]);
    expect(state.apply(bank(41))).toEqual([]);
    state.apply({ type: 'window-gone', at: AT, kind: 'bank', toolId: null, pid: 40 });
    state.apply({ type: 'window-gone', at: AT, kind: 'bank', toolId: null, pid: 41 });
    state.apply({ type: 'window-gone', at: AT, kind: 'screen-share', toolId: null, pid: 31 });
    expect(state.withRisk(share)).toEqual(share);
  });

  it('forgets a share that ended: a money page opened later raises nothing', () => {
    const state = new EngineState(['windows'], AT);
    state.apply(share);
    state.apply({ type: 'window-gone', at: AT, kind: 'screen-share', toolId: null, pid: 31 });
    expect(state.apply(bank(40))).toEqual([]);
  });

  it('leaves remote-control windows and prompts out of the risk: they interrupt on their own', () => {
    const state = new EngineState(['windows'], AT);
    state.apply(bank(40));
    const control: GuardianEvent = { type: 'window-seen', at: AT, kind: 'remote-control', toolId: 'zoom', pid: 50, name: 'Zoom' };
    expect(state.withRisk(control)).toEqual(control);
  });
});
