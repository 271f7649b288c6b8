import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DIGITS = /^\d{1,18}$/;

/**
 * Money in Vietnamese đồng: a non-negative integer up to 18 digits, sent as a decimal string so
 * amounts beyond 2^53 (and far beyond GraphQL's 32-bit Int) stay exact. Inputs accept a string of
 * digits or an integer literal; floats are refused.
 */
export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description: 'Vietnamese đồng, a non-negative integer as a decimal string, e.g. "4600000000". Never a float.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && DIGITS.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    throw new GraphQLError(`Money cannot represent ${String(value)}`);
  },
  parseValue(value) {
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text !== 'string' || !DIGITS.test(text)) {
      throw new GraphQLError('Số tiền phải là số nguyên đồng không âm, ví dụ "777000000" (không dùng dấu chấm, phẩy hay số thập phân).', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return text.replace(/^0+(?=\d)/, '');
  },
  parseLiteral(ast) {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT) && DIGITS.test(ast.value)) return ast.value.replace(/^0+(?=\d)/, '');
    throw new GraphQLError('Số tiền phải là số nguyên đồng không âm.', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
  },
});
