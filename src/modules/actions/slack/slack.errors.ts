import { ErrorKind, ModuleError } from '../../../common/errors/module-error';
import { SLACK_MAX_AGE_SECONDS, type SlackSignatureRefusal } from './slack-signature';

const SIGNATURE_MESSAGES: Record<SlackSignatureRefusal, string> = {
  missing: 'X-Slack-Request-Timestamp and X-Slack-Signature are required',
  stale: `X-Slack-Request-Timestamp is more than ${SLACK_MAX_AGE_SECONDS} s from now`,
  mismatch: 'X-Slack-Signature does not match the body',
};

export class SlackSignatureError extends ModuleError {
  constructor(readonly refusal: SlackSignatureRefusal) {
    super(ErrorKind.Unauthenticated, 'SLACK_SIGNATURE_INVALID', SIGNATURE_MESSAGES[refusal]);
  }
}

/** Without an enabled slack integration and its signingSecret nothing can be verified. */
export class SlackNotConfiguredError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Unauthenticated,
      'SLACK_NOT_CONFIGURED',
      'Slack interactions are off: enable the slack integration with a signingSecret',
    );
  }
}

export class SlackPayloadError extends ModuleError {
  constructor(detail: string) {
    super(ErrorKind.Invalid, 'SLACK_PAYLOAD_INVALID', `Slack payload ${detail}`);
  }
}
