import { plainToInstance } from 'class-transformer';
import { IsIn, IsString, validateSync } from 'class-validator';
import { IsOptionalDefined, IsOptionalNullable } from './optional';

class PatchDto {
  @IsOptionalDefined()
  @IsIn(['ADMIN', 'ANALYST'], { message: 'role must be one of ADMIN, ANALYST' })
  role?: string;

  @IsOptionalNullable()
  @IsString()
  owner?: string | null;
}

const messages = (body: object) =>
  validateSync(plainToInstance(PatchDto, body)).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe(IsOptionalDefined.name, () => {
  it('skips validation when the field is left out', () => {
    expect(messages({})).toEqual([]);
  });

  it('refuses null with a message naming the field', () => {
    expect(messages({ role: null })).toContain('role must not be null');
  });

  it('validates a present value as usual', () => {
    expect(messages({ role: 'ANALYST' })).toEqual([]);
    expect(messages({ role: 'ROOT' })).toEqual(['role must be one of ADMIN, ANALYST']);
  });
});

describe(IsOptionalNullable.name, () => {
  it('accepts null where null means "clear it"', () => {
    expect(messages({ owner: null })).toEqual([]);
    expect(messages({ owner: 5 })).toEqual(['owner must be a string']);
  });
});
