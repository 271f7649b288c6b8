import { DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/** A demo account printed at start. */
export interface DemoLogin {
  username: string;
  password: string;
  description: string;
}

/** The demo accounts `npm start` prints (all share one password). */
export const DEMO_LOGINS: DemoLogin[] = DEMO_USERS.map((u) => ({
  username: u.username,
  password: DEMO_PASSWORD,
  description: u.description,
}));
