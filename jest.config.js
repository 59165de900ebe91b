/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
  // On a 2-core machine jest would run every file in its own single process (in band), and memory grows from file
  // to file (the 50,000-row workbook tests, the odd-corpus reads) until the heap limit. Two worker
  // processes, recycled when one holds more than 1.5 GB after a file, keep each run small.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1500MB',
  moduleNameMapper: {
    // office-addin-mock → office-addin-manifest needs uuid 14 and (via @microsoft/app-manifest)
    // strip-bom 5, both ESM-only; the CommonJS uuid 8 and strip-bom 4 installed at the top level have
    // the same functions (v4(), stripBom()) and let jest load it (test/fake-excel).
    '^strip-bom$': '<rootDir>/node_modules/strip-bom/index.js',
    '^uuid$': '<rootDir>/node_modules/uuid/dist/index.js',
  },
};
