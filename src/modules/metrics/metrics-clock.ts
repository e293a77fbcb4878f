import { Injectable } from '@nestjs/common';

/** "Now" for the metric windows; tests replace `now` so windows are deterministic. */
@Injectable()
export class MetricsClock {
  now(): Date {
    return new Date();
  }
}
