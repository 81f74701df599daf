// Recognises the title of a remote-access tool's window that asks the person to let someone in.

/**
 * Words in the titles of accept-connection prompts, as the vendors name those windows: AnyDesk's "Accept Window",
 * TeamViewer's "Confirm access" and "... wants to connect", RustDesk's and UltraViewer's incoming connection
 * requests, Quick Assist's "Allow screen sharing". Quick Assist asks inside its own window, titled just "Quick Assist",
 * so that title is a prompt too. Only windows of a catalog tool are asked.
 */
const PROMPT_TITLE = new RegExp(
  [
    String.raw`\baccept\b`,
    String.raw`\ballow\b`,
    String.raw`\bconfirm access\b`,
    String.raw`\bwants? to (?:connect|control|view|see|access|share)\b`,
    String.raw`\b(?:incoming|connection|session|access|remote control) request\b`,
    String.raw`\bincoming (?:connection|session)\b`,
    String.raw`^\s*quick assist\s*$`,
  ].join('|'),
  'iu',
);

export function isToolPromptTitle(title: string): boolean {
  return PROMPT_TITLE.test(title);
}
