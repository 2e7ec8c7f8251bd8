// Whether the card and the Save button should be dark: when the page is dark
// (its painted background, found by walking up from the body) or the system
// asks for dark. A page's own colours win nothing here: it is a reading of
// what is on screen, not a setting.

/** sRGB relative luminance of a CSS colour string, or null when it is transparent or unreadable. */
export function luminanceOf(color: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return null;
  const alphaText = m[4];
  const alpha =
    alphaText === undefined
      ? 1
      : alphaText.endsWith('%')
        ? Number.parseFloat(alphaText) / 100
        : Number(alphaText);
  if (alpha < 0.5) return null;
  const channel = (v: string): number => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
}

/** Below this luminance a background reads as dark (mid-grey is about 0.21). */
export const DARK_LUMINANCE = 0.2;

/** The page's background luminance at the element (its first painted ancestor), null when nothing is painted. */
export function pageLuminance(win: Window, from: Element | null): number | null {
  for (let el = from; el; el = el.parentElement) {
    const l = luminanceOf(win.getComputedStyle(el).backgroundColor);
    if (l !== null) return l;
  }
  return null;
}

export function prefersDark(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function wantsDark(win: Window, from: Element | null): boolean {
  const l = pageLuminance(win, from ?? win.document.body);
  if (l !== null && l < DARK_LUMINANCE) return true;
  return prefersDark(win);
}
