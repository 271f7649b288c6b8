import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** One input amount: at most 15 digits (under a million billion đồng). */
const INPUT_DIGITS = /^\d{1,15}$/;
/** The same amount as Vietnamese officials write it, dots between groups of three: "100.000.000". */
const INPUT_GROUPED = /^\d{1,3}(\.\d{3}){1,4}$/;

/** An input amount as plain digits without leading zeros, or null when it is neither form above. */
export function parseMoneyInput(text: string): string | null {
  const digits = INPUT_GROUPED.test(text) ? text.replaceAll('.', '') : text;
  return INPUT_DIGITS.test(digits) ? digits.replace(/^0+(?=\d)/, '') : null;
}
/** Any output (sums included): digits only, whatever their number. */
const OUTPUT_DIGITS = /^\d+$/;

/** The largest amount one input may carry, in đồng. */
export const MAX_MONEY_INPUT = 999_999_999_999_999n;

/**
 * Money in Vietnamese đồng: a non-negative integer sent as a decimal string so amounts beyond 2^53
 * (and far beyond GraphQL's 32-bit Int) stay exact. Inputs accept a string of at most 15 digits, the
 * same grouped with dots as Vietnamese write it ("100.000.000"), or an integer literal; floats are refused
 * ("1.5" is not a grouping). The input bound keeps every stored amount and every sum the
 * app computes (≤ 50 obligations per case, collections bounded by the amount owed) far inside
 * PostgreSQL's bigint; outputs are never refused, so a sum cannot turn a list into `data: null`.
 */
export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description:
    'Vietnamese đồng, a non-negative integer as a decimal string, e.g. "4600000000" (inputs: at most 15 digits, or grouped "4.600.000.000"). Never a float.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && OUTPUT_DIGITS.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    throw new GraphQLError(`Money cannot represent ${String(value)}`);
  },
  parseValue(value) {
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    const digits = typeof text === 'string' ? parseMoneyInput(text) : null;
    if (digits === null) {
      throw new GraphQLError(
        'Số tiền phải là số nguyên đồng không âm, tối đa 15 chữ số, ví dụ "777000000" hoặc "777.000.000" (không dùng số thập phân).',
        { extensions: { code: 'BAD_USER_INPUT' } },
      );
    }
    return digits;
  },
  parseLiteral(ast) {
    const digits = ast.kind === Kind.STRING || ast.kind === Kind.INT ? parseMoneyInput(ast.value) : null;
    if (digits !== null) return digits;
    throw new GraphQLError('Số tiền phải là số nguyên đồng không âm, tối đa 15 chữ số.', {
      nodes: ast,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
