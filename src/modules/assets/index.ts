export { AssetsModule } from './assets.module';
export { AssetsService } from './assets.service';
