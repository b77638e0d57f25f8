// Worker thread of `icp score --threads`: scores chunks of whole CSV rows and returns them as CSV bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { compileModel } from '../engine';
import { scoreChunk } from './score-chunk';
import { WORKER_READY, type ScoreChunk, type WorkerSetup } from './score-worker-protocol';

const setup = workerData as WorkerSetup;
// The main thread compiled the same model against the same headers already, so this cannot fail.
const profile = compileModel(setup.model, setup.headers, { today: new Date(setup.today), ...(setup.locale === undefined ? {} : { locale: setup.locale }) }).profile(setup.profile);

parentPort!.on('message', (chunk: ScoreChunk) => {
  const result = scoreChunk(profile, setup.headers.length, setup, chunk);
  parentPort!.postMessage(result, result.ok ? [result.bytes.buffer as ArrayBuffer] : []);
});
parentPort!.postMessage(WORKER_READY);
