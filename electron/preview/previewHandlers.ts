// The preview's one difference from the tray app's handlers: advice links are printed, never opened.
// The preview never opens a browser or anything else on the machine.
import type { ApiHandlers } from '../apiDispatch';
import { allowedExternalLink } from '../externalLinks';

export function previewOpenExternalLink(log: (line: string) => void): ApiHandlers['openExternalLink'] {
  return async ({ url }) => {
    const link = allowedExternalLink(url);
    log(link === null ? `The page asked to open a link that is not on the allow-list: ${url}` : `The app would open this link in the browser: ${link}`);
    return { opened: false };
  };
}
