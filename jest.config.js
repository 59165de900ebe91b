/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
  moduleNameMapper: {
    // office-addin-mock → office-addin-manifest needs uuid 14 and (via @microsoft/app-manifest)
    // strip-bom 5, both ESM-only; the CommonJS uuid 8 and strip-bom 4 installed at the top level have
    // the same functions (v4(), stripBom()) and let jest load it (test/fake-excel).
    '^strip-bom$': '<rootDir>/node_modules/strip-bom/index.js',
    '^uuid$': '<rootDir>/node_modules/uuid/dist/index.js',
  },
};
