/*
 * The browser-test build: webpack.config.js (the task pane, unchanged) plus the fake Excel host
 * (entry `fakehost`, test/e2e/host/fake-host.ts) and a page e2e.html that loads fakehost and then the same
 * app chunks as taskpane.html. Used by test/e2e/support (buildOnce); not shipped.
 *
 *   npx webpack --config webpack.e2e.js --mode production --env out=/tmp/tonghop-e2e
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const TEST_DIR = path.resolve(__dirname, 'test');

/** Whether a rule (or one of its `use` entries) runs ts-loader. */
function usesTsLoader(rule) {
  const names = [];
  const add = (u) => {
    if (!u) return;
    if (typeof u === 'string') names.push(u);
    else if (Array.isArray(u)) u.forEach(add);
    else if (typeof u === 'object') names.push(u.loader || '');
  };
  add(rule.loader);
  add(rule.use);
  return names.some((n) => /(^|[\\/])ts-loader([\\/]|$)/.test(n));
}

/** The base config's entry names, as an array (a string or array entry is webpack's `main`). */
function entryNames(entry) {
  if (!entry) return [];
  if (typeof entry === 'string' || Array.isArray(entry)) return ['main'];
  if (typeof entry === 'object') return Object.keys(entry);
  return [];
}

/** The chunks taskpane.html loads in the base config (its HtmlWebpackPlugin), else every entry. */
function appChunks(base) {
  const pages = (base.plugins || []).filter((p) => p instanceof HtmlWebpackPlugin);
  const pane = pages.find((p) => /(^|\/)taskpane\.html$/.test(String((p.userOptions || {}).filename || '')));
  const chunks = pane && pane.userOptions.chunks;
  if (Array.isArray(chunks) && chunks.length > 0) return chunks.filter((c) => c !== 'fakehost');
  return entryNames(base.entry).filter((c) => c !== 'fakehost');
}

module.exports = (env = {}, argv = {}) => {
  const base = require('./webpack.config.js')(env, argv);
  const out = env.out ? path.resolve(String(env.out)) : path.resolve(__dirname, 'dist', 'e2e');
  const app = appChunks(base);

  const fakehost = './test/e2e/host/fake-host.ts';
  let entry;
  if (typeof base.entry === 'function') {
    const orig = base.entry;
    entry = async () => {
      const e = await orig();
      return typeof e === 'object' && !Array.isArray(e) ? { ...e, fakehost } : { main: e, fakehost };
    };
  } else if (typeof base.entry === 'string' || Array.isArray(base.entry)) {
    entry = { main: base.entry, fakehost };
  } else {
    entry = { ...(base.entry || {}), fakehost };
  }

  // The test sources go through ts-loader with ES modules (tsconfig.json says commonjs, for jest); the
  // base config's own TypeScript rules keep src/ and skip test/ so nothing is compiled twice.
  const baseRules = ((base.module && base.module.rules) || []).map((rule) => {
    if (!rule || typeof rule !== 'object' || !usesTsLoader(rule)) return rule;
    const exclude = [rule.exclude, TEST_DIR].filter((x) => x !== undefined);
    return { ...rule, exclude };
  });
  const testRule = {
    test: /\.tsx?$/,
    include: TEST_DIR,
    use: {
      loader: 'ts-loader',
      options: {
        transpileOnly: true,
        compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false },
      },
    },
  };

  return {
    ...base,
    entry,
    output: { ...(base.output || {}), path: out, clean: true },
    module: { ...(base.module || {}), rules: [...baseRules, testRule] },
    plugins: [
      ...(base.plugins || []),
      new HtmlWebpackPlugin({
        filename: 'e2e.html',
        template: './test/e2e/host/e2e.html',
        inject: false,
        chunks: ['fakehost', ...app],
        chunksSortMode: 'manual',
      }),
    ],
  };
};
