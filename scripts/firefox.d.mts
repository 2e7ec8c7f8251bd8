import type { Browser, Page } from 'puppeteer-core';
export declare const FIREFOX_DIFFERENCES: { what: string; detail: string; handled: string; shown: string }[];
export declare const GECKO_ID: string;
export declare const FIREFOX_UUID: string;
export declare const FIREFOX_ORIGIN: string;
export declare function launchFirefox(opts: {
  executablePath: string;
  extensionDir: string;
  headless?: boolean;
  prefs?: Record<string, unknown>;
}): Promise<{ browser: Browser; output: string[] }>;
export declare function extensionLines(output: string[]): string[];
export declare function openExtensionPage(page: Page, url: string, timeoutMs?: number): Promise<void>;
