import type { RapportApi } from '../shared/ipc/api';

declare global {
  interface Window {
    rapport: RapportApi;
  }
}
