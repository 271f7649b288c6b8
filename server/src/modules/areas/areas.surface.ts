import type { AreaService } from './area.service';

/** What other modules may use of the areas module: creating an area inside a shared transaction (CSV imports). */
export type AreaCreation = Pick<AreaService, 'create'>;
