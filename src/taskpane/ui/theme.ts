/**
 * The pane follows Office's theme: a dark body colour gives the dark theme; Windows high contrast (forced
 * colours) gives the high-contrast one. The browser page follows the system's light/dark preference.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';

/** Relative luminance of "#RRGGBB" (0 black … 1 white); null for anything else. */
function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeName(opts: {
  officeBodyBackground?: string;
  forcedColors?: boolean;
  prefersDark?: boolean;
}): ThemeName {
  if (opts.forcedColors) return 'contrast';
  const l = luminance(opts.officeBodyBackground);
  if (l !== null) return l < 0.4 ? 'dark' : 'light';
  return opts.prefersDark ? 'dark' : 'light';
}

export const THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};
