import Foundation

/// `support-desk [--store DIR] open|list|show|reply|note|status|resolve|export|verify|repair …` (issue 4).
func runStoreCommand(_ arguments: [String]) async -> Int32 {
  FileHandle.standardError.write(Data("usage: support-desk demo\n".utf8))
  return 2
}
