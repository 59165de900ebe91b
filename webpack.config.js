/*
 * Builds the task pane and the browser page into dist/web:
 *   taskpane.html  the add-in's pane (loads Microsoft's office.js from office/, copied byte for byte)
 *   trang.html     the same interface as a standalone page (no Office): open a master, merge, download
 * One app bundle serves both; the spreadsheet parser runs in Web Workers and the heavy views (file review,
 * the exceljs writer of the browser page) are loaded only when needed (import()).
 * The command line is built by `npm run build:cli` (tsc).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Microsoft's office.js and the Excel host files it loads from its own folder (already minified by Microsoft). */
const OFFICE_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const OFFICE_FILES = [
  'office.js',
  'excel-win32-16.01.js',
  'excel-web-16.00.js',
  'excel-mac-16.00.js',
  'vi-vn/office_strings.js',
  'en-us/office_strings.js',
];

/** ts-loader for the browser: ES modules, so that import() and new Worker(new URL(...)) split chunks. */
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      configFile: 'tsconfig.web.json',
      compilerOptions: { noEmit: false, sourceMap: true },
    },
  },
};

/**
 * A page of the app from src/taskpane/page.html: `host` "excel" (the pane: office.js loads first, the
 * IE11/EdgeHTML webviews get a message) or "file" (the browser page); `chunks` load in the order given.
 */
function page(filename, { host, title, officeJs = false, chunks = ['app'] }) {
  return new HtmlWebpackPlugin({
    filename,
    template: './src/taskpane/page.html',
    inject: false,
    chunks,
    chunksSortMode: 'manual',
    title,
    host,
    officeJs,
  });
}

module.exports = (_env, argv = {}) => {
  const dev = argv.mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    target: 'web',
    entry: { app: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'web'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].chunk.js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule] },
    plugins: [
      page('taskpane.html', { host: 'excel', officeJs: true, title: 'Tổng hợp danh sách' }),
      page('trang.html', { host: 'file', title: 'Tổng hợp danh sách — trang web' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/taskpane/commands.html', chunks: [] }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          ...OFFICE_FILES.map((f) => ({
            from: f,
            context: OFFICE_DIST,
            to: `office/${f}`,
            info: { minimized: true },
          })),
        ],
      }),
    ],
    performance: { hints: false },
  };
};

module.exports.page = page;
