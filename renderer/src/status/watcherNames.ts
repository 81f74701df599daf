// What each of the engine's watchers does, in words for the person at the PC (the engine names them in one word).
const descriptions: Record<string, string> = {
  processes: 'Watching for remote-control programs starting',
  downloads: 'Watching downloads for remote-control installers',
  sessions: 'Watching for someone connecting from elsewhere',
  windows: 'Watching for bank pages and connection prompts',
};

export function describeWatcher(name: string): string {
  return descriptions[name] ?? `The ${name} check`;
}
