#!/usr/bin/env node
'use strict';
// `npx kimeru …`: runs the TypeScript command line (cli/kimeru.ts) through tsx's require hook.
require('tsx/cjs');
const { main, processIo } = require('./kimeru.ts');

main(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
