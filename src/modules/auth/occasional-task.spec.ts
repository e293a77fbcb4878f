import { Logger } from '@nestjs/common';
import { OccasionalTask } from './occasional-task';

describe(OccasionalTask.name, () => {
  it('runs at most once per interval, first on the first call', () => {
    const runs: number[] = [];
    const task = new OccasionalTask(
      'test',
      60_000,
      (now) => {
        runs.push(now);
        return Promise.resolve();
      },
      new Logger('test'),
    );
    for (const now of [1_000, 30_000, 60_999, 61_000, 100_000, 121_000]) task.maybeRun(now);
    expect(runs).toEqual([1_000, 61_000, 121_000]);
  });

  it('logs a failure instead of letting it reject unhandled', async () => {
    const logger = new Logger('test');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    new OccasionalTask('Pruning', 1, () => Promise.reject(new Error('boom')), logger).maybeRun(0);
    await new Promise(setImmediate);
    expect(warn).toHaveBeenCalledWith('Pruning failed: boom');
  });
});
