import { ObservableType } from '../../generated/prisma/enums';
import type { IndicatorType } from './indicator';

/** The API names indicator types in lowercase; the database enum is uppercase. */
export function toObservableType(type: IndicatorType): ObservableType {
  return ObservableType[type.toUpperCase() as keyof typeof ObservableType];
}

export function toIndicatorType(type: ObservableType): IndicatorType {
  return type.toLowerCase() as IndicatorType;
}
