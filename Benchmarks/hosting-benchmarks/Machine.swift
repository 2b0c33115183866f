import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The machine a run was measured on, written with every result.
struct MachineInfo: Codable, Equatable {
  /// The processor's model name (`/proc/cpuinfo` on Linux, `machdep.cpu.brand_string` on macOS).
  var cpuModel: String
  /// Processors available to the process.
  var cores: Int
  /// Physical memory in bytes.
  var memoryBytes: UInt64
  /// Operating system name and version, and the kernel release.
  var os: String
  /// The Swift compiler that built the harness (from `swift --version` when it matches, else the language
  /// version the binary was compiled with).
  var swift: String

  static func current() -> MachineInfo {
    MachineInfo(
      cpuModel: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryBytes: ProcessInfo.processInfo.physicalMemory, os: operatingSystem(), swift: swiftVersion())
  }

  private static func cpuModel() -> String {
    #if os(Linux)
      if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
        let colon = line.firstIndex(of: ":")
      {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    #elseif canImport(Darwin)
      var size = 0
      if sysctlbyname("machdep.cpu.brand_string", nil, &size, nil, 0) == 0, size > 0 {
        var bytes = [CChar](repeating: 0, count: size)
        if sysctlbyname("machdep.cpu.brand_string", &bytes, &size, nil, 0) == 0 {
          return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
      }
    #endif
    return "unknown"
  }

  private static func operatingSystem() -> String {
    var name = ProcessInfo.processInfo.operatingSystemVersionString
    #if os(Linux)
      if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
      {
        name = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      }
      var system = utsname()
      if uname(&system) == 0 {
        let release = withUnsafeBytes(of: &system.release) { bytes in
          String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        name += ", Linux \(release)"
      }
    #endif
    return name
  }

  private static func swiftVersion() -> String {
    #if swift(>=6.3)
      let compiled = "6.3"
    #elseif swift(>=6.2)
      let compiled = "6.2"
    #elseif swift(>=6.1)
      let compiled = "6.1"
    #else
      let compiled = "6.0"
    #endif
    guard let output = runTool(["swift", "--version"]),
      let line = output.split(separator: "\n").first(where: { $0.contains("Swift version") }),
      line.contains("version \(compiled)")
    else { return "Swift \(compiled)" }
    return line.trimmingCharacters(in: .whitespaces)
  }
}

/// The 1-, 5- and 15-minute load averages (runnable processes), or `[]` where unavailable.
func loadAverages() -> [Double] {
  var values = [Double](repeating: 0, count: 3)
  let count = values.withUnsafeMutableBufferPointer { getloadavg($0.baseAddress!, 3) }
  return count == 3 ? values.map { ($0 * 100).rounded() / 100 } : []
}

/// The checkout's HEAD when the harness runs (build and run from the same checkout), with `+dirty` when it has
/// uncommitted changes to tracked files.
func gitCommit() -> String {
  guard let head = runTool(["git", "rev-parse", "HEAD"])?.trimmingCharacters(in: .whitespacesAndNewlines),
    !head.isEmpty
  else { return "unknown" }
  let status = runTool(["git", "status", "--porcelain", "--untracked-files=no"]) ?? ""
  return status.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? head : head + "+dirty"
}

/// Runs a tool found on `PATH` and returns its standard output, or `nil` if it cannot run or fails.
private func runTool(_ arguments: [String]) -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { return nil }
  return String(decoding: data, as: UTF8.self)
}
