import { configureOutboundPolicy } from '../../src/common/http/outbound';

// Fakes of outside services listen on 127.0.0.1, which the SSRF guard refuses by default.
// A booted app replaces this with its own OUTBOUND_ALLOW_CIDRS (test-app sets the same range).
configureOutboundPolicy(['127.0.0.0/8']);
