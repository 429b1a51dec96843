import { writeAtomically } from '../../../cli/files';

/*
 * A process that writes a file the way the command line does and stops just before the rename,
 * saying "ready" on stdout: files.test.ts interrupts it there, as Ctrl-C would.
 */
const [target, lang] = process.argv.slice(2);
void writeAtomically(target!, new TextEncoder().encode('new content'), lang === 'en' ? 'en' : 'ja', {
  beforeRename: async () => {
    process.stdout.write('ready\n');
    await new Promise(() => setInterval(() => undefined, 1000));
  },
});
