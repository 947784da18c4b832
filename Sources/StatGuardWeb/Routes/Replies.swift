import Foundation
import HTTPTypes
import Hummingbird

/// The workbench's responses: pages, JSON and redirects, each with the headers that keep a
/// browser from running, framing, caching or sniffing anything it should not.
enum Reply {
    /// No script runs on any page (there is none); styles and charts are inline, images only inline SVG.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func headers(contentType: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[.cacheControl] = "no-store"
        fields[.contentSecurityPolicy] = contentSecurityPolicy
        fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return fields
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        var fields = headers(contentType: "text/html; charset=utf-8")
        for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie.description)) }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        var fields = headers(contentType: "application/json; charset=utf-8")
        for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie.description)) }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(value)).map(Array.init) ?? Array(#"{"error":"could not encode the answer"}"#.utf8)
        return json(bytes, status: status, cookies: cookies)
    }

    /// `{"error": message}` with `status`.
    static func jsonError(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(["error": message], status: status)
    }

    /// A 303 to `location` (a path on this server), after a form was handled.
    static func redirect(_ location: String, cookies: [Cookie] = []) -> Response {
        var fields = headers(contentType: "text/plain; charset=utf-8")
        fields[.location] = isLocalPath(location) ? location : "/"
        for cookie in cookies { fields.append(HTTPField(name: .setCookie, value: cookie.description)) }
        return Response(status: .seeOther, headers: fields)
    }

    /// Whether `location` is a path on this server: `/…`, not `//host` or `/\host` (which browsers read as
    /// another host), and no control characters, so `next=` can never send a user elsewhere.
    static func isLocalPath(_ location: String) -> Bool {
        let bytes = Array(location.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        if bytes.count > 1 && (bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\")) { return false }
        return !bytes.contains { $0 < 0x20 || $0 == 0x7F }
    }
}
