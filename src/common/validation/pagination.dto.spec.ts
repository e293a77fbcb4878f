import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MAX_LIMIT, MAX_PAGE, PaginationQueryDto } from './pagination.dto';

const errorsFor = (query: Record<string, string>) =>
  validateSync(plainToInstance(PaginationQueryDto, query)).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe(PaginationQueryDto.name, () => {
  it('defaults to the first page of 20', () => {
    const query = plainToInstance(PaginationQueryDto, {});
    expect(errorsFor({})).toEqual([]);
    expect([query.page, query.limit, query.skip]).toEqual([1, 20, 0]);
  });

  it.each([
    ['99999999999999999999', `page must not be greater than ${MAX_PAGE}`],
    ['92233720368547759', `page must not be greater than ${MAX_PAGE}`],
    ['18446744073709551616', `page must not be greater than ${MAX_PAGE}`],
    ['0', 'page must be at least 1'],
    ['-1', 'page must be at least 1'],
    ['1.5', 'page must be an integer'],
    ['NaN', 'page must be an integer'],
    ['Infinity', 'page must be an integer'],
  ])('refuses page=%s', (page, message) => {
    expect(errorsFor({ page })).toContain(message);
  });

  it('refuses a limit over the maximum', () => {
    expect(errorsFor({ limit: String(MAX_LIMIT + 1) })).toEqual([
      `limit must not be greater than ${MAX_LIMIT}`,
    ]);
  });

  it('keeps the largest offset it accepts within a 32-bit integer', () => {
    const query = plainToInstance(PaginationQueryDto, {
      page: String(MAX_PAGE),
      limit: String(MAX_LIMIT),
    });
    expect(errorsFor({ page: String(MAX_PAGE), limit: String(MAX_LIMIT) })).toEqual([]);
    expect(query.skip).toBeLessThan(2 ** 31);
  });
});
