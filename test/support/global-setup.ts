import { ensureTestDataset } from './dataset.js';

export default function setup(): void {
  ensureTestDataset();
}
