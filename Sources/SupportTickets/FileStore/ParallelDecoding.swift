import Dispatch
import Foundation

/// Runs an independent transformation over many records on every core, keeping their order.
package enum ParallelDecoding {
  /// `transform(index)` for every index in `0..<count`, computed concurrently; results in index order.
  /// - Complexity: O(n / cores) wall time for transforms of similar cost.
  package static func map<Result>(count: Int, _ transform: (Int) -> Result) -> [Result] {
    guard count > 64 else { return (0..<count).map(transform) }
    return withoutActuallyEscaping(transform) { transform in
      var results = [Result?](repeating: nil, count: count)
      results.withUnsafeMutableBufferPointer { output in
        nonisolated(unsafe) let output = output
        nonisolated(unsafe) let transform = transform
        let chunks = min(count, 8 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          // Each chunk writes only its own slots.
          for index in stride(from: chunk * count / chunks, to: (chunk + 1) * count / chunks, by: 1) {
            output[index] = transform(index)
          }
        }
      }
      return results.map { $0! }
    }
  }
}
