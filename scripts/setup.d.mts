export type Tool = 'chromium' | 'firefox' | 'xvfb' | 'xauth' | 'xdotool' | 'fonts';
export type Command = 'start' | 'bench' | 'test' | 'setup';
export interface ToolInfo {
  label: string;
  programs?: string[];
  env?: string;
  dpkg?: string;
  packages: string[];
}
export declare const TOOLS: Record<Tool, ToolInfo>;
export declare function needsFor(
  command: Command,
  opts?: { browser?: 'chromium' | 'firefox'; env?: Record<string, string | undefined> },
): { tools: Tool[]; why: string };
export declare function onPath(names: string[], env?: Record<string, string | undefined>): string | null;
export declare function locate(
  tool: Tool,
  env?: Record<string, string | undefined>,
): { path?: string | null; missing?: true; error?: string };
export declare function findChromium(env?: Record<string, string | undefined>): string | null;
export declare function findFirefox(env?: Record<string, string | undefined>): string | null;
export declare const NO_CHROMIUM: string;
export declare const NO_FIREFOX: string;
export interface SystemFacts {
  root: boolean;
  sudo: boolean;
  apt: boolean;
}
export declare function systemFacts(): SystemFacts;
export declare function plan(
  missing: Tool[],
  why: string,
  facts: SystemFacts,
): { install: true; line: string; commands: string[][] } | { install: false; line: string };
export declare function setup(
  command: Command,
  opts?: {
    browser?: 'chromium' | 'firefox';
    dryRun?: boolean;
    env?: Record<string, string | undefined>;
    log?: (line: string) => void;
  },
): Partial<Record<Tool, string | null>>;
export declare function extensionArgs(extensionDir: string): string[];
