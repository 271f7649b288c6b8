import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { badInput } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A NUL, or a UTF-16 surrogate without its partner (invalid Unicode that PostgreSQL cannot store). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Before any root resolver (graphql/operation-checks.ts): walks every argument along its GraphQL type and
 * refuses with BAD_USER_INPUT (naming the argument path) any `ID` that is not a UUID — every id in
 * this API is one — and any string with a NUL byte or invalid Unicode. So such values never reach
 * SQL, where they used to surface as INTERNAL_SERVER_ERROR.
 */
export function checkInputs(args: Record<string, unknown>, info: GraphQLResolveInfo): void {
  const field = info.parentType.getFields()[info.fieldName];
  for (const arg of field?.args ?? []) checkValue(arg.type, args[arg.name], arg.name, arg);
}

function checkValue(type: GraphQLInputType, value: unknown, path: string, arg: GraphQLArgument): void {
  if (value === null || value === undefined) return;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(inner.ofType, item, `${path}[${i}]`, arg));
    return;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return;
    for (const f of Object.values(inner.getFields()))
      checkValue(f.type, (value as Record<string, unknown>)[f.name], `${path}.${f.name}`, arg);
    return;
  }
  if (typeof value !== 'string') return;
  if (isScalarType(inner) && inner.name === 'ID' && !UUID.test(value)) {
    throw badInput(`Mã định danh ở "${path}" không hợp lệ (phải là UUID, ví dụ 3f2b…-…).`, { field: path });
  }
  if (UNSTORABLE.test(value)) {
    throw badInput(`Nội dung ở "${path}" chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng); hãy nhập lại.`, { field: path });
  }
}
