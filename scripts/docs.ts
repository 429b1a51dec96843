import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyBlocks, renderBlocks, staleBlocks } from './docs-render';

/**
 * `npm run docs`: rewrites the generated blocks of README.md (between the
 * <!-- generated:NAME:start/end --> markers) from the code. Everything outside the markers is
 * left exactly as it is. `--check` only reports stale blocks and exits 1 (for CI).
 */
const readmePath = resolve(__dirname, '..', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const blocks = renderBlocks();
const stale = staleBlocks(readme, blocks);

if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    console.error(`README.md is out of date (${stale.join(', ')}): run \`npm run docs\`.`);
    process.exit(1);
  }
  console.log('README.md is up to date.');
} else if (stale.length === 0) {
  console.log('README.md is up to date.');
} else {
  writeFileSync(readmePath, applyBlocks(readme, blocks));
  console.log(`README.md: rewrote ${stale.join(', ')}.`);
}
