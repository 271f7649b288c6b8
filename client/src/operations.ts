/**
 * Every GraphQL operation of the web app. They are written with the generated `graphql()` function,
 * so `npm run codegen` turns each into a typed document in ./gql (see codegen.yml).
 */
import { graphql } from './gql';

export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
    }
  }
`);

export const refreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      accessTokenExpiresAt
      refreshToken
    }
  }
`);

export const signOutMutation = graphql(`
  mutation SignOut($refreshToken: String!) {
    signOut(refreshToken: $refreshToken)
  }
`);

/** What the home page shows: the signed-in user, their agency and the server that answered. */
export const homeQuery = graphql(`
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
`);
