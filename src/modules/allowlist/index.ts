export { AllowlistModule } from './allowlist.module';
export { AllowlistService } from './allowlist.service';
