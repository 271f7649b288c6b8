import { graphql } from '../gql';

/**
 * What the navigation needs to know about the statistics, kept apart from the dashboard itself so
 * the home page does not load the dashboard's code (and its charting library) until it is opened.
 */

/** Whether to offer the dashboard and the targets form; the units the viewer may pick (server policy). */
export const statisticsAccessQuery = graphql(`
  query StatisticsAccess {
    statisticsAccess {
      dashboard
      currentStatisticalYear
      statisticalYears
      offices {
        id
        name
      }
      targetOffices {
        id
        name
      }
    }
  }
`);

/** "45,3 %": Vietnamese decimals, up to two. */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })} %`;
}
