/**
 * A minimal in-app router over the URL hash: "#/cases/<id>" is a case page, anything else the home
 * page. Links are plain <a href="#/…">, so they work with the keyboard, in new tabs and with Back.
 */
import { useEffect, useState } from 'react';

export type Route = { page: 'home' } | { page: 'case'; id: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/cases\/([^/?#]+)$/.exec(hash);
  if (m) {
    try {
      return { page: 'case', id: decodeURIComponent(m[1]!) };
    } catch {
      return { page: 'home' };
    }
  }
  return { page: 'home' };
}

/** The href of a case page. */
export const caseHref = (id: string): string => `#/cases/${encodeURIComponent(id)}`;

/** The href of the home page (the case list). */
export const homeHref = '#/';

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
