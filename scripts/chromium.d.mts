export declare const CHROMIUM_CANDIDATES: string[];
export declare const NO_CHROMIUM: string;
export declare function findChromium(env?: Record<string, string | undefined>): string | null;
export declare function requireChromium(): string;
export declare function extensionArgs(extensionDir: string): string[];
