import Foundation
import Hummingbird
import StatGuardCore
import StatGuardReports

/// The JSON API the pages' questions answer to, for scripts: periods, cases, an enterprise,
/// triage. Every answer is bounded by the signed-in user's region; errors are `{"error": …}`.
extension Workbench {
    struct PeriodAnswer: Encodable {
        var period: String
        var findings: Int
    }

    struct TriageRequest: Decodable {
        var alert_key: String
        var status: String
        var reason: String?
        var valid_until: String?
        var verified_value: Double?
    }

    struct TriageAnswer: Encodable {
        var alert_key: String
        var changed: Bool
        var period: String?
        var from: String?
        var to: String?
        var by: String?
        var at: String?
    }

    struct EnterpriseAnswer: Encodable {
        struct Point: Encodable {
            var period: String
            var gross_output, sales_output, electricity, grid_electricity, invoiced_sales: Double?
        }
        struct FindingAnswer: Encodable {
            var alert_key, rule_id, severity, category, indicator, message_zh, message_en, observed, expected: String
            var score: Double
        }
        struct Key: Encodable {
            var alert_key, status, status_label, reason: String
        }
        var credit_code, name, region_code, period, explanation: String
        var figures: [String: Double]
        var history: [Point]
        var findings: [FindingAnswer]
        var keys: [Key]
    }

    func addAPI(to router: Router<BasicRequestContext>) {
        router.get("/api/periods") { request, _ in
            api(request) { user in
                Reply.json(try data.store.findingCounts(regionPrefix: user.account.region).map {
                    PeriodAnswer(period: $0.period.description, findings: $0.count)
                })
            }
        }
        router.get("/api/cases") { request, _ in
            api(request) { user in
                let params = request.uri.queryParameters
                guard let period = try data.period(params.get("period")), params.get("period").map({ Period($0) == period }) ?? true else {
                    return Reply.jsonError(.notFound, "the period is not loaded (give period=YYYY-MM)")
                }
                let filter = caseFilter(
                    user.account, town: params.get("town") ?? "", category: params.get("category") ?? "", rule: params.get("rule") ?? "",
                    severity: params.get("severity") ?? "", status: params.get("status") ?? "all")
                var cases = try data.cases(period, filter) ?? []
                if let offset = params.get("offset").flatMap({ Int($0) }), offset > 0 { cases = Array(cases.dropFirst(offset)) }
                if let limit = params.get("limit").flatMap({ Int($0) }), limit >= 0 { cases = Array(cases.prefix(limit)) }
                return Reply.json(CasesText.json(cases, try data.renderer(period)))
            }
        }
        router.get("/api/enterprises/:code") { request, context in
            api(request) { user in
                guard let period = try data.period(request.uri.queryParameters.get("period")) else {
                    return Reply.jsonError(.notFound, "no period is loaded")
                }
                let viewer = Viewer(account: user.account, csrfToken: user.session.csrfToken, period: period, periods: [])
                guard let c = try enterprise(context.parameters.get("code") ?? "", viewer: viewer, flash: nil) else {
                    return Reply.jsonError(.notFound, "no such enterprise in your region")
                }
                let renderer = try data.renderer(period)
                return Reply.json(EnterpriseAnswer(
                    credit_code: c.code.description, name: c.name, region_code: c.regionCode, period: period.description,
                    explanation: c.explanation, figures: Dictionary(c.figures.map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    history: c.points.map {
                        .init(period: $0.period.description, gross_output: $0.grossOutput, sales_output: $0.salesOutput,
                              electricity: $0.electricity, grid_electricity: $0.gridElectricity, invoiced_sales: $0.invoicedSales)
                    },
                    findings: c.findings.map {
                        .init(alert_key: AlertKey($0).description, rule_id: $0.ruleID.rawValue, severity: $0.severity.rawValue,
                              category: $0.category.rawValue, indicator: $0.indicator, message_zh: renderer.message($0, .zh),
                              message_en: renderer.message($0, .en), observed: renderer.observed($0), expected: renderer.expected($0), score: $0.score)
                    },
                    keys: c.lines.map { .init(alert_key: $0.key.description, status: $0.status.status.rawValue, status_label: $0.status.label, reason: $0.status.reason) }))
            }
        }
        router.post("/api/triage") { request, _ in
            guard let user = try signedIn(request) else { return Reply.jsonError(.unauthorized, "not signed in: POST /api/login first") }
            guard csrfMatches(user, header: request) else { return Reply.jsonError(.forbidden, "missing or wrong X-CSRF-Token") }
            guard let body = try? await request.body.collect(upTo: Form.limit),
                  let decision = try? JSONDecoder().decode(TriageRequest.self, from: Data(String(buffer: body).utf8))
            else { return Reply.jsonError(.badRequest, "the body is not JSON with alert_key and status") }
            let outcome = triage(
                user: user, keyText: decision.alert_key, status: decision.status, reason: decision.reason ?? "",
                validUntil: decision.valid_until ?? "", verifiedValue: decision.verified_value.map { String($0) } ?? "",
                period: try? data.period(nil))
            switch outcome {
            case .recorded(let e):
                return Reply.json(TriageAnswer(
                    alert_key: e.key.description, changed: true, period: e.period.description, from: e.from.rawValue, to: e.to.rawValue, by: e.by, at: e.at))
            case .unchanged: return Reply.json(TriageAnswer(alert_key: decision.alert_key, changed: false))
            case .notFound: return Reply.jsonError(.notFound, "no such alert in your region")
            case .refused(let why): return Reply.jsonError(.unprocessableContent, why)
            }
        }
    }

    /// Runs `answer` for a signed-in user; 401 otherwise, 503 when the store cannot be read.
    func api(_ request: Request, _ answer: (SignedIn) throws -> Response) -> Response {
        do {
            guard let user = try signedIn(request) else { return Reply.jsonError(.unauthorized, "not signed in: POST /api/login first") }
            return try answer(user)
        } catch {
            return Reply.jsonError(.serviceUnavailable, "cannot read the store: \(error)")
        }
    }
}
