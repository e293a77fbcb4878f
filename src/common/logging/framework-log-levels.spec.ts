import { FrameworkLogLevels } from './framework-log-levels';

describe(FrameworkLogLevels.name, () => {
  const inner = () => ({
    log: jest.fn(),
    error: jest.fn(),
    warn: jest.fn(),
    debug: jest.fn(),
    verbose: jest.fn(),
    fatal: jest.fn(),
  });

  it("demotes Nest's route-mapping and module lines to debug", () => {
    const target = inner();
    const logger = new FrameworkLogLevels(target);
    logger.log('Mapped {/alerts, GET} route', 'RouterExplorer');
    logger.log('AlertsController {/alerts}:', 'RoutesResolver');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(target.debug).toHaveBeenCalledTimes(3);
    expect(target.debug).toHaveBeenCalledWith('Mapped {/alerts, GET} route', 'RouterExplorer');
    expect(target.log).not.toHaveBeenCalled();
  });

  it('passes every other line on at its own level', () => {
    const target = inner();
    const logger = new FrameworkLogLevels(target);
    logger.log('Mini-SOAR listening', 'Bootstrap');
    logger.warn('generated secrets', 'Bootstrap');
    logger.error('boom', 'stack', 'AlertPipeline');
    expect(target.log).toHaveBeenCalledWith('Mini-SOAR listening', 'Bootstrap');
    expect(target.warn).toHaveBeenCalledWith('generated secrets', 'Bootstrap');
    expect(target.error).toHaveBeenCalledWith('boom', 'stack', 'AlertPipeline');
    expect(target.debug).not.toHaveBeenCalled();
  });
});
