// Browser download names: partial files are never installers yet; duplicate suffixes are seen through.
import { isPartialDownload, withoutDuplicateSuffix } from '../../../../../electron/guardian/watchers/downloads/downloadName';

describe('isPartialDownload', () => {
  it.each([
    'Unconfirmed 123456.crdownload',
    'AnyDesk.exe.crdownload',
    'TeamViewer_Setup.exe.part',
    'AnyDesk.dmg.download',
    'AnyDesk.exe.opdownload',
    'AnyDesk.exe.PARTIAL',
  ])('%s is still downloading', (name) => {
    expect(isPartialDownload(name)).toBe(true);
  });

  it.each(['AnyDesk.exe', 'report.pdf', 'party.exe', 'download.exe', 'crdownload.txt'])('%s is finished', (name) => {
    expect(isPartialDownload(name)).toBe(false);
  });
});

describe('withoutDuplicateSuffix', () => {
  it.each([
    ['AnyDesk (1).exe', 'AnyDesk.exe'],
    ['AnyDesk(2).exe', 'AnyDesk.exe'],
    ['TeamViewer_Setup_x64 (12).exe', 'TeamViewer_Setup_x64.exe'],
    ['rustdesk-1.2.3 (1).tar.gz', 'rustdesk-1.2.3.tar.gz'],
    ['AnyDesk.exe', 'AnyDesk.exe'],
    ['Setup (1) final.exe', 'Setup (1) final.exe'],
    ['Holiday (2019).jpg', 'Holiday.jpg'],
  ])('%s -> %s', (name, expected) => {
    expect(withoutDuplicateSuffix(name)).toBe(expected);
  });
});
