import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ConfigError } from '../../config/config.error';
import { RiskScorer } from './risk-scorer';
import { resolveWeights } from './scoring-weights';
import type { Decision, ScoreResult, ScoringInput } from './scoring.types';

@Injectable()
export class ScoringService {
  private readonly scorer: RiskScorer;

  constructor(private readonly config: AppConfig) {
    try {
      this.scorer = new RiskScorer(resolveWeights(config.scoreWeights));
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }

  score(input: ScoringInput): ScoreResult {
    return this.scorer.score(input);
  }

  decide(result: ScoreResult): Decision {
    return this.scorer.decide(result, { autoCloseBelow: this.config.scoreAutoCloseBelow });
  }
}
