// A folder that cannot be read is described in one plain sentence that names it.
import { folderProblem } from '../../../../../electron/guardian/watchers/downloads/folderProblem';

const failure = (code: string | undefined): Error => Object.assign(new Error('raw'), { code });

describe('folderProblem', () => {
  it.each([
    ['ENOENT', 'Pause Guard cannot look for downloads in the folder /x: it does not exist.'],
    ['ENOTDIR', 'Pause Guard cannot look for downloads in the folder /x: it is not a folder.'],
    ['EACCES', 'Pause Guard cannot look for downloads in the folder /x: it is not allowed to read it.'],
    ['EPERM', 'Pause Guard cannot look for downloads in the folder /x: it is not allowed to read it.'],
    ['EIO', 'Pause Guard cannot look for downloads in the folder /x: it could not be read (EIO).'],
    [undefined, 'Pause Guard cannot look for downloads in the folder /x: it could not be read (unknown error).'],
  ])('%s', (code, sentence) => {
    expect(folderProblem('/x', failure(code))).toBe(sentence);
  });

  it('copes with something that is not an error at all', () => {
    expect(folderProblem('/x', null)).toBe('Pause Guard cannot look for downloads in the folder /x: it could not be read (unknown error).');
  });
});
