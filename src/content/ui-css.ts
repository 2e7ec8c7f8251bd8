// The styles of the content script's own UI, inside its shadow root: the page
// cannot reach them and they cannot reach the page. Light by default; the
// layer's `dark` class (theme.ts) turns every surface dark.

export const UI_CSS = `
:host { all: initial; }
.layer {
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --accent: #0b57d0; --accent-fg: #ffffff; --danger: #b42318; --shadow: 0 8px 28px rgba(0,0,0,.18), 0 1px 3px rgba(0,0,0,.12);
  position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  color-scheme: light;
}
.layer.dark {
  --bg: #1f2328; --fg: #e6edf3; --muted: #9aa4ae; --line: #3d444d; --soft: #2a3038;
  --accent: #8ab4f8; --accent-fg: #10131a; --danger: #ff8a80; --shadow: 0 8px 28px rgba(0,0,0,.6), 0 1px 3px rgba(0,0,0,.5);
  color-scheme: dark;
}
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.savebar, .menu, .toast.shown, .pointer {
  pointer-events: auto; position: fixed; background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: 10px; box-shadow: var(--shadow);
}
.savebar { display: flex; align-items: center; gap: 2px; padding: 3px; }
.savebar .save { border: 0; border-radius: 7px; padding: 4px 10px; background: var(--accent); color: var(--accent-fg); font-weight: 600; }
.savebar .with-note { border: 0; border-radius: 7px; padding: 4px 8px; background: transparent; }
.savebar .with-note:hover, .plain:hover { background: var(--soft); }
.savebar .sep { width: 1px; align-self: stretch; background: var(--line); margin: 2px 3px; }
.swatch { width: 18px; height: 18px; border-radius: 50%; border: 1px solid rgba(0,0,0,.25); padding: 0; margin: 0 2px; flex: none; }
.layer.dark .swatch { border-color: rgba(255,255,255,.35); }
.swatch[aria-pressed="true"] { box-shadow: 0 0 0 2px var(--bg), 0 0 0 4px var(--fg); }
.menu { width: 300px; max-width: calc(100vw - 16px); box-sizing: border-box; padding: 10px 12px 12px; display: flex; flex-direction: column; gap: 8px; }
.head { display: flex; align-items: flex-start; gap: 8px; }
.context { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 1px; }
.context .title { font-weight: 600; color: var(--fg); display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.color-name { margin-left: 4px; font-size: 12px; color: var(--muted); }
.kicker { display: block; font-size: 11px; font-weight: 500; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.close { flex: none; border: 0; background: transparent; width: 24px; height: 24px; border-radius: 6px; font-size: 18px; line-height: 1; color: var(--muted); }
.close:hover { background: var(--soft); color: var(--fg); }
.menu label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--muted); }
.menu textarea, .menu input { font: inherit; color: var(--fg); background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; width: 100%; box-sizing: border-box; }
.menu textarea { resize: vertical; min-height: 64px; }
.suggest { display: flex; flex-wrap: wrap; gap: 4px; }
.suggest:empty { display: none; }
.chip { border: 1px solid var(--line); background: transparent; border-radius: 999px; padding: 1px 8px; font-size: 12px; }
.chip:hover { background: var(--soft); }
.colors { display: flex; align-items: center; gap: 4px; }
.colors .swatch { width: 22px; height: 22px; }
.actions { display: flex; align-items: center; gap: 6px; flex-wrap: nowrap; }
.actions .state { flex: 1; min-width: 0; font-size: 12px; color: var(--muted); white-space: nowrap; }
.plain { border: 1px solid var(--line); background: transparent; border-radius: 6px; padding: 4px 8px; white-space: nowrap; }
.danger { color: var(--danger); }
.primary { border: 0; background: var(--accent); color: var(--accent-fg); border-radius: 6px; padding: 5px 10px; font-weight: 600; white-space: nowrap; }
.toast { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); }
.toast:not(.shown) { width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.toast.shown { padding: 8px 12px; display: flex; gap: 12px; align-items: center; max-width: min(520px, calc(100vw - 32px)); }
.toast button { border: 0; background: transparent; color: var(--accent); font-weight: 600; padding: 2px 4px; border-radius: 4px; }
.pointer { padding: 3px 8px; border-radius: 7px; font-size: 12px; }
`;
