import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');

describe('builds', () => {
  test('npm run build produces the task pane, its manifest and icons', () => {
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'pipe' });
    const out = path.join(root, 'dist', 'web');
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(html).toContain('Tổng hợp danh sách');
    const script = /src="?([^"\s>]+\.js)/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(fs.existsSync(path.join(out, script as string))).toBe(true);
    expect(fs.existsSync(path.join(out, 'manifest.xml'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'assets', 'icon-32.png'))).toBe(true);
  });

  test('the installed command answers --help (bin/tonghop.js on the compiled CLI)', () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'pipe' });
    const out = execFileSync('node', [path.join(root, 'bin', 'tonghop.js'), '--help'], { encoding: 'utf8' });
    expect(out).toContain('tonghop check');
    expect(out).toContain('tonghop text');
  });
});
