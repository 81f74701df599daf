// The contract's methods as the preview answers them: the real engine's status, and links printed instead of opened.
// The preview never opens a browser or anything else on the machine.
import type { ApiHandlers } from '../apiDispatch';
import { allowedExternalLink } from '../externalLinks';
import type { Engine } from '../guardian/engine';

export function createPreviewHandlers(engine: Pick<Engine, 'status'>, log: (line: string) => void): ApiHandlers {
  return {
    getStatus: async () => engine.status(),
    openExternalLink: async ({ url }) => {
      const link = allowedExternalLink(url);
      log(link === null ? `The page asked to open a link that is not on the allow-list: ${url}` : `The app would open this link in the browser: ${link}`);
      return { opened: false };
    },
  };
}
