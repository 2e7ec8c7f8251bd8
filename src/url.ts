// The same article is reached through many addresses (tracking parameters,
// Medium's `source=` suffixes, fragments); highlights must find it under one key.

const TRACKING_PARAM = /^(utm_[a-z]+|source|fbclid|gclid|mc_cid|mc_eid|ref|ref_src)$/i;

/** The address without fragment and tracking parameters; stays the input when it is not a URL. */
export function articleKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.trim();
  }
  u.hash = '';
  // forEach, not a spread of keys(): in a Firefox content script URL is the
  // page's, seen through an Xray wrapper, and its keys() iterator cannot be iterated.
  const tracking: string[] = [];
  u.searchParams.forEach((_, name) => {
    if (TRACKING_PARAM.test(name)) tracking.push(name);
  });
  for (const name of tracking) u.searchParams.delete(name);
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  u.hostname = u.hostname.toLowerCase();
  return u.toString();
}

/** The address with any fragment (including a text directive) removed. */
export function withoutFragment(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export function isHttpUrl(url: string): boolean {
  try {
    const p = new URL(url).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
}
