import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** One input amount: at most 15 digits (under a million billion đồng). */
const INPUT_DIGITS = /^\d{1,15}$/;
/** Any output (sums included): digits only, whatever their number. */
const OUTPUT_DIGITS = /^\d+$/;

/** The largest amount one input may carry, in đồng. */
export const MAX_MONEY_INPUT = 999_999_999_999_999n;

/**
 * Money in Vietnamese đồng: a non-negative integer sent as a decimal string so amounts beyond 2^53
 * (and far beyond GraphQL's 32-bit Int) stay exact. Inputs accept a string of at most 15 digits or an
 * integer literal; floats are refused. The input bound keeps every stored amount and every sum the
 * app computes (≤ 50 obligations per case, collections bounded by the amount owed) far inside
 * PostgreSQL's bigint; outputs are never refused, so a sum cannot turn a list into `data: null`.
 */
export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description: 'Vietnamese đồng, a non-negative integer as a decimal string, e.g. "4600000000" (inputs: at most 15 digits). Never a float.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && OUTPUT_DIGITS.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    throw new GraphQLError(`Money cannot represent ${String(value)}`);
  },
  parseValue(value) {
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text !== 'string' || !INPUT_DIGITS.test(text)) {
      throw new GraphQLError(
        'Số tiền phải là số nguyên đồng không âm, tối đa 15 chữ số, ví dụ "777000000" (không dùng dấu chấm, phẩy hay số thập phân).',
        { extensions: { code: 'BAD_USER_INPUT' } },
      );
    }
    return text.replace(/^0+(?=\d)/, '');
  },
  parseLiteral(ast) {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT) && INPUT_DIGITS.test(ast.value)) return ast.value.replace(/^0+(?=\d)/, '');
    throw new GraphQLError('Số tiền phải là số nguyên đồng không âm, tối đa 15 chữ số.', {
      nodes: ast,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
