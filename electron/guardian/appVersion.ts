// The app's version, from package.json (bundled into the main process; read through tsx for the CLI and the preview).
import packageJson from '../../package.json';

export const APP_VERSION: string = packageJson.version;
