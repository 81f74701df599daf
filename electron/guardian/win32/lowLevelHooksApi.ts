// The low-level mouse and keyboard hooks (user32 SetWindowsHookExW with WH_MOUSE_LL / WH_KEYBOARD_LL) and the message
// pump they need, through koffi, kept thin: each hook call is handed on as (message, flags) and passed down the chain.
import { loadKoffi, type Koffi } from './koffi';

/** What a hook saw: the window message (WM_MOUSEMOVE, WM_KEYDOWN ...) and the hook struct's flags. */
export type HookListener = (device: 'mouse' | 'keyboard', message: number, flags: number) => void;

export interface LowLevelHooksApi {
  /** Installs both hooks on the calling thread; throws a plain sentence when Windows refuses. */
  install(listener: HookListener): void;
  /** Waits up to `timeoutMs` for a message, then runs every waiting one (the hooks are called from inside this). */
  pump(timeoutMs: number): void;
  uninstall(): void;
}

const WH_KEYBOARD_LL = 13;
const WH_MOUSE_LL = 14;
const PM_REMOVE = 1;
const QS_ALLINPUT = 0x04ff;

function createLowLevelHooksApi(koffi: Koffi): LowLevelHooksApi {
  const user32 = koffi.load('user32.dll');
  const kernel32 = koffi.load('kernel32.dll');
  // MSLLHOOKSTRUCT { POINT pt; DWORD mouseData; DWORD flags; DWORD time; ULONG_PTR dwExtraInfo } and
  // KBDLLHOOKSTRUCT { DWORD vkCode; DWORD scanCode; DWORD flags; DWORD time; ULONG_PTR dwExtraInfo }.
  const MouseHook = koffi.struct('PG_MSLLHOOKSTRUCT', { x: 'int32_t', y: 'int32_t', mouseData: 'uint32_t', flags: 'uint32_t', time: 'uint32_t', extra: 'uintptr_t' });
  const KeyboardHook = koffi.struct('PG_KBDLLHOOKSTRUCT', { vkCode: 'uint32_t', scanCode: 'uint32_t', flags: 'uint32_t', time: 'uint32_t', extra: 'uintptr_t' });
  const HookProc = koffi.proto('__stdcall', 'PG_LowLevelHookProc', 'intptr_t', ['int', 'uintptr_t', 'void *']);
  const SetWindowsHookExW = user32.func('__stdcall', 'SetWindowsHookExW', 'void *', ['int', koffi.pointer(HookProc), 'void *', 'uint32_t']);
  const UnhookWindowsHookEx = user32.func('__stdcall', 'UnhookWindowsHookEx', 'int', ['void *']);
  const CallNextHookEx = user32.func('__stdcall', 'CallNextHookEx', 'intptr_t', ['void *', 'int', 'uintptr_t', 'void *']);
  const MsgWaitForMultipleObjects = user32.func('__stdcall', 'MsgWaitForMultipleObjects', 'uint32_t', ['uint32_t', 'void *', 'int', 'uint32_t', 'uint32_t']);
  // MSG is 48 bytes on x64; its fields are never read, so it is a plain buffer.
  const PeekMessageW = user32.func('__stdcall', 'PeekMessageW', 'int', ['void *', 'void *', 'uint32_t', 'uint32_t', 'uint32_t']);
  const TranslateMessage = user32.func('__stdcall', 'TranslateMessage', 'int', ['void *']);
  const DispatchMessageW = user32.func('__stdcall', 'DispatchMessageW', 'intptr_t', ['void *']);
  const GetModuleHandleW = kernel32.func('__stdcall', 'GetModuleHandleW', 'void *', ['void *']);
  const GetLastError = kernel32.func('__stdcall', 'GetLastError', 'uint32_t', []);
  const message = Buffer.alloc(48);
  let installed: { hooks: unknown[]; callbacks: unknown[] } | null = null;

  return {
    install(listener) {
      if (installed) return;
      const module = GetModuleHandleW(null);
      const hook = (device: 'mouse' | 'keyboard', type: typeof MouseHook) =>
        koffi.register((code: number, wParam: number, lParam: unknown) => {
          // A negative code must be passed on untouched (the documented contract of a low-level hook).
          if (code >= 0) {
            const { flags } = koffi.decode(lParam, type) as { flags: number };
            listener(device, Number(wParam), flags);
          }
          return CallNextHookEx(null, code, wParam, lParam) as number;
        }, koffi.pointer(HookProc));
      const callbacks = [hook('mouse', MouseHook), hook('keyboard', KeyboardHook)];
      const hooks = [SetWindowsHookExW(WH_MOUSE_LL, callbacks[0], module, 0), SetWindowsHookExW(WH_KEYBOARD_LL, callbacks[1], module, 0)];
      if (hooks.some((h) => h === null)) {
        const error = GetLastError() as number;
        for (const h of hooks) if (h !== null) UnhookWindowsHookEx(h);
        for (const c of callbacks) koffi.unregister(c as never);
        throw new Error(`Windows would not let Pause Guard listen to the mouse and keyboard (error ${error}).`);
      }
      installed = { hooks, callbacks };
    },
    pump(timeoutMs) {
      MsgWaitForMultipleObjects(0, null, 0, timeoutMs, QS_ALLINPUT);
      while (PeekMessageW(message, null, 0, 0, PM_REMOVE)) {
        TranslateMessage(message);
        DispatchMessageW(message);
      }
    },
    uninstall() {
      if (!installed) return;
      for (const h of installed.hooks) UnhookWindowsHookEx(h);
      for (const c of installed.callbacks) koffi.unregister(c as never);
      installed = null;
    },
  };
}

/** The hook calls, bound once per thread; rejects off Windows or when koffi cannot load. */
export async function loadLowLevelHooksApi(): Promise<LowLevelHooksApi> {
  return createLowLevelHooksApi(await loadKoffi());
}
