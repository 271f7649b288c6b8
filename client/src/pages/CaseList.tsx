import { useCallback, useEffect, useId, useState, type MouseEvent } from 'react';
import { session } from '../auth/session';
import { DataTable } from '../components/DataTable';
import { tags, useQuery } from '../data';
import { errorText } from '../errors';
import { formatMoney } from '../format';
import { graphql } from '../gql';
import type { CaseStatus, CasesQuery, CaseFilterInput } from '../gql/graphql';
import { caseStatusLabel, useT } from '../i18n';
import { caseHref } from '../router';
import { StatusBadge } from './StatusBadge';

/** One page of the cases the viewer may see (newest first), with what the list table shows. */
export const casesQuery = graphql(`
  query Cases($first: Int, $after: String, $filter: CaseFilterInput) {
    cases(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...NextPageFields
      }
      edges {
        cursor
        node {
          id
          decisionNumber
          judgmentNumber
          status
          overdue
          commune {
            id
            name
          }
          parties {
            id
            name
            role
          }
          totals {
            owed
            collected
          }
        }
      }
    }
  }
`);

/** Cases per page (cursor pagination). */
export const CASES_PAGE_SIZE = 20;

/** Every status, in lifecycle order, for the filter. */
export const CASE_STATUSES: readonly CaseStatus[] = [
  'RECEIVED',
  'DECISION_ISSUED',
  'VOLUNTARY_PERIOD',
  'VERIFICATION',
  'ENFORCEABLE',
  'NOT_YET_ENFORCEABLE',
  'ENFORCING',
  'COMPLETED',
  'POSTPONED',
  'SUSPENDED',
  'TERMINATED',
  'RETURNED',
  'ENTRUSTED',
];

type CaseRow = CasesQuery['cases']['edges'][number]['node'];

interface Filters {
  search: string;
  status: CaseStatus | '';
}

/** The filters survive a visit to a case page and back (for this tab's lifetime). */
let rememberedFilters: Filters = { search: '', status: '' };

/** Pages fetched with "load more" after the first one (which lives in the query cache). */
interface MorePages {
  /** The first page's endCursor these pages continue from: a refreshed first page starts over. */
  from: string | null;
  rows: CaseRow[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Unread thread posts of the listed cases (one query per list page, refreshed with the list). */
export const caseListUnreadQuery = graphql(`
  query CaseListUnread($caseIds: [ID!]) {
    unreadCounts(caseIds: $caseIds) {
      cases {
        caseId
        unread
      }
    }
  }
`);

const SEARCH_DEBOUNCE_MS = 300;

function toFilter(filters: Filters): CaseFilterInput | undefined {
  const search = filters.search.trim();
  const filter: CaseFilterInput = {};
  if (search) filter.search = search;
  if (filters.status) filter.statuses = [filters.status];
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** The first debtor named in the case (the "main" one), if any. */
const mainDebtor = (row: CaseRow): string | undefined => row.parties.find((p) => p.role === 'DEBTOR')?.name;

/** The searchable, filterable, paginated list of the cases the viewer may see. */
export function CaseList() {
  const t = useT();
  const searchId = useId();
  const statusId = useId();
  const [searchInput, setSearchInput] = useState(rememberedFilters.search);
  const [filters, setFilters] = useState<Filters>(rememberedFilters);
  const [more, setMore] = useState<MorePages | null>(null);
  const [loadingMore, setLoadingMore] = useState<{ error?: unknown; busy: boolean }>({ busy: false });

  // Typing settles for a moment before the search is sent.
  useEffect(() => {
    if (searchInput === filters.search) return;
    const timer = window.setTimeout(() => setFilters((f) => ({ ...f, search: searchInput })), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [searchInput, filters.search]);
  useEffect(() => {
    rememberedFilters = filters;
  }, [filters]);

  const filter = toFilter(filters);
  const first = useQuery(casesQuery, { first: CASES_PAGE_SIZE, filter }, [tags.cases]);
  const firstPage = first.data?.cases;
  const firstEnd = firstPage?.pageInfo.endCursor ?? null;
  const extra = more && firstPage && more.from === firstEnd ? more : null;
  const list = firstPage
    ? (() => {
        const seen = new Set(firstPage.edges.map((e) => e.node.id));
        const rows = [...firstPage.edges.map((e) => e.node), ...(extra?.rows.filter((r) => !seen.has(r.id)) ?? [])];
        return {
          state: 'ready' as const,
          rows,
          totalCount: firstPage.totalCount,
          endCursor: extra ? extra.endCursor : firstEnd,
          hasNextPage: extra ? extra.hasNextPage : firstPage.pageInfo.hasNextPage,
        };
      })()
    : first.error !== undefined
      ? { state: 'error' as const, error: first.error }
      : { state: 'loading' as const };

  const unread = useQuery(caseListUnreadQuery, { caseIds: list.state === 'ready' ? list.rows.map((r) => r.id) : [] }, [
    tags.cases,
    tags.inbox,
  ]);
  const unreadOf = new Map((unread.data?.unreadCounts.cases ?? []).map((u) => [u.caseId, u.unread]));

  const loadMore = useCallback(async () => {
    if (list.state !== 'ready' || !list.hasNextPage || loadingMore.busy) return;
    setLoadingMore({ busy: true });
    try {
      const data = await session.request(casesQuery, { first: CASES_PAGE_SIZE, after: list.endCursor, filter });
      setMore((prev) => ({
        from: firstEnd,
        rows: [...(prev && prev.from === firstEnd ? prev.rows : []), ...data.cases.edges.map((e) => e.node)],
        endCursor: data.cases.pageInfo.endCursor ?? null,
        hasNextPage: data.cases.pageInfo.hasNextPage,
      }));
      setLoadingMore({ busy: false });
    } catch (error) {
      setLoadingMore({ busy: false, error });
    }
  }, [list, loadingMore.busy, filter, firstEnd]);

  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // The link in the row handles its own clicks (and modified clicks such as "open in new tab").
    if ((event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return; // the user is selecting text, not opening the case
    window.location.hash = caseHref(id);
  };

  const filtered = toFilter(filters) !== undefined;

  return (
    <div className="case-list">
      <form
        className="case-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters((f) => ({ ...f, search: searchInput }));
        }}
      >
        <div className="field case-filters__search">
          <label htmlFor={searchId}>{t('cases.searchLabel')}</label>
          <input id={searchId} type="search" value={searchInput} onChange={(e) => setSearchInput(e.target.value)} autoComplete="off" />
        </div>
        <div className="field case-filters__status">
          <label htmlFor={statusId}>{t('cases.statusLabel')}</label>
          <select
            id={statusId}
            value={filters.status}
            onChange={(e) => setFilters((f) => ({ ...f, search: searchInput, status: e.target.value as CaseStatus | '' }))}
          >
            <option value="">{t('cases.allStatuses')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {caseStatusLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <p className="case-list__count muted" role="status" aria-live="polite">
        {list.state === 'loading' && t('cases.loading')}
        {list.state === 'ready' &&
          (list.rows.length < list.totalCount
            ? t('cases.shown', { shown: list.rows.length, total: list.totalCount })
            : t('cases.total', { count: list.totalCount }))}
      </p>

      {list.state === 'error' && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(list.error, t)}</p>
          <button type="button" className="button button--secondary" onClick={first.refetch}>
            {t('home.retry')}
          </button>
        </div>
      )}

      {list.state === 'ready' && list.rows.length === 0 && <p className="empty">{filtered ? t('cases.noMatch') : t('cases.empty')}</p>}

      {list.state === 'ready' && list.rows.length > 0 && (
        <DataTable
          caption={t('cases.caption')}
          className="case-table"
          columns={[
            { label: t('cases.colDecision') },
            { label: t('cases.colCommune') },
            { label: t('cases.colDebtor') },
            { label: t('cases.colStatus') },
            { label: t('cases.colOwed'), num: true },
            { label: t('cases.colCollected'), num: true },
          ]}
        >
          {list.rows.map((row) => (
            <tr key={row.id} className="case-table__row" onClick={(e) => openRow(e, row.id)}>
              <th scope="row">
                <a href={caseHref(row.id)} className={row.decisionNumber ? undefined : 'muted'}>
                  {row.decisionNumber ?? t('cases.noDecision')}
                </a>
                {row.overdue && <span className="badge badge--danger">{t('cases.overdue')}</span>}
                {(unreadOf.get(row.id) ?? 0) > 0 && (
                  <span className="badge badge--info">{t('cases.unread', { count: unreadOf.get(row.id) ?? 0 })}</span>
                )}
              </th>
              <td data-label={t('cases.colCommune')}>{row.commune.name}</td>
              <td data-label={t('cases.colDebtor')}>{mainDebtor(row) ?? '—'}</td>
              <td data-label={t('cases.colStatus')}>
                <StatusBadge status={row.status} />
              </td>
              <td className="num" data-label={t('cases.colOwed')}>
                {formatMoney(row.totals.owed)}
              </td>
              <td className="num" data-label={t('cases.colCollected')}>
                {formatMoney(row.totals.collected)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {loadingMore.error !== undefined && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(loadingMore.error, t)}</p>
        </div>
      )}

      {list.state === 'ready' && list.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          onClick={loadMore}
          disabled={loadingMore.busy}
          aria-busy={loadingMore.busy}
        >
          {loadingMore.busy ? t('cases.loadingMore') : t('cases.loadMore')}
        </button>
      )}
    </div>
  );
}
