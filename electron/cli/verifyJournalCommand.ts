// `verify-journal [--json]`: checks the journal's hash chain in --data-dir, and its two ends against the head sealed in
// the seal folder; exit 0 when intact, 1 with where it breaks.
import path from 'node:path';
import { readJournalHead } from '../guardian/store/journalHead';
import { openSealStore } from '../guardian/store/sealStore';
import { verifyJournal, type VerifyReport } from '../guardian/store/verifyJournal';
import type { CliCommand } from './command';

export const verifyJournalCommand: CliCommand = {
  name: 'verify-journal',
  usage: 'verify-journal [--json]',
  summary: 'Check that no journal entry was changed, deleted or moved; say where if one was.',
  options: {},
  async run(context) {
    const dir = path.join(context.common.dataDir, 'journal');
    const head = await readJournalHead(await openSealStore({ dataDir: context.common.dataDir }));
    if (head === 'broken') {
      context.write(`The journal's sealed head in the seal folder was changed or damaged, so where the journal should end is not known.`);
      return 1;
    }
    const report = await verifyJournal(dir, head);
    context.write(context.common.json ? JSON.stringify(report) : formatReport(report, dir));
    return report.ok ? 0 : 1;
  },
};

export function formatReport(report: VerifyReport, dir: string): string {
  if (report.entries === 0 && report.breaks.length === 0) return `There is no journal in ${dir} yet.`;
  if (report.entries === 0) return [`There is no journal in ${dir}, and there should be:`, ...report.breaks.map((b) => `  ${b.message}`)].join('\n');
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  const lines = [
    report.ok
      ? `The journal is intact: ${report.entries} entries in ${files}, each linked to the one before.`
      : `The journal has been tampered with or damaged: ${report.entries} entries in ${files}, and the chain breaks here:`,
  ];
  if (report.ok && report.firstSeq !== null && report.firstSeq > 1) {
    lines.push(`It starts at entry ${report.firstSeq}: the months before were removed after 13 months, as they should be.`);
  }
  for (const problem of report.breaks) lines.push(`  ${problem.message}`);
  return lines.join('\n');
}
