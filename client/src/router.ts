/**
 * A minimal in-app router over the URL hash: "#/cases/<id>" is a case page, "#/inbox" the inbox,
 * "#/about" the system page (administrators), "#/cases/new" and "#/cases/<id>/edit" intake and editing,
 * "#/admin/users|agencies|areas|calendar|import" administration, "#/dashboard" the steering dashboard and
 * "#/dashboard/targets" its targets form, "" or "#/" the case list; anything else is "not
 * found". Links are plain <a href="#/…">, so they work with the keyboard, in new tabs and with Back.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'case'; id: string }
  | { page: 'inbox' }
  | { page: 'about' }
  // Intake and administration (issue 15a)
  | { page: 'newCase' }
  | { page: 'editCase'; id: string }
  | { page: 'adminUsers' }
  | { page: 'adminAgencies' }
  | { page: 'adminAreas' }
  | { page: 'adminImport' }
  // Steering dashboard (issue 14)
  | { page: 'dashboard' }
  | { page: 'targets' }
  // The legal calendar (issue 13)
  | { page: 'adminCalendar' }
  | { page: 'notFound'; what: 'case' | 'page' };

export function parseRoute(hash: string): Route {
  if (hash === '' || hash === '#' || hash === '#/') return { page: 'home' };
  if (hash === '#/inbox') return { page: 'inbox' };
  if (hash === '#/about') return { page: 'about' };
  // Intake and administration (issue 15a): before the case link, which would take "new" for an id.
  if (hash === '#/cases/new') return { page: 'newCase' };
  const edit = /^#\/cases\/([0-9a-fA-F-]{36})\/edit$/.exec(hash);
  if (edit) return { page: 'editCase', id: edit[1]!.toLowerCase() };
  if (hash === '#/admin/users') return { page: 'adminUsers' };
  if (hash === '#/admin/agencies') return { page: 'adminAgencies' };
  if (hash === '#/admin/areas') return { page: 'adminAreas' };
  if (hash === '#/admin/import') return { page: 'adminImport' };
  if (hash === '#/dashboard') return { page: 'dashboard' };
  if (hash === '#/dashboard/targets') return { page: 'targets' };
  if (hash === '#/admin/calendar') return { page: 'adminCalendar' };
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

// Intake and administration (issue 15a)
/** The href of the intake form. */
export const newCaseHref = '#/cases/new';
/** The href of a case's edit page. */
export const editCaseHref = (id: string): string => `#/cases/${encodeURIComponent(id)}/edit`;
/** The hrefs of the administration screens. */
export const adminHrefs = {
  users: '#/admin/users',
  agencies: '#/admin/agencies',
  areas: '#/admin/areas',
  calendar: '#/admin/calendar',
  import: '#/admin/import',
} as const;

// Steering dashboard (issue 14)
/** The href of the steering dashboard (statistics, stuck lists). */
export const dashboardHref = '#/dashboard';
/** The href of the targets form (chỉ tiêu). */
export const targetsHref = '#/dashboard/targets';

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
