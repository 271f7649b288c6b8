/**
 * A minimal in-app router over the URL hash: "#/cases/<id>" is a case page, "#/inbox" the inbox,
 * "#/about" the system page (administrators), "" or "#/" the case list; anything else is "not
 * found". Links are plain <a href="#/…">, so they work with the keyboard, in new tabs and with Back.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'case'; id: string }
  | { page: 'inbox' }
  | { page: 'about' }
  | { page: 'notFound'; what: 'case' | 'page' };

export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || hash === '#/') return { page: 'home' };
  if (hash === '#/inbox') return { page: 'inbox' };
  if (hash === '#/about') return { page: 'about' };
  if (hash.startsWith('#/cases/')) {
    const m = /^#\/cases\/([^/?#]+)$/.exec(hash);
    if (!m) return { page: 'notFound', what: 'case' };
    try {
      return { page: 'case', id: decodeURIComponent(m[1]!) };
    } catch {
      return { page: 'notFound', what: 'case' }; // malformed %-escapes
    }
  }
  return { page: 'notFound', what: 'page' };
}

/** The href of a case page. */
export const caseHref = (id: string): string => `#/cases/${encodeURIComponent(id)}`;

/** The href of the home page (the case list). */
export const homeHref = '#/';

/** The href of the inbox. */
export const inboxHref = '#/inbox';

/** The href of the system ("about") page. */
export const aboutHref = '#/about';

/** The current route; re-renders on hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
