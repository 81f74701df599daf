// What each of the engine's watchers does, in words for the person at the PC (the engine names them in one word).
const descriptions: Record<string, string> = {
  processes: 'The check for remote-control programs',
  downloads: 'The check of downloaded files',
  sessions: 'The check for someone connecting from elsewhere',
  windows: 'The check for bank pages and connection prompts',
  input: 'The check for someone else moving the mouse',
  alerts: 'Telling your family',
};

export function describeWatcher(name: string): string {
  return descriptions[name] ?? `The ${name} check`;
}
