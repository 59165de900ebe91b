/*
 * The browser-test build: webpack.config.js plus the fake Excel host (entry `fakehost`,
 * test/e2e/host/fake-host.ts) and a page e2e.html — the pane as Excel shows it, with the fake loaded before
 * the app instead of office.js. Used by test/e2e/support (buildOnce, with --output-path); not shipped.
 */
const path = require('path');
const config = require('./webpack.config.js');

module.exports = (env = {}, argv = {}) => {
  const base = config(env, argv);
  return {
    ...base,
    entry: { ...base.entry, fakehost: './test/e2e/host/fake-host.ts' },
    output: { ...base.output, path: path.resolve(__dirname, 'dist', 'e2e') },
    plugins: [
      ...base.plugins,
      config.page('e2e.html', { host: 'excel', title: 'Tổng hợp danh sách (e2e)', chunks: ['fakehost', 'app'] }),
    ],
  };
};
