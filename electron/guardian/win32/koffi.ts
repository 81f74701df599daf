// Loads koffi, the FFI the Windows readers call Win32 through: on first use and only on Windows, so the Linux and
// macOS engine never loads it. The one place koffi is imported; never declares a Win32 function itself.
import type KoffiModule from 'koffi';

export type Koffi = typeof KoffiModule;
/** A loaded DLL as koffi hands it back. */
export type KoffiLibrary = ReturnType<Koffi['load']>;

let loading: Promise<Koffi> | null = null;

export function loadKoffi(platform: NodeJS.Platform = process.platform): Promise<Koffi> {
  if (platform !== 'win32') return Promise.reject(new Error('The Windows system interface can only be used on Windows.'));
  loading ??= import('koffi').then(
    (module) => module.default,
    (error: unknown) => {
      // Said in words a reader of the watcher's problem understands; koffi's own message kept for whoever debugs it.
      throw new Error(`its Windows system interface could not be loaded (${error instanceof Error ? error.message : String(error)})`);
    },
  );
  return loading;
}
