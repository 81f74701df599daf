// Which catalog tool a command line or a file name is, for the check of what is installed: only remote-access tools
// (tiers interrupt and warn) count; tunnels and admin tools (tier log) are not "a way back in" and are left out.
import type { RemoteTool } from '../../../shared/catalog';
import type { Catalog } from '../catalog';

export const isCheckedTool = (tool: RemoteTool): boolean => tool.tier !== 'log';

/** The tool a command runs ("/usr/bin/anydesk --tray", "\"C:\\Program Files\\AnyDesk\\AnyDesk.exe\" --service"), or null. */
export function toolOfCommand(catalog: Catalog, command: string): RemoteTool | null {
  const tool = catalog.matchProcess({ pid: 0, ppid: null, name: '', exe: null, cmdline: command });
  return tool && isCheckedTool(tool) ? tool : null;
}

