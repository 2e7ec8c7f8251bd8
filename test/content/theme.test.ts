// @vitest-environment happy-dom
// The card and the Save bar are dark when the page under them is dark or the
// system asks for dark; a page that paints nothing reads as light.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { luminanceOf, wantsDark } from '../../src/content/theme';

afterEach(() => {
  document.body.removeAttribute('style');
  vi.restoreAllMocks();
});

function systemDark(dark: boolean): void {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (q: string) => ({ matches: dark && q.includes('dark'), media: q }) as MediaQueryList,
  );
}

describe('the page theme', () => {
  it('reads luminance from rgb and rgba, and nothing from a transparent background', () => {
    expect(luminanceOf('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminanceOf('rgb(0, 0, 0)')).toBe(0);
    expect(luminanceOf('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminanceOf('transparent')).toBeNull();
    expect(luminanceOf('rgb(17 17 17 / 100%)')).toBeLessThan(0.01);
  });

  it('is dark on a dark page even when the system is light, and light on a light page with a light system', () => {
    systemDark(false);
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    expect(wantsDark(window, document.body)).toBe(true);
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(wantsDark(window, document.body)).toBe(false);
  });

  it('follows the system when it asks for dark', () => {
    systemDark(true);
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(wantsDark(window, document.body)).toBe(true);
  });
});
