// The one place allowed to import IsOptional: it lets null through as well as undefined.
/* eslint-disable no-restricted-syntax */
import { IsDefined, IsOptional, ValidateIf } from 'class-validator';

/**
 * An optional field: leaving it out skips validation, but `null` is refused
 * ("role must not be null") instead of reaching the database as "clear this".
 */
export function IsOptionalDefined(): PropertyDecorator {
  return (target, key) => {
    ValidateIf((_object: object, value: unknown) => value !== undefined)(target, key);
    IsDefined({ message: '$property must not be null' })(target, key);
  };
}

/** An optional field where `null` means something (usually "clear it"): null and undefined skip validation. */
export function IsOptionalNullable(): PropertyDecorator {
  return IsOptional();
}
