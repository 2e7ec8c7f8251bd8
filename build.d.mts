// Types for build.mjs, for the tests that import its pure parts.
export declare const ROOT: string;
export declare const DIST: string;
export declare const BROWSERS: readonly ['chrome', 'firefox'];
export declare const DEV_MATCHES: string[];
export declare function manifestFor<M extends object>(
  browser: 'chrome' | 'firefox',
  source: M,
  opts?: { dev?: boolean },
): M;
export declare function copyStatic(browser: 'chrome' | 'firefox', opts?: { dev?: boolean }): void;
export declare function zipBrowser(browser: 'chrome' | 'firefox', version: string): string;
export declare function build(opts?: { dev?: boolean; zip?: boolean }): Promise<string[]>;
