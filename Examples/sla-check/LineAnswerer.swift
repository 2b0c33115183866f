import CommandLineSupport
import Foundation

/// Answers the JSON lines of `elapsed` or `deadline`, one output line for each input line.
///
/// Two paths give the same bytes. The common line — one flat object whose fields are a plain string and a
/// number — is read, computed and written byte by byte (`fast`), with no `JSONDecoder`, no `Date` formatting and
/// no `String` per field. Any other line, and any line whose answer would be an error, goes the full way (`full`):
/// `JSONDecoder`, then the command's original code, so its answer or its error (`line N: …`) is exactly the one
/// the command always gave. The golden and fast-path tests hold the two paths to that.
struct LineAnswerer<Line: Decodable> {
  /// Answers a line the byte-level way into the output, or returns `false` (having appended nothing) to leave
  /// it to the full way. It gets the line and the scanner that has just read it.
  typealias FastAnswer = (ArraySlice<UInt8>, FlatJSONObjectScanner, inout JSONLineBytes) -> Bool
  /// Answers a decoded line (with its number) as one line of JSON text, or throws the line's error.
  typealias FullAnswer = (Line, Int) throws -> String

  private var scanner: FlatJSONObjectScanner
  private let fast: FastAnswer
  private let full: FullAnswer
  private let decoder = JSONDecoder()
  /// Whether the byte-level path may answer; the tests switch it off to compare with the full way.
  var allowsFastPath = true

  /// An answerer.
  ///
  /// - Parameters:
  ///   - keys: The keys the fast path reads, in the order it finds them in the scanner's fields.
  ///   - fast: The byte-level answer.
  ///   - full: The answer to a decoded line.
  init(keys: [String], fast: @escaping FastAnswer, full: @escaping FullAnswer) {
    scanner = FlatJSONObjectScanner(keys: keys)
    self.fast = fast
    self.full = full
  }

  /// Appends the answer to one line (without its newline).
  ///
  /// - Parameters:
  ///   - line: The line's bytes.
  ///   - number: Its 1-based line number.
  ///   - output: Where the answer goes.
  /// - Returns: Whether the byte-level path answered.
  /// - Throws: `DecodingIssue` (or another `SupportKitError`) naming the line, exactly as the full way reports it.
  @discardableResult
  mutating func answer(_ line: ArraySlice<UInt8>, number: Int, into output: inout JSONLineBytes) throws -> Bool {
    if allowsFastPath, scanner.scan(line) {
      let start = output.count
      if fast(line, scanner, &output) { return true }
      assert(output.count == start, "a fast answer that gives up appends nothing")
    }
    let decoded = try JSONLinesReader.decode(Line.self, from: Data(line), line: number, decoder: decoder)
    output.append(contentsOf: try full(decoded, number))
    return false
  }
}
