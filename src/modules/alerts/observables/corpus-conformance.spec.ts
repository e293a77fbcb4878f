import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCorpusConformance } from '../../../../test/helpers/corpus-conformance';
import { normalizeAlert } from '../connectors/connector.registry';
import { ObservableExtractor } from './observable-extractor';

const explicitCorpusDir = process.env.CORPUS_DIR;
const corpusDir = explicitCorpusDir ?? path.resolve(__dirname, '../../../../../shared/corpus');
/** Runs whenever the corpus is there; a CORPUS_DIR that does not exist fails instead of skipping. */
const describeWithCorpus = explicitCorpusDir || existsSync(corpusDir) ? describe : describe.skip;

describeWithCorpus('corpus conformance of normalizeAlert + ObservableExtractor', () => {
  it('meets recall 0.95, precision 0.90 and field accuracy 0.90 on the shared corpus', async () => {
    const extractor = new ObservableExtractor();
    const report = await runCorpusConformance(corpusDir, (connector, payload) => {
      const normalized = normalizeAlert(connector, payload);
      return Promise.resolve({ normalized, observables: extractor.extract(payload, normalized) });
    });
    console.log(report.text);
    expect(report.files).toBeGreaterThan(0);
    expect(report.iocs.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.iocs.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.fields.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
