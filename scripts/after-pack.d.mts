// Types of the afterPack hook in after-pack.mjs, for the TypeScript tests that import it.
import type { FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export declare const releaseFuses: FuseV1Config;
export declare function electronBinaryPath(context: AfterPackContext): string;
export default function afterPack(context: AfterPackContext): Promise<void>;
