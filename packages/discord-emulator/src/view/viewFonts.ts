/**
 * The Japanese font of the view, served by the emulator itself: a browser
 * without CJK system fonts (Debian's Chromium in CI) would otherwise draw
 * Japanese alerts as missing-glyph boxes. The TTFs are the ones the product's
 * charts use (@expo-google-fonts/noto-sans-jp, a dependency of the root package).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const FILES = {
  '/view/fonts/noto-sans-jp-400.ttf':
    '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  '/view/fonts/noto-sans-jp-700.ttf':
    '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

const cache = new Map<string, Buffer | null>();

/** The font file served at `path`, or null when the path is not a font or the package is absent. */
export function viewFont(path: string): Buffer | null {
  if (!(path in FILES)) return null;
  if (!cache.has(path)) {
    try {
      cache.set(path, readFileSync(require.resolve(FILES[path as keyof typeof FILES])));
    } catch {
      cache.set(path, null);
    }
  }
  return cache.get(path) ?? null;
}

/** @font-face rules for the page's stylesheet. */
export const VIEW_FONT_FACES = Object.keys(FILES)
  .map((path) => {
    const weight = path.endsWith('700.ttf') ? 700 : 400;
    return `@font-face { font-family: "Noto Sans JP"; font-weight: ${weight}; font-display: block; src: url("${path}") format("truetype"); }`;
  })
  .join('\n');
