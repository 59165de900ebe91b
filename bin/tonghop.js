#!/usr/bin/env node
'use strict';
// The `tonghop` command. The TypeScript sources are compiled to dist/node by `npm run build:cli`,
// which `npm ci` runs through the `prepare` script.
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write(
    'tonghop: chưa biên dịch — hãy chạy "npm run build:cli" (the command line is not built yet)\n',
  );
  process.exit(1);
}
// V8 compiles for a short run (see src/cli/jit.ts), before the command's code is loaded.
require(path.join(__dirname, '..', 'dist', 'node', 'cli', 'jit.js')).tuneForShortRuns();
require(main)
  .run(process.argv.slice(2))
  .then((code) => process.exit(code));
