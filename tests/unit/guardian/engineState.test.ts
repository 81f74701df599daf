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
});
