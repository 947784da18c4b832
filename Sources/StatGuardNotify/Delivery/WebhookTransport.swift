import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts one request and hands back the HTTP status and body, whatever they are; judging the
/// reply is the channel's business. Injected, so tests talk to a loopback fake.
public protocol WebhookTransport: Sendable {
    func post(url: String, body: [UInt8], headers: [String: String]) async throws -> (status: Int, body: [UInt8])
}

/// A transport failure with its URL already masked.
public struct WebhookTransportError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The transport over Foundation's `URLSession` (FoundationNetworking on Linux): an ephemeral
/// session (no cookies, no cache on disk) with a timeout per request.
public final class URLSessionTransport: WebhookTransport, @unchecked Sendable {
    private let session: URLSession
    private let timeoutSeconds: Double

    public init(timeoutSeconds: Double = 20) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds * 2
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        self.timeoutSeconds = timeoutSeconds
        self.session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func post(url: String, body: [UInt8], headers: [String: String]) async throws -> (status: Int, body: [UInt8]) {
        guard let target = URL(string: url), let scheme = target.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw WebhookTransportError(description: "not an http(s) URL: \(SecretMask.maskURL(url))")
        }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeoutSeconds)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let holder = TaskHolder()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(status: Int, body: [UInt8]), any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        let code = (error as? URLError)?.code.rawValue ?? -1
                        continuation.resume(throwing: WebhookTransportError(
                            description: "no answer from \(SecretMask.maskURL(url)) (URLError \(code))"))
                        return
                    }
                    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                    continuation.resume(returning: (status, Array(data ?? Data())))
                }
                holder.set(task)
                task.resume()
            }
        } onCancel: {
            holder.cancel()
        }
    }
}

/// The running task, for a cancellation handler that may run before or after it exists.
private final class TaskHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func set(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancel = cancelled
        lock.unlock()
        if cancel { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}
