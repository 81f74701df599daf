// `verify-journal [--json]`: checks the journal's hash chain in --data-dir; exit 0 when intact, 1 with where it breaks.
import path from 'node:path';
import { verifyJournal, type VerifyReport } from '../guardian/store/verifyJournal';
import type { CliCommand } from './command';

export const verifyJournalCommand: CliCommand = {
  name: 'verify-journal',
  usage: 'verify-journal [--json]',
  summary: 'Check that no journal entry was changed, deleted or moved; say where if one was.',
  options: {},
  async run(context) {
    const dir = path.join(context.common.dataDir, 'journal');
    const report = await verifyJournal(dir);
    context.write(context.common.json ? JSON.stringify(report) : formatReport(report, dir));
    return report.ok ? 0 : 1;
  },
};

export function formatReport(report: VerifyReport, dir: string): string {
  if (report.entries === 0 && report.breaks.length === 0) return `There is no journal in ${dir} yet.`;
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  const lines = [
    report.ok
      ? `The journal is intact: ${report.entries} entries in ${files}, each linked to the one before.`
      : `The journal has been tampered with or damaged: ${report.entries} entries in ${files}, and the chain breaks here:`,
  ];
  if (report.firstSeq !== null && report.firstSeq > 1) {
    lines.push(`It starts at entry ${report.firstSeq}: the months before were removed after 13 months, as they should be.`);
  }
  for (const problem of report.breaks) lines.push(`  ${problem.message}`);
  return lines.join('\n');
}
