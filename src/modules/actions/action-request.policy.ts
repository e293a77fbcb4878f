import { Injectable } from '@nestjs/common';
import { isJsonObject, type JsonObject } from '../../common/types/json';
import { AppConfig } from '../../config/app-config';
import { ActionType, AssetCriticality } from '../../generated/prisma/enums';
import { AllowlistService } from '../allowlist';
import { AssetsService } from '../assets';
import { validateTarget, type ValidTarget } from './action-target';
import { ActionParamsInvalidError, ActionTargetAllowlistedError } from './actions.errors';

const MAX_PARAMS_BYTES = 8 * 1024;
const MAX_BLOCK_SECONDS = 366 * 86400;

export interface CheckedRequest {
  target: ValidTarget;
  params: JsonObject;
  /** Distinct approvers needed: 2 for a CRITICAL asset. */
  requiredApprovals: number;
}

/** What a request must satisfy before it is stored: a valid target, sane params, no allow-listed target. */
@Injectable()
export class ActionRequestPolicy {
  constructor(
    private readonly config: AppConfig,
    private readonly allowlist: AllowlistService,
    private readonly assets: AssetsService,
  ) {}

  async check(type: ActionType, rawTarget: string, rawParams: unknown): Promise<CheckedRequest> {
    const target = validateTarget(type, rawTarget, {
      maxPrefixV4: this.config.actions.blockMaxPrefixV4,
      maxPrefixV6: this.config.actions.blockMaxPrefixV6,
    });
    const params = checkParams(type, rawParams ?? {});
    if (await this.isAllowlisted(target)) throw new ActionTargetAllowlistedError(target.value);
    return { target, params, requiredApprovals: (await this.isCritical(target)) ? 2 : 1 };
  }

  private isAllowlisted(target: ValidTarget): Promise<boolean> {
    switch (target.kind) {
      case 'ip':
      case 'cidr':
        return this.allowlist.isAllowlisted(target.value);
      case 'hostname':
        return this.allowlist.isAllowlisted({ type: 'domain', value: target.value });
      default:
        return Promise.resolve(false);
    }
  }

  /** A host or address that is a CRITICAL asset (by ip or host name), or a range holding one. */
  private async isCritical(target: ValidTarget): Promise<boolean> {
    if (target.kind === 'cidr') return this.assets.hasCriticalAssetIn(target.value);
    const keys =
      target.kind === 'ip'
        ? { ips: [target.value] }
        : target.kind === 'hostname'
          ? { hostname: target.value, ips: [] }
          : null;
    if (!keys) return false;
    const match = await this.assets.findCriticality(keys);
    return match?.criticality === AssetCriticality.CRITICAL;
  }
}

export function checkParams(type: ActionType, raw: unknown): JsonObject {
  if (!isJsonObject(raw)) throw new ActionParamsInvalidError('params must be a JSON object');
  if (Buffer.byteLength(JSON.stringify(raw)) > MAX_PARAMS_BYTES)
    throw new ActionParamsInvalidError(`params must be at most ${MAX_PARAMS_BYTES} bytes of JSON`);
  const duration = raw.durationSeconds;
  if (duration !== undefined) {
    if (type !== ActionType.BLOCK_IP)
      throw new ActionParamsInvalidError('params.durationSeconds applies to BLOCK_IP only');
    if (
      !Number.isInteger(duration) ||
      (duration as number) < 1 ||
      (duration as number) > MAX_BLOCK_SECONDS
    )
      throw new ActionParamsInvalidError(
        `params.durationSeconds must be a whole number of seconds from 1 to ${MAX_BLOCK_SECONDS}`,
      );
  }
  return raw;
}
