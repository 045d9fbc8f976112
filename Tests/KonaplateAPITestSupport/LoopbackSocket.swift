#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls the loopback test servers make (SilentListener, FaultServer), in one place: a listening socket
/// on 127.0.0.1, whole writes that never raise SIGPIPE, and the two ways a connection ends (FIN and RST).
public enum LoopbackSocket {
    public struct Failed: Error { public let call: String }

    /// A TCP socket listening on 127.0.0.1 at a free port.
    public static func listen(backlog: Int32) throws -> (descriptor: Int32, port: Int) {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failed(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        #if canImport(Glibc)
            let listening = Glibc.listen(descriptor, backlog)
        #else
            let listening = Darwin.listen(descriptor, backlog)
        #endif
        guard bound == 0, listening == 0 else {
            close(descriptor)
            throw Failed(call: "bind/listen")
        }
        var assigned = sockaddr_in()
        var assignedLength = length
        _ = withUnsafeMutablePointer(to: &assigned) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &assignedLength) }
        }
        return (descriptor, Int(UInt16(bigEndian: assigned.sin_port)))
    }

    /// The next connection, or nil once the listening socket is shut down.
    public static func accept(_ listening: Int32) -> Int32? {
        #if canImport(Glibc)
            let connection = Glibc.accept(listening, nil, nil)
        #else
            let connection = Darwin.accept(listening, nil, nil)
            if connection >= 0 {
                var on: Int32 = 1
                setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            }
        #endif
        return connection >= 0 ? connection : nil
    }

    /// Writes all of `bytes`; false when the peer is gone. A write to a closed connection fails with EPIPE instead of
    /// killing the process with SIGPIPE.
    @discardableResult
    public static func write(_ descriptor: Int32, _ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let flags = Int32(MSG_NOSIGNAL)
            #else
                let flags: Int32 = 0
            #endif
            let written = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress! + offset, bytes.count - offset, flags)
            }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    /// Up to `count` bytes; empty at the end of the stream or on an error.
    public static func read(_ descriptor: Int32, upTo count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, count, 0) }
        return read > 0 ? Array(buffer[0..<read]) : []
    }

    /// Wakes whatever waits on the socket (accept, recv), without closing it: its owner closes it.
    public static func shutDown(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = shutdown(descriptor, Int32(SHUT_RDWR))
        #else
            _ = shutdown(descriptor, SHUT_RDWR)
        #endif
    }

    /// Ends the connection with a FIN, as a server does.
    public static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }

    /// Ends the connection with a RST (SO_LINGER of 0): the peer sees "connection reset".
    public static func reset(_ descriptor: Int32) {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        close(descriptor)
    }
}
