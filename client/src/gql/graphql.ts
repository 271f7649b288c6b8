/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What an agency is (enforcement office, police, court, procuracy …). */
export type AgencyKind =
  | 'BANK'
  | 'COURT'
  | 'ENFORCEMENT_OFFICE'
  | 'MASS_ORGANISATION'
  | 'OTHER'
  | 'PEOPLES_COMMITTEE'
  | 'POLICE'
  | 'PROCURACY'
  | 'STEERING_COMMITTEE';

/** What a user may do; abilities derive from roles in the policy module. */
export type Role =
  | 'AGENCY_ADMIN'
  | 'AGENCY_HEAD'
  | 'ENFORCEMENT_OFFICER'
  | 'OFFICER'
  | 'PROCURATOR'
  | 'STEERING_MEMBER'
  | 'SYSTEM_ADMIN';

export type SignInInput = {
  password: string;
  username: string;
};

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string } };

export type SignOutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type SignOutMutation = { signOut: boolean };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { me: { id: string, username: string, fullName: string, roles: Array<Role>, agency: { id: string, code: string, name: string, kind: AgencyKind } }, serverInfo: { version: string, instanceId: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    accessToken
    accessTokenExpiresAt
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    accessToken
    accessTokenExpiresAt
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut($refreshToken: String!) {
  signOut(refreshToken: $refreshToken)
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const HomeDocument = new TypedDocumentString(`
    query Home {
  me {
    id
    username
    fullName
    roles
    agency {
      id
      code
      name
      kind
    }
  }
  serverInfo {
    version
    instanceId
  }
}
    `) as unknown as TypedDocumentString<HomeQuery, HomeQueryVariables>;