import Dispatch
import Foundation

/// Feature extraction for training, spread over the machine's cores (texts are independent).
enum ParallelFeatures {
  /// The unique feature indices of every example, in example order.
  static func uniqueIndices(of examples: [LabeledExample], extractor: FeatureExtractor) -> [[Int32]] {
    let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
    guard cores > 1, examples.count >= 2_000 else {
      return examples.map { FeatureExtractor.uniqueIndices(extractor.features(of: $0.text)) }
    }
    var result = [[Int32]](repeating: [], count: examples.count)
    let chunk = (examples.count + cores - 1) / cores
    result.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: cores) { part in
        let start = part * chunk
        let end = min(examples.count, start + chunk)
        guard start < end else { return }
        for index in start..<end {
          // Each part writes only its own slots.
          output[index] = FeatureExtractor.uniqueIndices(extractor.features(of: examples[index].text))
        }
      }
    }
    return result
  }
}
