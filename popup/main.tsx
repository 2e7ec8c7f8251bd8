// The popup's entry: find the tab, wire the real services, render.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import { message } from '../src/messages';
import { browserServices } from './browserServices';
import { App } from './components/App';
import { createPopupModel } from './model';

/** `?tab=ID` lets tests open the popup as a page for a chosen tab. */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function start(): Promise<void> {
  performance.mark('ih:popup-start');
  const root = document.getElementById('app');
  if (!root) return;
  const tabId = await targetTab();
  if (tabId === null) {
    root.textContent = 'No tab to read.';
    return;
  }
  const model = createPopupModel(browserServices(tabId));
  render(<App model={model} />, root);
  // Opening the popup syncs (src/background/sync.ts; with sync off the background does
  // nothing), in the frame after the questions are up: the run's reads of the store would
  // otherwise compete with the popup's own first read.
  void model
    .start()
    .finally(() =>
      requestAnimationFrame(
        () => void browser.runtime.sendMessage(message('sync:opened', {})).catch(() => undefined),
      ),
    );
}

void start();
