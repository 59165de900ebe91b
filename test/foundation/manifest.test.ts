import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { corpusPath, describeCorpus } from '../support/corpus';

const root = path.resolve(__dirname, '..', '..');
const manifest = path.join(root, 'manifest.xml');

describeCorpus('schemas/office-manifest', 'manifest.xml', () => {
  test('passes the Office add-in manifest schema (xmllint)', () => {
    const xsd = corpusPath('schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
    const out = execFileSync('xmllint', ['--noout', '--schema', xsd, manifest], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(out).toBe('');
  });
});

describe('manifest.xml content', () => {
  const xml = fs.readFileSync(manifest, 'utf8');
  test('is an Excel task-pane add-in named "Tổng hợp danh sách", Vietnamese with English strings', () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<DisplayName DefaultValue="Tổng hợp danh sách">');
    expect(xml).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(xml).toMatch(/Override Locale="en-US"/);
  });
  test('every icon it names exists in assets/', () => {
    const icons = [...xml.matchAll(/assets\/(icon-\d+\.png)/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect(fs.existsSync(path.join(root, 'assets', icon))).toBe(true);
  });
});
