import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for webhook tests: one thread accepts, one thread per connection
/// reads one request, asks the test's handler what to do, and answers (or not), then closes.
final class LoopbackHTTPServer: @unchecked Sendable {
  /// One request as the server received it.
  struct Request: Sendable {
    var method: String
    var path: String
    /// Header names are lower-cased.
    var headers: [String: String]
    var body: Data
  }

  /// What the server does with a request.
  enum Reply: Sendable {
    /// Answers with this status.
    case status(Int)
    /// Waits, then answers (the client may have given up by then).
    case delayed(seconds: Double, status: Int)
    /// Closes the connection without answering.
    case dropConnection
  }

  /// Decides the reply; gets the request and its 1-based arrival number.
  typealias Handler = @Sendable (Request, Int) -> Reply

  let port: UInt16
  private let listener: Int32
  private let handler: Handler
  private let lock = NSLock()
  private var received: [Request] = []
  private var stopped = false

  /// Starts listening on an ephemeral port of 127.0.0.1.
  init(handler: @escaping Handler) throws {
    self.handler = handler
    #if canImport(Glibc) || canImport(Musl)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    var reuse: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 16) == 0 else {
      close(descriptor)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    self.listener = descriptor
    self.port = UInt16(bigEndian: address.sin_port)
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  /// The server's base URL.
  var url: URL { URL(string: "http://127.0.0.1:\(port)/hooks/support")! }

  /// Every request received so far, in arrival order.
  var requests: [Request] {
    lock.withLock { received }
  }

  /// Stops accepting connections. The accept thread closes the listening socket itself when it wakes up, so
  /// its descriptor number cannot be reused by another server while that thread might still accept on it.
  func stop() {
    let wasRunning = lock.withLock {
      let running = !stopped
      stopped = true
      return running
    }
    guard wasRunning else { return }
    shutdown(listener, Int32(SHUT_RDWR))
  }

  deinit { stop() }

  private func acceptLoop() {
    defer { close(listener) }
    while true {
      let connection = accept(listener, nil, nil)
      if connection < 0 {
        if errno == EINTR { continue }
        return
      }
      if lock.withLock({ stopped }) {
        close(connection)
        return
      }
      let thread = Thread { [self] in serve(connection) }
      thread.start()
    }
  }

  private func serve(_ connection: Int32) {
    defer { close(connection) }
    #if canImport(Darwin)
      var noSignal: Int32 = 1
      setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
    #endif
    guard let request = readRequest(connection) else { return }
    let number = lock.withLock {
      received.append(request)
      return received.count
    }
    switch handler(request, number) {
    case .status(let status):
      respond(connection, status: status)
    case .delayed(let seconds, let status):
      Thread.sleep(forTimeInterval: seconds)
      respond(connection, status: status)
    case .dropConnection:
      shutdown(connection, Int32(SHUT_RDWR))
    }
  }

  private func readRequest(_ connection: Int32) -> Request? {
    var buffer = Data()
    let separator = Data("\r\n\r\n".utf8)
    var headEnd: Range<Data.Index>?
    while headEnd == nil {
      guard let chunk = receive(connection) else { return nil }
      buffer.append(chunk)
      headEnd = buffer.range(of: separator)
    }
    guard let headEnd else { return nil }
    let head = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let requestLine = lines.removeFirst().split(separator: " ")
    guard requestLine.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    if headers["expect"]?.lowercased() == "100-continue" {
      write(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }
    var body = Data(buffer[headEnd.upperBound...])
    let expected = Int(headers["content-length"] ?? "0") ?? 0
    while body.count < expected {
      guard let chunk = receive(connection) else { return nil }
      body.append(chunk)
    }
    return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
  }

  private func receive(_ connection: Int32) -> Data? {
    var bytes = [UInt8](repeating: 0, count: 4096)
    let count = recv(connection, &bytes, bytes.count, 0)
    guard count > 0 else { return nil }
    return Data(bytes[0..<count])
  }

  private func respond(_ connection: Int32, status: Int) {
    let body = "status \(status)\n"
    let text =
      "HTTP/1.1 \(status) Test\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n"
      + "Connection: close\r\n\r\n\(body)"
    write(connection, Data(text.utf8))
  }

  private func write(_ connection: Int32, _ data: Data) {
    #if os(Linux)
      let flags = Int32(MSG_NOSIGNAL)
    #else
      let flags: Int32 = 0
    #endif
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let sent = send(connection, buffer.baseAddress! + offset, buffer.count - offset, flags)
        if sent <= 0 { return }
        offset += sent
      }
    }
  }
}
