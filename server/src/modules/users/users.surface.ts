import type { UserService } from './user.service';

/** What other modules may use of the users module: creating a user inside a shared transaction (CSV imports). */
export type UserCreation = Pick<UserService, 'create'>;
