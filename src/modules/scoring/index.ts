export { ScoringModule } from './scoring.module';
export { ScoringService } from './scoring.service';
export type * from './scoring.types';
