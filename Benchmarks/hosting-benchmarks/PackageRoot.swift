import Foundation

/// Finds files of the package (inputs such as the sentiment corpus, the results file) whether the harness runs
/// from the package root (`swift run`) or elsewhere: the working directory when it holds `Package.swift`, else
/// the folder this source file was compiled from.
enum PackageRoot {
  static let url: URL = {
    let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    if FileManager.default.fileExists(atPath: working.appendingPathComponent("Package.swift").path) {
      return working
    }
    // Benchmarks/hosting-benchmarks/PackageRoot.swift → the package root.
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }()

  /// The absolute path of `relative` inside the package.
  static func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

  /// The contents of the package file `relative`.
  /// - Throws: `BenchmarkFailure` naming the file when it is missing: a benchmark never falls back to other data.
  static func contents(_ relative: String) throws -> Data {
    let file = path(relative)
    guard let data = FileManager.default.contents(atPath: file) else {
      throw BenchmarkFailure("input file \(file) is missing; run from the package root of a full checkout")
    }
    return data
  }
}
