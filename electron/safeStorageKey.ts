// Which key protector the tray app seals with: Electron's safeStorage on Windows (DPAPI) and macOS (Keychain), the key
// file otherwise. Electron's safeStorage object is passed in, so this file never imports electron and tests give their own.
//
// Linux always uses the key file, like the CLI: with the 'basic_text' backend safeStorage encrypts with a fixed
// password (no protection at all), and a real keyring (libsecret, KWallet) may be locked or missing at a login, which
// would leave the key unopenable and everything sealed with it unreadable.
import { keyFileProtector, type KeyProtector } from './guardian/store/sealKey';

export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface ChosenProtector {
  protector: KeyProtector;
  /** One plain sentence for the log when the weaker key file is used; null with safeStorage. */
  note: string | null;
}

export function keyProtectorFor(safeStorage: SafeStorage, platform: NodeJS.Platform): ChosenProtector {
  if (platform === 'linux') {
    return { protector: keyFileProtector, note: 'On Linux the sealing key is kept in a key file readable by this account only.' };
  }
  if (!safeStorage.isEncryptionAvailable()) {
    return { protector: keyFileProtector, note: "The system's secure storage is not available, so the sealing key is kept in a key file." };
  }
  return {
    note: null,
    protector: {
      kind: 'safe-storage',
      protect: (key) => safeStorage.encryptString(key.toString('base64')),
      unprotect: (stored) => Buffer.from(safeStorage.decryptString(stored), 'base64'),
    },
  };
}
