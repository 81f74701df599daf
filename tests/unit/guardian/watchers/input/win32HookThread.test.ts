// What a low-level hook call means: the window messages and injected flags Windows documents for WH_MOUSE_LL and
// WH_KEYBOARD_LL (MSLLHOOKSTRUCT.flags bit 0 LLMHF_INJECTED, KBDLLHOOKSTRUCT.flags bit 4 LLKHF_INJECTED).
import { describe, expect, it } from 'vitest';
import { hookedInput } from '../../../../../electron/guardian/watchers/input/win32HookThread';

describe('hookedInput', () => {
  it.each([
    ['mouse', 0x0200, 0x00, ['motion', false, 5]], // WM_MOUSEMOVE from the person's mouse
    ['mouse', 0x0200, 0x01, ['motion', true, 5]], // LLMHF_INJECTED: SendInput
    ['mouse', 0x0200, 0x03, ['motion', true, 5]], // LLMHF_INJECTED | LLMHF_LOWER_IL_INJECTED
    ['mouse', 0x020a, 0x01, ['motion', true, 5]], // WM_MOUSEWHEEL counts as movement, as on X11
    ['mouse', 0x0201, 0x01, ['button', true, 5]], // WM_LBUTTONDOWN
    ['mouse', 0x0204, 0x00, ['button', false, 5]], // WM_RBUTTONDOWN
    ['mouse', 0x020b, 0x01, ['button', true, 5]], // WM_XBUTTONDOWN
    ['keyboard', 0x0100, 0x10, ['key', true, 5]], // WM_KEYDOWN, LLKHF_INJECTED
    ['keyboard', 0x0104, 0x20, ['key', false, 5]], // WM_SYSKEYDOWN with Alt held (LLKHF_ALTDOWN), not injected
    ['keyboard', 0x0100, 0x01, ['key', false, 5]], // LLKHF_EXTENDED is not the injected bit
  ] as const)('%s message %i with flags %i is %j', (device, message, flags, expected) => {
    expect(hookedInput(device, message, flags, 5)).toEqual(expected);
  });

  it.each([
    ['mouse', 0x0202], // WM_LBUTTONUP
    ['mouse', 0x0205], // WM_RBUTTONUP
    ['keyboard', 0x0101], // WM_KEYUP
    ['keyboard', 0x0105], // WM_SYSKEYUP
  ] as const)('a release (%s message %i) is not a press', (device, message) => {
    expect(hookedInput(device, message, 0x11, 5)).toBeNull();
  });
});
